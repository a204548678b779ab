import type { ResourceKey } from 'i18next';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api/client';
import { describeError, endpoints } from '../../lib/api';
import { ownStrings } from '../../lib/own-strings';
import { createPasskey, passkeysAvailable } from '../../lib/passkeys';
import type { Area } from '@tocsin/core/api/membership';
import { useAreas } from '../areas/use-areas';
import { Confirm } from '../../ui/confirm';
import { useMe, useSession } from '../session/session-provider';
import '../join/join.css';
import { RecoveryCodeList } from '../join/recovery-code-list';

/** What a card's last action came to, as its status line says it. */
interface Note {
  ok: boolean;
  text: string;
}

function Outcome({ note }: { note: Note | null }) {
  if (!note) return null;
  return (
    <p className={`notice ${note.ok ? 'notice--ok' : 'notice--error'}`} role="status">
      {note.text}
    </p>
  );
}

const accountStrings = ownStrings(
  import.meta.glob<Record<string, ResourceKey>>('../../locales/*/account.ts'),
  'account',
);

/** POST /me/recovery-codes: ten new codes, shown once; the old ones stop working. */
const newRecoveryCodes = () =>
  api.post<{ recoveryCodes: string[] }>('/me/recovery-codes').then((a) => a.recoveryCodes);

/** A passkey for the signed-in member: options without an invite add it to this account. */
async function addPasskey(): Promise<void> {
  const { ceremonyId, options } = await endpoints.passkeyRegisterOptions();
  const response = await createPasskey(options);
  await endpoints.passkeyRegisterVerify({ ceremonyId, response });
}

/** POST /areas/:id/join and DELETE /areas/:id/membership: belonging to a neighborhood. */
const joinArea = (id: string) => api.post<unknown>(`/areas/${encodeURIComponent(id)}/join`);
const leaveArea = (id: string) => api.delete<void>(`/areas/${encodeURIComponent(id)}/membership`);

/** The name other members see next to my nickname (PATCH /me), optional. */
function DisplayName() {
  const { t } = useTranslation();
  const me = useMe();
  const { refresh } = useSession();
  const inputId = useId();
  const hintId = useId();
  const [name, setName] = useState(me.displayName ?? '');
  const [note, setNote] = useState<Note | null>(null);
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
      <Outcome note={note} />
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

/** Adds a passkey to the account (fingerprint, face or screen lock), where the phone can. */
function Passkeys() {
  const { t } = useTranslation();
  const titleId = useId();
  const [available, setAvailable] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<Note | null>(null);
  useEffect(() => {
    let live = true;
    void passkeysAvailable().then((yes) => {
      if (live) setAvailable(yes);
    });
    return () => {
      live = false;
    };
  }, []);

  const add = async () => {
    setBusy(true);
    setNote(null);
    try {
      await addPasskey();
      setNote({ ok: true, text: t('account.passkeyAdded') });
    } catch (caught) {
      setNote({ ok: false, text: describeError(caught, t) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby={titleId} data-testid="passkeys">
      <h2 id={titleId}>{t('account.passkeyTitle')}</h2>
      <p>{t('account.passkeyHint')}</p>
      {available === false ? (
        <p className="hint">{t('account.passkeyUnavailable')}</p>
      ) : (
        <button
          type="button"
          className="button"
          disabled={busy || available === null}
          onClick={() => void add()}
        >
          {t('account.passkeyAdd')}
        </button>
      )}
      <Outcome note={note} />
    </section>
  );
}

/**
 * The neighborhoods I belong to (a role there: member or more), to leave, and the others, to
 * join. Leaving ends every role held there; the server keeps the last admin from leaving.
 */
function Neighborhoods() {
  const { t } = useTranslation();
  const me = useMe();
  const { refresh } = useSession();
  const { places } = useAreas();
  const titleId = useId();
  const selectId = useId();
  const [choice, setChoice] = useState('');
  const [asking, setAsking] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<Note | null>(null);
  const held = new Set(me.roles.map((r) => r.areaId));
  const neighborhoods = places.filter((a) => a.kind === 'neighborhood');
  const mine = neighborhoods.filter((a) => held.has(a.id));
  const others = neighborhoods.filter((a) => !held.has(a.id));

  const act = async (change: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setNote(null);
    try {
      await change();
      await refresh();
      setAsking(null);
      setChoice('');
      setNote({ ok: true, text: done });
    } catch (caught) {
      setNote({ ok: false, text: describeError(caught, t) });
    } finally {
      setBusy(false);
    }
  };
  const join = (area: Area | undefined) => {
    if (area) void act(() => joinArea(area.id), t('account.joined', { name: area.name }));
  };

  return (
    <section className="card" aria-labelledby={titleId} data-testid="my-neighborhoods">
      <h2 id={titleId}>{t('account.areasTitle')}</h2>
      <p className="hint">{t('account.areasHint')}</p>
      {mine.length === 0 ? <p>{t('account.areasNone')}</p> : null}
      <ul className="plain-list">
        {mine.map((area) => (
          <li key={area.id} className="row">
            <span>{area.name}</span>
            {asking === area.id ? (
              <Confirm
                question={t('account.leaveSure', { name: area.name })}
                confirm={t('account.leave')}
                tone="danger"
                disabled={busy}
                onConfirm={() =>
                  void act(() => leaveArea(area.id), t('account.left', { name: area.name }))
                }
                onCancel={() => setAsking(null)}
              />
            ) : (
              <button
                type="button"
                className="button button--small"
                aria-label={t('account.leaveNamed', { name: area.name })}
                onClick={() => setAsking(area.id)}
              >
                {t('account.leave')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {others.length > 0 ? (
        <div className="field">
          <label htmlFor={selectId}>{t('account.joinLabel')}</label>
          <select id={selectId} value={choice} onChange={(e) => setChoice(e.target.value)}>
            <option value="">{t('account.joinPick')}</option>
            {others.map((area) => (
              <option key={area.id} value={area.id}>
                {area.name}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button"
            disabled={busy || !choice}
            onClick={() => join(others.find((a) => a.id === choice))}
          >
            {t('account.join')}
          </button>
        </div>
      ) : null}
      <Outcome note={note} />
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

/** Passkeys to add, a card of settings. */
export function AccountPasskeys() {
  return accountStrings.useStrings() ? <Passkeys /> : null;
}

/** The neighborhoods I belong to, to join and leave: a card of settings. */
export function AccountNeighborhoods() {
  return accountStrings.useStrings() ? <Neighborhoods /> : null;
}
