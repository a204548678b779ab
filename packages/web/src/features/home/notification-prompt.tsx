import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notificationPermission, requestNotifications } from '../../lib/notify';

/** Asks, once the member taps, to show system notifications for new alerts. */
export function NotificationPrompt({ showWhenOn = false }: { showWhenOn?: boolean }) {
  const { t } = useTranslation();
  const [permission, setPermission] = useState(notificationPermission);
  if (permission === 'granted' && showWhenOn) return <p>{t('settings.notificationsOn')}</p>;
  if (permission === 'granted' || permission === 'unsupported') return null;
  if (permission === 'denied') return <p className="hint">{t('home.notifyBlocked')}</p>;
  return (
    <div className="notice notice--info">
      <p>{t('home.notifyAsk')}</p>
      <button
        type="button"
        className="button button--small"
        onClick={() => void requestNotifications().then(setPermission)}
      >
        {t('home.notifyOn')}
      </button>
    </div>
  );
}
