import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api';
import { requestNotifications } from '../../lib/notify';
import { enablePush, pushSupported } from '../../lib/push';
import { rememberNotifyOffer } from './notify-offer';

/** The last step of joining, once: alerts on this phone even when the app is closed, or not now. */
export function NotifyOfferStep({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  // A new step of the same page: a screen reader starts reading at its title.
  useEffect(() => heading.current?.focus(), []);

  const accept = async () => {
    setBusy(true);
    setFailed(false);
    rememberNotifyOffer();
    try {
      if (pushSupported()) await enablePush();
      else if ((await requestNotifications()) !== 'granted') throw new Error('not granted');
      onDone();
    } catch (caught) {
      // A server without push: the permission is given, the open app still notifies.
      if (caught instanceof ApiError && caught.code === 'push_disabled') {
        onDone();
        return;
      }
      setFailed(true);
      setBusy(false);
    }
  };

  return (
    <div data-testid="notify-offer">
      <h1 id="join-title" tabIndex={-1} ref={heading}>
        {t('push.title')}
      </h1>
      <p>{t('push.intro')}</p>
      {failed ? (
        <p className="notice notice--error" role="alert">
          {t('join.notifyFailed')}
        </p>
      ) : null}
      <div className="actions">
        <button
          type="button"
          className="button button--primary button--large"
          disabled={busy}
          onClick={() => void accept()}
        >
          {t('home.notifyOn')}
        </button>
        <button
          type="button"
          className="button button--quiet"
          disabled={busy}
          onClick={() => {
            rememberNotifyOffer();
            onDone();
          }}
        >
          {t('join.notifyNotNow')}
        </button>
      </div>
      <p className="hint">{t('join.notifyLater')}</p>
    </div>
  );
}
