import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, endpoints } from '../../lib/api';
import type { Area } from '@tocsin/core/api/membership';
import type {
  GroupMemberView as GroupMember,
  GroupView as WorkingGroup,
} from '@tocsin/core/api/views';
import { ActionButton } from './action-button';
import { useAction } from './use-action';
import { useLoad } from './use-load';

/** The working groups of an area: join or leave, see who is in one, add one. */
export function GroupsSection({ area }: { area: Area }) {
  const { t } = useTranslation();
  const nameId = useId();
  const [name, setName] = useState('');
  const {
    data,
    error: loadError,
    reload,
  } = useLoad(useCallback(() => endpoints.groups(area.id), [area.id]));
  const { busy, error, run: act } = useAction(reload);

  const create = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return;
    // A client id: sending twice (a double tap, a retry) makes one group.
    const id = crypto.randomUUID();
    void act(async () => {
      await endpoints.createGroup(area.id, { id, name: trimmed });
      setName('');
    });
  };

  return (
    <>
      {loadError ? <p className="notice notice--error">{describeError(loadError, t)}</p> : null}
      {error ? (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      ) : null}
      <section className="card" aria-labelledby="groups-title">
        <h2 id="groups-title">{t('organize.group.title', { area: area.name })}</h2>
        {data?.length === 0 ? <p className="hint">{t('organize.group.none')}</p> : null}
        <ul className="plain-list" data-testid="groups">
          {(data ?? []).map((group) => (
            <GroupRow
              key={group.id}
              group={group}
              busy={busy}
              onJoin={() => void act(() => endpoints.joinGroup(group.id))}
              onLeave={() => void act(() => endpoints.leaveGroup(group.id))}
            />
          ))}
        </ul>
      </section>
      <form className="card" aria-labelledby="group-new-title" onSubmit={create}>
        <h2 id="group-new-title">{t('organize.group.create')}</h2>
        <div className="field">
          <label htmlFor={nameId}>{t('organize.group.name')}</label>
          <input
            id={nameId}
            value={name}
            maxLength={100}
            autoComplete="off"
            onChange={(event) => setName(event.target.value)}
          />
        </div>
        <button type="submit" className="button" disabled={busy || !name.trim()}>
          {t('organize.group.add')}
        </button>
      </form>
    </>
  );
}

function GroupRow({
  group,
  busy,
  onJoin,
  onLeave,
}: {
  group: WorkingGroup;
  busy: boolean;
  onJoin: () => void;
  onLeave: () => void;
}) {
  const { t } = useTranslation();
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [members, setMembers] = useState<GroupMember[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  // Open, the list follows joins and leaves (the count changes with them).
  useEffect(() => {
    if (!open) return;
    let cancelled = false;
    setError(null);
    endpoints
      .groupMembers(group.id)
      .then((loaded) => {
        if (!cancelled) setMembers(loaded);
      })
      .catch((caught: unknown) => {
        if (!cancelled) setError(describeError(caught, t));
      });
    return () => {
      cancelled = true;
    };
  }, [open, group.id, group.memberCount, t]);

  return (
    <li className="group" data-group={group.name}>
      <div className="row">
        <span>
          <strong>{group.name}</strong>
          <br />
          <span className="hint" data-testid="group-count">
            {t('organize.group.count', { count: group.memberCount })}
            {group.joined ? ` · ${t('organize.group.joined')}` : ''}
          </span>
        </span>
        <span className="actions">
          <ActionButton
            subject={group.name}
            aria-expanded={open}
            aria-controls={listId}
            onClick={() => setOpen(!open)}
          >
            {t('organize.group.showMembers')}
          </ActionButton>
          <ActionButton
            subject={group.name}
            disabled={busy}
            onClick={group.joined ? onLeave : onJoin}
          >
            {group.joined ? t('organize.group.leave') : t('organize.group.join')}
          </ActionButton>
        </span>
      </div>
      {error ? <p className="notice notice--error">{error}</p> : null}
      <div id={listId}>
        {open && members ? (
          members.length ? (
            <ul className="group__members">
              {members.map((m) => (
                <li key={m.id}>
                  {m.handle}
                  {m.displayName ? ` (${m.displayName})` : ''}
                </li>
              ))}
            </ul>
          ) : (
            <p className="hint">{t('organize.group.empty')}</p>
          )
        ) : null}
      </div>
    </li>
  );
}
