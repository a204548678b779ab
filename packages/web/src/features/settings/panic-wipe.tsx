import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../session/session-provider';

/** One confirmed tap erases every trace of the app on this phone. */
export function PanicWipe() {
  const { t } = useTranslation();
  const { wipe } = useSession();
  const [asking, setAsking] = useState(false);
  return (
    <section className="card card--danger" aria-labelledby="wipe-title">
      <h2 id="wipe-title">{t('settings.wipeTitle')}</h2>
      <p>{t('settings.wipeIntro')}</p>
      {asking ? (
        <div className="confirm" role="group" aria-label={t('settings.wipeSure')}>
          <p>
            <strong>{t('settings.wipeSure')}</strong>
          </p>
          <button
            type="button"
            className="button button--danger button--large"
            onClick={() => void wipe()}
          >
            {t('settings.wipeConfirm')}
          </button>
          <button type="button" className="button button--quiet" onClick={() => setAsking(false)}>
            {t('app.cancel')}
          </button>
        </div>
      ) : (
        <button type="button" className="button button--danger" onClick={() => setAsking(true)}>
          {t('settings.wipe')}
        </button>
      )}
    </section>
  );
}
