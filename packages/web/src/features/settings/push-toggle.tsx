import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, describeError } from '../../lib/api';
import { currentPushSubscription, disablePush, enablePush, pushSupported } from '../../lib/push';

type PushState = 'loading' | 'on' | 'off' | 'unavailable' | 'unsupported';

/** Web push for this phone: content-free wake-ups when an alert is for me and the app is closed. */
export function PushToggle() {
  const { t } = useTranslation();
  const [state, setState] = useState<PushState>(pushSupported() ? 'loading' : 'unsupported');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!pushSupported()) return;
    void currentPushSubscription()
      .then((subscription) => setState(subscription ? 'on' : 'off'))
      .catch(() => setState('off'));
  }, []);

  const toggle = async () => {
    setBusy(true);
    setError(null);
    try {
      if (state === 'on') {
        await disablePush();
        setState('off');
      } else {
        await enablePush();
        setState('on');
      }
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'push_disabled') setState('unavailable');
      else setError(describeError(caught, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="push" data-testid="push">
      <h3>{t('push.title')}</h3>
      <p className="hint">{t('push.intro')}</p>
      {state === 'unsupported' || state === 'unavailable' ? (
        <p>{t(`push.${state}`)}</p>
      ) : (
        <>
          <p role="status" data-testid="push-state">
            {state === 'on' ? t('push.on') : state === 'off' ? t('push.off') : null}
          </p>
          {error ? (
            <p className="notice notice--error" role="alert">
              {error}
            </p>
          ) : null}
          <button
            type="button"
            className="button"
            disabled={busy || state === 'loading'}
            onClick={() => void toggle()}
          >
            {state === 'on' ? t('push.disable') : t('push.enable')}
          </button>
        </>
      )}
    </div>
  );
}
