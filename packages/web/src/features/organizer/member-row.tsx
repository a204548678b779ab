import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { endpoints } from '../../lib/api';
import type { Area, AreaMember } from '@tocsin/core/api/membership';
import type { Role } from '@tocsin/core/identity/roles';
import { useMe } from '../session/session-provider';
import { ActionButton } from './action-button';
import { isAdmin } from './organized-areas';
import { ROLE_ORDER } from './role-names';
import { useAction } from './use-action';
import { Confirm } from '../../ui/confirm';

type Mode = 'roles' | 'suspend' | 'reinstate' | null;

interface MemberRowProps {
  member: AreaMember;
  area: Area;
  onChanged: (message: string) => Promise<void>;
  /** In the waiting list: approve and vouch instead of roles and suspension. */
  approval?: boolean;
}

/** One member of the area and what an organizer can do about them, each change asked once. */
export function MemberRow({ member, area, onChanged, approval = false }: MemberRowProps) {
  const { t } = useTranslation();
  const me = useMe();
  const reasonId = useId();
  const [mode, setMode] = useState<Mode>(null);
  const [roles, setRoles] = useState<Role[]>(member.roles);
  const [reason, setReason] = useState('');
  const { busy, error, run } = useAction();
  const self = member.id === me.id;
  const handle = member.handle;
  const editable = ROLE_ORDER.filter(
    (r) => r !== 'member' && (r !== 'admin' || (isAdmin(me) && area.kind === 'city')),
  );

  const act = (action: () => Promise<unknown>, message: string) =>
    run(async () => {
      await action();
      setMode(null);
      await onChanged(message);
    });
  const cancel = () => setMode(null);

  const toggle = (role: Role, on: boolean) =>
    setRoles((previous) => (on ? [...previous, role] : previous.filter((r) => r !== role)));

  const saveRoles = () => {
    // Every role in an area includes being a member of it.
    const wanted: Role[] = [
      'member',
      ...ROLE_ORDER.filter((r) => r !== 'member' && roles.includes(r)),
    ];
    // Verifier, dispatcher, organizer and admin wait for a second person's countersign.
    void run(async () => {
      const answer = await endpoints.setAreaRoles(area.id, member.id, wanted);
      setMode(null);
      const waiting = answer.pending.length;
      await onChanged(
        waiting > 0
          ? t('organize.member.rolesWaiting', { count: waiting })
          : t('organize.member.rolesSaved', { handle }),
      );
    });
  };

  const shownRoles = member.roles.filter((r) => r !== 'member');
  return (
    <li className="member" data-member={handle}>
      <div className="member__who">
        <strong>{handle}</strong>
        {member.displayName ? ` (${member.displayName})` : ''}
        {self ? ` ${t('organize.member.you')}` : ''}
        <br />
        <span className={`member__status member__status--${member.status}`}>
          {t(`organize.member.status.${member.status}`)}
        </span>
        {shownRoles.length ? (
          <span className="hint">
            {' · '}
            {shownRoles.map((r) => t(`organize.role.${r}`)).join(', ')}
          </span>
        ) : null}
      </div>
      {error ? (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      ) : null}

      {approval && !self ? (
        <div className="actions">
          <ActionButton
            subject={handle}
            primary
            disabled={busy}
            onClick={() =>
              void act(
                () => endpoints.approveMember(member.id),
                t('organize.member.approved', { handle }),
              )
            }
          >
            {t('organize.member.approve')}
          </ActionButton>
          <ActionButton
            subject={handle}
            disabled={busy}
            onClick={() =>
              void act(
                () => endpoints.vouchFor(member.id),
                t('organize.member.vouched', { handle }),
              )
            }
          >
            {t('organize.member.vouch')}
          </ActionButton>
        </div>
      ) : null}

      {!approval && mode === null ? (
        <div className="actions">
          <ActionButton
            subject={handle}
            onClick={() => {
              setRoles(member.roles);
              setMode('roles');
            }}
          >
            {t('organize.member.editRoles')}
          </ActionButton>
          {!self && member.status !== 'suspended' ? (
            <ActionButton subject={handle} onClick={() => setMode('suspend')}>
              {t('organize.member.suspend')}
            </ActionButton>
          ) : null}
          {member.status === 'suspended' ? (
            <ActionButton subject={handle} onClick={() => setMode('reinstate')}>
              {t('organize.member.reinstate')}
            </ActionButton>
          ) : null}
        </div>
      ) : null}

      {!approval && mode === 'roles' ? (
        <fieldset className="member__roles">
          <legend>{t('organize.member.rolesFor', { handle, area: area.name })}</legend>
          {editable.map((role) => (
            <label key={role} className="check">
              <input
                type="checkbox"
                checked={roles.includes(role)}
                onChange={(event) => toggle(role, event.target.checked)}
              />
              <span>{t(`organize.role.${role}`)}</span>
            </label>
          ))}
          <p className="hint">{t('organize.member.rolesHint')}</p>
          <button
            type="button"
            className="button button--primary button--small"
            disabled={busy}
            onClick={saveRoles}
          >
            {t('organize.member.saveRoles')}
          </button>
          <CancelButton onClick={cancel} />
        </fieldset>
      ) : null}

      {!approval && mode === 'suspend' ? (
        <Confirm
          question={t('organize.member.suspendSure', { handle })}
          confirm={t('organize.member.suspendConfirm')}
          tone="danger"
          disabled={busy || !reason.trim()}
          onConfirm={() =>
            void act(
              () => endpoints.suspendMember(member.id, reason.trim()),
              t('organize.member.suspended', { handle }),
            )
          }
          onCancel={cancel}
        >
          <div className="field">
            <label htmlFor={reasonId}>{t('organize.member.reason')}</label>
            <textarea
              id={reasonId}
              rows={2}
              maxLength={500}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
            />
          </div>
        </Confirm>
      ) : null}

      {!approval && mode === 'reinstate' ? (
        <Confirm
          question={t('organize.member.reinstateSure', { handle })}
          confirm={t('organize.member.reinstateConfirm')}
          disabled={busy}
          onConfirm={() =>
            void act(
              () => endpoints.reinstateMember(member.id),
              t('organize.member.reinstated', { handle }),
            )
          }
          onCancel={cancel}
        />
      ) : null}
    </li>
  );
}

function CancelButton({ onClick }: { onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="button button--quiet" onClick={onClick}>
      {t('app.cancel')}
    </button>
  );
}
