import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../session/session-provider';
import { Confirm } from '../../ui/confirm';

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
        <Confirm
          question={t('settings.wipeSure')}
          confirm={t('settings.wipeConfirm')}
          tone="danger"
          large
          emphasis
          onConfirm={() => void wipe()}
          onCancel={() => setAsking(false)}
        />
      ) : (
        <button type="button" className="button button--danger" onClick={() => setAsking(true)}>
          {t('settings.wipe')}
        </button>
      )}
    </section>
  );
}
