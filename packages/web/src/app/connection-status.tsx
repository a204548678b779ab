import { useTranslation } from 'react-i18next';
import { useAlerts } from '../features/alerts/alerts-provider';
import { useOnline } from './use-online';

/** Live, connecting or offline, in words, for the header. */
export function ConnectionStatus() {
  const { t } = useTranslation();
  const { status } = useAlerts();
  const online = useOnline();
  const shown = online ? status : 'offline';
  return (
    <p className={`status-pill status-pill--${shown}`} data-testid="connection-status">
      <span className="visually-hidden">{t('app.connection')}: </span>
      {t(`app.status.${shown}`)}
    </p>
  );
}
