import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useMe } from '../features/session/session-provider';

/**
 * Where a member goes: alerts, report, plates, the organizing half (meetings, campaigns,
 * door-knocking, mutual aid: one tab) and settings; role screens add theirs. At thumb reach.
 */
export function BottomNav() {
  const { t } = useTranslation();
  const me = useMe();
  const active = me.status === 'active';
  const responder = active && me.roles.some((r) => r.role === 'responder');
  const staff = active && me.roles.some((r) => r.role === 'dispatcher' || r.role === 'verifier');
  const organizer = active && me.roles.some((r) => r.role === 'organizer' || r.role === 'admin');
  return (
    <nav className="bottom-nav" aria-label={t('nav.label')}>
      <NavLink to="/" end>
        {t('nav.home')}
      </NavLink>
      <NavLink to="/report" className="bottom-nav__report">
        {t('nav.report')}
      </NavLink>
      {responder ? <NavLink to="/respond">{t('nav.respond')}</NavLink> : null}
      {staff ? <NavLink to="/dispatch">{t('nav.console')}</NavLink> : null}
      <NavLink to="/plates">{t('nav.plates')}</NavLink>
      <NavLink to="/together">{t('nav.together')}</NavLink>
      {organizer ? <NavLink to="/organize">{t('nav.organize')}</NavLink> : null}
      <NavLink to="/settings">{t('nav.settings')}</NavLink>
    </nav>
  );
}
