import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, endpoints } from '../../lib/api';
import type { Area, CreatedInvite } from '@tocsin/core/api/membership';
import type { Role } from '@tocsin/core/identity/roles';
import { formatDateTime } from '../../lib/time';
import { useSession } from '../session/session-provider';
import { INVITABLE_ROLES } from './role-names';
import { useAction } from './use-action';
import { useLoad } from './use-load';

/** Make an invite bound to the area and a role, show its link once; list and withdraw mine. */
export function InvitesSection({ area, areas }: { area: Area; areas: Area[] }) {
  const { t, i18n } = useTranslation();
  const { city } = useSession();
  const roleId = useId();
  const linkId = useId();
  const [role, setRole] = useState<Role>('member');
  const [created, setCreated] = useState<CreatedInvite | null>(null);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const { data: invites, error: loadError, reload } = useLoad(endpoints.invites);
  const { busy, error, run: act } = useAction(reload);
  const when = (iso: string) => formatDateTime(iso, i18n.language, city?.timeZone ?? 'UTC');
  const areaName = (id: string | null) =>
    (id && areas.find((a) => a.id === id)?.name) ?? t('organize.invite.anyArea');

  const create = (event: FormEvent) => {
    event.preventDefault();
    setCopied(null);
    void act(async () => setCreated(await endpoints.createInvite({ areaId: area.id, role })));
  };

  const copy = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };

  return (
    <>
      <form className="card" aria-labelledby="invite-title" onSubmit={create}>
        <h2 id="invite-title">{t('organize.invite.title', { area: area.name })}</h2>
        <p className="hint">{t('organize.invite.intro')}</p>
        <div className="field">
          <label htmlFor={roleId}>{t('organize.invite.role')}</label>
          <select id={roleId} value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {INVITABLE_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`organize.role.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('organize.invite.create')}
        </button>
      </form>
      {error ? (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      ) : null}
      {created ? (
        <div className="card notice--ok" data-testid="invite-link">
          <label htmlFor={linkId}>{t('organize.invite.link')}</label>
          <input
            id={linkId}
            className="invite-link"
            readOnly
            value={created.url}
            onFocus={(event) => event.target.select()}
          />
          <p className="hint">{t('organize.invite.linkHint', { date: when(created.expiresAt) })}</p>
          <button type="button" className="button" onClick={() => void copy(created.url)}>
            {t('organize.invite.copy')}
          </button>
          <span role="status">
            {copied === 'yes'
              ? t('organize.invite.copied')
              : copied === 'failed'
                ? t('organize.invite.copyFailed')
                : ''}
          </span>
        </div>
      ) : null}
      <section className="card" aria-labelledby="my-invites-title">
        <h2 id="my-invites-title">{t('organize.invite.mine')}</h2>
        {loadError ? <p className="notice notice--error">{describeError(loadError, t)}</p> : null}
        {invites?.length === 0 ? <p className="hint">{t('organize.invite.none')}</p> : null}
        <ul className="plain-list" data-testid="invites">
          {(invites ?? []).map((invite) => (
            <li key={invite.id} className="row" data-state={invite.state}>
              <span>
                <strong>{t(`organize.invite.state.${invite.state}`)}</strong>
                {' · '}
                {t('organize.invite.forArea', {
                  role: t(`organize.role.${invite.role ?? 'member'}`),
                  area: areaName(invite.areaId),
                })}
                <br />
                <span className="hint">
                  {t('organize.invite.dates', {
                    made: when(invite.createdAt),
                    expires: when(invite.expiresAt),
                  })}
                </span>
              </span>
              {invite.state === 'open' ? (
                <button
                  type="button"
                  className="button button--small"
                  disabled={busy}
                  onClick={() => void act(() => endpoints.revokeInvite(invite.id))}
                >
                  {t('organize.invite.revoke')}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
