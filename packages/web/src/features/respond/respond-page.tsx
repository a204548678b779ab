import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../app/use-page-title';
import { useNow } from '../../app/use-now';
import { useAlerts } from '../alerts/alerts-provider';
import { DispatchCard } from './dispatch-card';
import { ACTIVE_DISPATCH } from './dispatches';
import { ShiftToggle } from './shift-toggle';

/** Responder mode: on or off shift, and the dispatches offered to me. */
export function RespondPage() {
  const { t } = useTranslation();
  const { dispatches } = useAlerts();
  const now = useNow();
  usePageTitle(t('respond.title'));
  const active = dispatches.filter((d) => ACTIVE_DISPATCH.has(d.state));
  const past = dispatches.filter((d) => !ACTIVE_DISPATCH.has(d.state));
  return (
    <section className="page" aria-labelledby="respond-title">
      <h1 id="respond-title" tabIndex={-1}>
        {t('respond.title')}
      </h1>
      <p className="hint">{t('respond.intro')}</p>
      <ShiftToggle />
      <h2>{t('respond.dispatches')}</h2>
      {dispatches.length === 0 ? <p className="empty">{t('respond.none')}</p> : null}
      <ul className="feed" data-testid="dispatches">
        {[...active, ...past].map((dispatch) => (
          <DispatchCard key={dispatch.id} dispatch={dispatch} now={now} />
        ))}
      </ul>
    </section>
  );
}
