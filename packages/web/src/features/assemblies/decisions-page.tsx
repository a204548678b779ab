import { useCallback, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ActionItemView, BodyRoll, BodyView, DecisionView } from '@tocsin/core/api/organizing';
import { usePageTitle } from '../../app/use-page-title';
import { describeError } from '../../lib/api';
import { formatDateTime } from '../../lib/time';
import { Loading } from '../../ui/loading';
import { useLoad } from '../organizer/use-load';
import { useMe, useSession } from '../session/session-provider';
import { useWrite } from './use-write';
import './assemblies.css';
import { assembliesApi } from '../../lib/api/organizing/assemblies';

/** A body's decisions register: every carried motion, searchable, with its action items. */
export function DecisionsPage() {
  const { t } = useTranslation();
  const { bodyId = '' } = useParams();
  const [query, setQuery] = useState('');
  const [search, setSearch] = useState('');
  const searchId = useId();
  const loadBodies = useCallback(() => assembliesApi.bodies(), []);
  const loadDecisions = useCallback(
    () => assembliesApi.decisions(bodyId, search || undefined),
    [bodyId, search],
  );
  const bodies = useLoad(loadBodies);
  const decisions = useLoad(loadDecisions);
  const body = bodies.data?.find((b) => b.id === bodyId) ?? null;
  // Those who add action items choose an owner from the roll or the area's working groups.
  const recorder = Boolean(body?.canRecord);
  const loadRoll = useCallback(
    () => (recorder ? assembliesApi.bodyRoll(bodyId) : Promise.resolve(null)),
    [recorder, bodyId],
  );
  const roll = useLoad(loadRoll);
  const title = t('meetings.register.title', { body: body?.name ?? '' });
  usePageTitle(title);
  const error = decisions.error ?? bodies.error;
  return (
    <div className="register">
      <h1 tabIndex={-1}>{title}</h1>
      <form
        role="search"
        className="register__search"
        onSubmit={(event) => {
          event.preventDefault();
          setSearch(query.trim());
        }}
      >
        <label htmlFor={searchId}>{t('meetings.register.search')}</label>
        <div className="register__search-row">
          <input
            id={searchId}
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          <button type="submit" className="button">
            {t('meetings.register.search')}
          </button>
        </div>
      </form>
      {error ? <p className="notice notice--error">{describeError(error, t)}</p> : null}
      {!decisions.data ? (
        error ? null : (
          <Loading />
        )
      ) : decisions.data.length === 0 ? (
        <p className="hint">{t('meetings.register.none')}</p>
      ) : (
        <ul className="decisions" data-testid="decisions">
          {decisions.data.map((decision) => (
            <Decision
              key={decision.id}
              decision={decision}
              body={body}
              roll={roll.data}
              reload={decisions.reload}
            />
          ))}
        </ul>
      )}
    </div>
  );
}

