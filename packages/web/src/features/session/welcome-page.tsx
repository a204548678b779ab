import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { usePageTitle } from '../../app/use-page-title';
import { useServices } from '../../app/services';
import { useOnline } from '../../app/use-online';
import { ApiError, describeError } from '../../lib/api';
import { loginWithDeviceKey, loginWithPasskey, recoverWithCode } from '../../lib/auth';
import { loadDeviceKey } from '../../lib/keys';
import { LanguageSelect } from '../language/language-select';
import { useSession } from './session-provider';

/** Logged out: how to join, and how to get back in (passkey or recovery code). */
export function WelcomePage() {
  const { t } = useTranslation();
  const { store } = useServices();
  const { signedIn } = useSession();
  const online = useOnline();
  const navigate = useNavigate();
  const location = useLocation();
  const codeId = useId();
  const handleId = useId();
  const hintId = useId();
  const [handle, setHandle] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [canPasskey, setCanPasskey] = useState(false);
  const [hasKey, setHasKey] = useState(false);
  usePageTitle(t('welcome.title'));

  useEffect(() => {
    setCanPasskey(typeof window.PublicKeyCredential === 'function');
    void loadDeviceKey(store)
      .then((key) => setHasKey(key !== null))
      .catch(() => setHasKey(false));
  }, [store]);

  const withDeviceKey = async () => {
    if (!(await loginWithDeviceKey(store))) {
      throw new ApiError(401, 'login_failed', 'this device key is not known');
    }
  };

  const done = async () => {
    await signedIn();
    if (location.pathname === '/login') await navigate('/');
  };

  const attempt = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      await done();
    } catch (caught) {
      setError(describeError(caught, t));
    } finally {
      setBusy(false);
    }
  };

  const onRecover = (event: FormEvent) => {
    event.preventDefault();
    if (code.trim() && handle.trim()) {
      void attempt(() => recoverWithCode(store, handle.trim(), code.trim()));
    }
  };

  return (
    <section className="page" aria-labelledby="welcome-title">
      <LanguageSelect />
      <h1 id="welcome-title" tabIndex={-1}>
        {t('welcome.title')}
      </h1>
      <p>{t('welcome.intro')}</p>
      <p className="notice notice--info">{t('welcome.noInvite')}</p>
      {!online ? <p className="notice notice--warn">{t('welcome.offline')}</p> : null}
      {error ? (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      ) : null}
      <h2>{t('welcome.haveAccount')}</h2>
      {hasKey ? (
        <button
          type="button"
          className="button button--primary"
          disabled={busy || !online}
          onClick={() => void attempt(withDeviceKey)}
        >
          {t('welcome.deviceLogin')}
        </button>
      ) : null}
      {canPasskey ? (
        <button
          type="button"
          className={hasKey ? 'button' : 'button button--primary'}
          disabled={busy || !online}
          onClick={() => void attempt(loginWithPasskey)}
        >
          {t('welcome.passkeyLogin')}
        </button>
      ) : null}
      <form className="card" onSubmit={onRecover}>
        <h3>{t('welcome.recoveryTitle')}</h3>
        <div className="field">
          <label htmlFor={handleId}>{t('welcome.recoveryHandle')}</label>
          <input
            id={handleId}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            value={handle}
            onChange={(event) => setHandle(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={codeId}>{t('welcome.recoveryLabel')}</label>
          <input
            id={codeId}
            aria-describedby={hintId}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            value={code}
            onChange={(event) => setCode(event.target.value)}
          />
          <p id={hintId} className="hint">
            {t('welcome.recoveryHint')}
          </p>
        </div>
        <button
          type="submit"
          className="button"
          disabled={busy || !online || !code.trim() || !handle.trim()}
        >
          {busy ? t('welcome.working') : t('welcome.recoverySubmit')}
        </button>
      </form>
    </section>
  );
}
