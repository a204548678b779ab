import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { registerServiceWorker } from '../lib/service-worker';

/**
 * Registers the service worker once the app is up and offers a waiting new version. The update
 * waits for a tap, so a report being typed is never lost to a reload.
 */
export function UpdatePrompt() {
  const { t } = useTranslation();
  const [update, setUpdate] = useState<(() => Promise<void>) | null>(null);
  const [waiting, setWaiting] = useState(false);

  useEffect(() => {
    let cancelled = false;
    registerServiceWorker(() => setWaiting(true))
      .then((apply) => {
        if (!cancelled) setUpdate(() => apply);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, []);

  if (!waiting || !update) return null;
  return (
    <div className="notice notice--info" role="status">
      <p>{t('app.updateReady')}</p>
      <button type="button" className="button button--small" onClick={() => void update()}>
        {t('app.updateNow')}
      </button>
    </div>
  );
}