function Decision({
  decision,
  body,
  roll,
  reload,
}: {
  decision: DecisionView;
  body: BodyView | null;
  roll: BodyRoll | null;
  reload: () => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const { city } = useSession();
  const officer = Boolean(body?.canRecord);
  const me = useMe().id;
  const date = formatDateTime(decision.decidedAt, i18n.language, city?.timeZone ?? 'UTC');
  return (
    <li className="card decision" data-testid="decision">
      <p className="decision__text">{decision.text}</p>
      <p className="hint">
        {t('meetings.register.decided', { date, meeting: decision.meetingTitle })} ·{' '}
        <Link to={`/meetings/${decision.meetingId}/minutes`}>{t('meetings.meeting.minutes')}</Link>
      </p>
      {decision.actionItems.length > 0 ? (
        <>
          <h2 className="decision__actions">{t('meetings.register.actions')}</h2>
          <ul className="action-items">
            {decision.actionItems.map((item) => (
              <ActionItem
                key={item.id}
                item={item}
                canChange={officer || (item.owner?.kind === 'member' && item.owner.id === me)}
                reload={reload}
              />
            ))}
          </ul>
        </>
      ) : null}
      {officer ? <AddActionItem decisionId={decision.id} roll={roll} reload={reload} /> : null}
    </li>
  );
}

function ActionItem({
  item,
  canChange,
  reload,
}: {
  item: ActionItemView;
  canChange: boolean;
  reload: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const write = useWrite(reload);
  const next = item.status === 'open' ? 'done' : 'open';
  return (
    <li className={`action-item action-item--${item.status}`} data-testid="action-item">
      <span>{item.text}</span>
      {item.owner ? (
        <span className="hint"> · {t('meetings.register.owner', { name: item.owner.name })}</span>
      ) : null}
      {item.due ? (
        <span className="hint"> · {t('meetings.register.due', { date: item.due })}</span>
      ) : null}
      <span className="badge"> {t(`meetings.register.status.${item.status}`)}</span>
      {canChange ? (
        <button
          type="button"
          className="button button--small"
          disabled={write.busy}
          onClick={() =>
            void write.run(`status:${item.id}:${next}`, (requestId) =>
              assembliesApi.actionItemStatus(item.id, { requestId, status: next }),
            )
          }
        >
          {next === 'done' ? t('meetings.register.markDone') : t('meetings.register.reopen')}
        </button>
      ) : null}
      {write.error ? <p className="notice notice--error">{write.error}</p> : null}
    </li>
  );
}

/** `m:<id>` a member of the roll, `g:<id>` a working group, '' nobody yet. */
function ownerOf(value: string): { memberId: string } | { groupId: string } | null {
  const id = value.slice(2);
  if (value.startsWith('m:')) return { memberId: id };
  if (value.startsWith('g:')) return { groupId: id };
  return null;
}

function AddActionItem({
  decisionId,
  roll,
  reload,
}: {
  decisionId: string;
  roll: BodyRoll | null;
  reload: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [due, setDue] = useState('');
  const [owner, setOwner] = useState('');
  const textId = useId();
  const dueId = useId();
  const ownerId = useId();
  const write = useWrite(async () => {
    setText('');
    setDue('');
    setOwner('');
    await reload();
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const who = ownerOf(owner);
    void write.run(`item:${text}:${due}:${owner}`, (requestId) =>
      assembliesApi.addActionItem(decisionId, {
        requestId,
        text: text.trim(),
        ...(who ? { owner: who } : {}),
        ...(due ? { due } : {}),
      }),
    );
  };
  return (
    <form className="add-item" onSubmit={submit}>
      <h2 className="decision__actions">{t('meetings.register.addItem')}</h2>
      <div className="field">
        <label htmlFor={textId}>{t('meetings.register.itemText')}</label>
        <input
          id={textId}
          required
          maxLength={1000}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={ownerId}>{t('meetings.register.itemOwner')}</label>
        <select id={ownerId} value={owner} onChange={(e) => setOwner(e.target.value)}>
          <option value="">{t('meetings.register.noOwner')}</option>
          {roll && roll.members.length > 0 ? (
            <optgroup label={t('meetings.register.ownerMembers')}>
              {roll.members.map((m) => (
                <option key={m.id} value={`m:${m.id}`}>
                  {m.name}
                </option>
              ))}
            </optgroup>
          ) : null}
          {roll && roll.groups.length > 0 ? (
            <optgroup label={t('meetings.register.ownerGroups')}>
              {roll.groups.map((g) => (
                <option key={g.id} value={`g:${g.id}`}>
                  {g.name}
                </option>
              ))}
            </optgroup>
          ) : null}
        </select>
      </div>
      <div className="field">
        <label htmlFor={dueId}>{t('meetings.register.itemDue')}</label>
        <input id={dueId} type="date" value={due} onChange={(e) => setDue(e.target.value)} />
      </div>
      <button type="submit" className="button" disabled={write.busy || !text.trim()}>
        {t('meetings.register.add')}
      </button>
      {write.error ? <p className="notice notice--error">{write.error}</p> : null}
    </form>
  );
}
