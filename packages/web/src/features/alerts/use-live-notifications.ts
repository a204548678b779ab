import { useCallback, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { showNotification } from '../../lib/notify';
import type { AlertMessage, DispatchMessage } from '../../lib/stream';

/**
 * System notifications for what arrives on the stream, worded in the current language. The
 * callbacks stay the same across language changes, so the stream is not restarted for one.
 */
export function useLiveNotifications(): {
  notifyAlert: (alert: AlertMessage) => void;
  notifyDispatch: (message: DispatchMessage) => void;
} {
  const { t } = useTranslation();
  const tRef = useRef(t);
  tRef.current = t;

  const notifyAlert = useCallback((alert: AlertMessage) => {
    const tr = tRef.current;
    void showNotification(
      tr('notification.title', { state: tr(`state.${alert.incident.state}`) }),
      {
        body: tr('notification.body', { place: alert.incident.area?.name ?? tr('home.noPlace') }),
        tag: alert.incident.id,
        url: `/incidents/${alert.incident.id}`,
      },
    ).catch(() => undefined);
  }, []);

  const notifyDispatch = useCallback((message: DispatchMessage) => {
    if (message.state !== 'offered') return;
    const tr = tRef.current;
    void showNotification(tr('respond.notification'), {
      body: message.incident?.area?.name ?? tr('home.noPlace'),
      tag: `dispatch-${message.id}`,
      url: '/respond',
    }).catch(() => undefined);
  }, []);

  return { notifyAlert, notifyDispatch };
}
