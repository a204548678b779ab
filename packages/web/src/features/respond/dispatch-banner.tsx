import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useAlerts } from '../alerts/alerts-provider';
import { activityText } from '../../lib/activity-text';

/** An open offer to go, on every screen but the responder screen itself. */
export function DispatchBanner() {
  const { t } = useTranslation();
  const { dispatches } = useAlerts();
  const { pathname } = useLocation();
  const offer = dispatches.find((d) => d.state === 'offered');
  if (!offer || pathname === '/respond') return null;
  return (
    <div className="banner banner--confirmed" data-testid="dispatch-banner">
      <p className="banner__title">
        <strong>{t('respond.asked')}</strong>
      </p>
      <p className="banner__text">
        {activityText(t, offer.incident ?? {})}
        {' · '}
        {offer.incident?.area?.name ?? t('home.noPlace')}
      </p>
      <Link className="button button--small button--primary" to="/respond">
        {t('banner.open')}
      </Link>
    </div>
  );
}
