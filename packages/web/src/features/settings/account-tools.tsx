import type { ResourceKey } from 'i18next';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api/client';
import { describeError, endpoints } from '../../lib/api';
import { ownStrings } from '../../lib/own-strings';
import { Confirm } from '../../ui/confirm';
import { useMe, useSession } from '../session/session-provider';
import '../join/join.css';
import { RecoveryCodeList } from '../join/recovery-code-list';

const accountStrings = ownStrings(
  import.meta.glob<Record<string, ResourceKey>>('../../locales/*/account.ts'),
  'account',
);

/** POST /me/recovery-codes: ten new codes, shown once; the old ones stop working. */
const newRecoveryCodes = () =>
  api.post<{ recoveryCodes: string[] }>('/me/recovery-codes').then((a) => a.recoveryCodes);

/** The name other members see next to my nickname (PATCH /me), optional. */
function DisplayName() {
  const { t } = useTranslation();
  const me = useMe();
  const { refresh } = useSession();
  const inputId = useId();
  const hintId = useId();
  const [name, setName] = useState(me.displayName ?? '');
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setNote(null);
    try {
      await endpoints.updateMe({ displayName: name.trim() || null });
      await refresh();
      setNote({ ok: true, text: t('account.nameSaved') });
    } catch (caught) {
      setNote({ ok: false, text: describeError(caught, t) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="field" onSubmit={(event) => void save(event)}>
      <label htmlFor={inputId}>{t('account.nameLabel')}</label>
      <input
        id={inputId}
        type="text"
        maxLength={60}
        autoComplete="nickname"
        aria-describedby={hintId}
        value={name}
        onChange={(event) => setName(event.target.value)}
      />
      <p id={hintId} className="hint">
        {t('account.nameHint')}
      </p>
      <button type="submit" className="button" disabled={busy}>
        {t('account.nameSave')}
      </button>
      {note ? (
        <p className={`notice ${note.ok ? 'notice--ok' : 'notice--error'}`} role="status">
          {note.text}
        </p>
      ) : null}
    </form>
  );
}

/** New recovery codes on demand (lost paper, codes used up): shown once, like at joining. */
function RecoveryCodes() {
  const { t } = useTranslation();
  const me = useMe();
  const listId = useId();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const make = async () => {
    setBusy(true);
    setError(null);
    try {
      setCodes(await newRecoveryCodes());
      setAsking(false);
    } catch (caught) {
      setError(describeError(caught, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby={`${listId}-title`}>
      <h2 id={`${listId}-title`}>{t('account.codesTitle')}</h2>
      {codes ? (
        <>
          <p className="notice notice--ok" role="status">
            {t('account.codesDone')}
          </p>
          <p>
            <strong>{t('join.codesAdvice')}</strong>
          </p>
          <p>{t('join.codesHandle', { handle: me.handle })}</p>
          <h3 id={listId} className="visually-hidden">
            {t('join.codesLabel')}
          </h3>
          <RecoveryCodeList handle={me.handle} codes={codes} labelId={listId} />
        </>
      ) : (
        <>
          <p>{t('account.codesHint')}</p>
          {asking ? (
            <Confirm
              question={t('account.codesSure')}
              confirm={t('account.codesNew')}
              tone="danger"
              disabled={busy}
              onConfirm={() => void make()}
              onCancel={() => setAsking(false)}
            />
          ) : (
            <button type="button" className="button" onClick={() => setAsking(true)}>
              {t('account.codesNew')}
            </button>
          )}
        </>
      )}
      {error ? (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}

/** The display name form, for the account card of settings. */
export function AccountName() {
  return accountStrings.useStrings() ? <DisplayName /> : null;
}

/** New recovery codes, a card of settings. */
export function AccountCodes() {
  return accountStrings.useStrings() ? <RecoveryCodes /> : null;
}
