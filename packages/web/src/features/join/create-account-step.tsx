import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { describeError } from '../../lib/api';
import type { Enrolled } from '@tocsin/core/api/auth';
import { joinWithDeviceKey, joinWithPasskey } from '../../lib/auth';
import { deviceKeysSupported } from '../../lib/keys';
import { passkeysAvailable } from '../../lib/passkeys';
import { LanguageSelect } from '../language/language-select';
import { setMemberMarker } from '../session/member-marker';

type Method = 'passkey' | 'device_key';

/**
 * Step 1: the account is made with a passkey where the phone has a platform authenticator,
 * else with an Ed25519 key kept (non-extractable) in this browser's IndexedDB.
 */
export function CreateAccountStep({
  invite,
  onCreated,
}: {
  invite: string;
  onCreated: (enrolled: Enrolled) => void;
}) {
  const { t } = useTranslation();
  const { store } = useServices();
  const [method, setMethod] = useState<Method | null>(null);
  const [keysOk, setKeysOk] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    void Promise.all([passkeysAvailable(), deviceKeysSupported()]).then(([passkeys, keys]) => {
      if (cancelled) return;
      setKeysOk(keys);
      setMethod(passkeys ? 'passkey' : 'device_key');
    });
    return () => {
      cancelled = true;
    };
  }, []);

  const create = async (using: Method) => {
    setBusy(true);
    setError(null);
    try {
      const enrolled =
        using === 'passkey'
          ? await joinWithPasskey(invite)
          : await joinWithDeviceKey(store, invite);
      setMemberMarker('signed_in');
      onCreated(enrolled);
    } catch (caught) {
      setError(describeError(caught, t));
      setBusy(false);
    }
  };

  const unsupported = method === 'device_key' && !keysOk;
  return (
    <>
      <LanguageSelect />
      <h1 id="join-title" tabIndex={-1}>
        {t('join.title')}
      </h1>
      <p>{t('join.intro')}</p>
      {!invite ? (
        <p className="notice notice--error" role="alert">
          {t('join.missingCode')}
        </p>
      ) : null}
      {error ? (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      ) : null}
      {unsupported ? (
        <p className="notice notice--error" role="alert">
          {t('errors.key_unsupported')}
        </p>
      ) : null}
      {method ? (
        <p className="hint">
          {method === 'passkey' ? t('join.passkeyInfo') : t('join.deviceKeyInfo')}
        </p>
      ) : null}
      <button
        type="button"
        className="button button--primary button--large"
        disabled={!invite || !method || busy || unsupported}
        onClick={() => method && void create(method)}
      >
        {busy ? t('join.creating') : t('join.create')}
      </button>
      {method === 'passkey' && keysOk ? (
        <button
          type="button"
          className="button button--quiet"
          disabled={!invite || busy}
          onClick={() => void create('device_key')}
        >
          {t('join.useDeviceKey')}
        </button>
      ) : null}
    </>
  );
}
