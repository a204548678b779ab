import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../app/use-page-title';
import './together.css';

/**
 * The organizing half in one tab: the bulletin and events, meetings and elections, strike pledge
 * campaigns, door-knocking, mutual aid and the citywide council. The bottom bar keeps five places for a member (alerts, report, plates, this,
 * settings); role screens add their own.
 */
export function TogetherPage() {
  const { t } = useTranslation();
  usePageTitle(t('together.title'));
  const places = [
    { to: '/bulletin', label: t('bulletin.nav'), hint: t('bulletin.hint') },
    { to: '/events', label: t('events.nav'), hint: t('events.hint') },
    { to: '/meetings', label: t('nav.meetings'), hint: t('together.meetings') },
    { to: '/campaigns', label: t('pledges.nav'), hint: t('together.campaigns') },
    { to: '/canvass', label: t('community.navCanvass'), hint: t('together.canvass') },
    { to: '/aid', label: t('community.navAid'), hint: t('together.aid') },
    { to: '/council', label: t('council.title'), hint: t('together.council') },
  ];
  return (
    <section className="page" aria-labelledby="together-title">
      <h1 id="together-title" tabIndex={-1}>
        {t('together.title')}
      </h1>
      <ul className="together-list">
        {places.map((place) => (
          <li key={place.to} className="card">
            <Link to={place.to}>{place.label}</Link>
            <p className="hint">{place.hint}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
