import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { StateBadge } from '../../ui/state-badge';
import { useAlerts } from './alerts-provider';
import { activityText } from '../../lib/activity-text';

/** The newest alert that came in while the app was open, until opened or dismissed. */
export function AlertBanner() {
  const { t } = useTranslation();
  const { banners, dismiss } = useAlerts();
  const alert = banners[0];
  return (
    // The live region exists before any alert, so screen readers announce the ones that come.
    <div className="banner-region" role="alert" aria-atomic="true">
      {alert ? (
        <div className={`banner banner--${alert.incident.state}`} data-testid="alert-banner">
          <p className="banner__title">
            <strong>{t(`alertKind.${alert.kind}`)}</strong>{' '}
            <StateBadge state={alert.incident.state} />
          </p>
          <p className="banner__text">
            {activityText(t, alert.incident)}
            {' · '}
            {alert.incident.area?.name ?? t('home.noPlace')}
          </p>
          <div className="banner__actions">
            <Link
              className="button button--small"
              to={`/incidents/${alert.incident.id}`}
              onClick={() => dismiss(alert.id)}
            >
              {t('banner.open')}
            </Link>
            <button
              type="button"
              className="button button--small button--quiet"
              onClick={() => dismiss(alert.id)}
            >
              {t('banner.dismiss')}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
