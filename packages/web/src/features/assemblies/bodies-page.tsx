import { useCallback, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { BodyView, NewMeetingBody } from '@tocsin/core/api/organizing';
import { usePageTitle } from '../../app/use-page-title';
import { describeError } from '../../lib/api';
import { formatDateTime } from '../../lib/time';
import { Loading } from '../../ui/loading';
import { useLoad } from '../organizer/use-load';
import { useSession } from '../session/session-provider';
import { useWrite } from './use-write';
import './assemblies.css';
import { assembliesApi } from '../../lib/api/organizing/assemblies';

/** My committees, their meetings and registers; officers schedule meetings here. */
export function BodiesPage() {
  const { t } = useTranslation();
  usePageTitle(t('meetings.title'));
  const loadBodies = useCallback(() => assembliesApi.bodies(), []);
  const bodies = useLoad(loadBodies);
  // Only the bodies whose roll I am on hold meetings I can see.
  // (An organizer who is not on the roll sees the bodies they appoint officers for.)
  const mine = bodies.data?.filter((b) => b.roles.length > 0 || b.canAppoint) ?? null;
  return (
    <div className="bodies">
      <h1 tabIndex={-1}>{t('meetings.title')}</h1>
      <p className="hint">{t('meetings.intro')}</p>
      {bodies.error ? (
        <p className="notice notice--error">{describeError(bodies.error, t)}</p>
      ) : null}
      {!mine ? (
        bodies.error ? null : (
          <Loading />
        )
      ) : mine.length === 0 ? (
        <p className="notice notice--info">{t('meetings.noBodies')}</p>
      ) : (
        mine.map((body) => <Body key={body.id} body={body} reloadBodies={bodies.reload} />)
      )}
    </div>
  );
}

function Body({ body, reloadBodies }: { body: BodyView; reloadBodies: () => Promise<void> }) {
  const { t, i18n } = useTranslation();
  const { city } = useSession();
  const onRoll = body.roles.length > 0;
  // An organizer who is not on the roll sees no meetings: only the officers they appoint.
  const load = useCallback(
    () => (onRoll ? assembliesApi.bodyMeetings(body.id) : Promise.resolve([])),
    [body.id, onRoll],
  );
  const meetings = useLoad(load);
  const headingId = useId();
  return (
    <section className="card body" aria-labelledby={headingId} data-testid="body">
      <h2 id={headingId}>{body.name}</h2>
      <p className="hint">
        {t(`meetings.kind.${body.kind}`)} · {t('meetings.roll', { count: body.rollSize })}
        {onRoll ? ` · ${body.roles.map((r) => t(`meetings.roles.${r}`)).join(', ')}` : ''}
      </p>
      <p className="hint" data-testid="officers">
        {t('meetings.officers.current', {
          chair: body.chair?.name ?? t('meetings.officers.nobody'),
          secretary: body.secretary?.name ?? t('meetings.officers.nobody'),
        })}
      </p>
      {meetings.error ? (
        <p className="notice notice--error">{describeError(meetings.error, t)}</p>
      ) : null}
      {meetings.data && meetings.data.length === 0 ? (
        <p className="hint">{t('meetings.none')}</p>
      ) : null}
      {meetings.data && meetings.data.length > 0 ? (
        <ul className="meeting-list">
          {meetings.data.map((m) => (
            <li key={m.id}>
              <Link to={`/meetings/${m.id}`}>{m.title}</Link>{' '}
              <span className="hint">
                · {formatDateTime(m.startsAt, i18n.language, city?.timeZone ?? 'UTC')} ·{' '}
                {t(`meetings.state.${m.state}`)}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {onRoll ? (
        <p>
          <Link to={`/bodies/${body.id}/decisions`}>{t('meetings.decisions')}</Link>
        </p>
      ) : null}
      <p>
        <Link to={`/bodies/${body.id}/elections`}>{t('elections.link')}</Link>
      </p>
      {body.canRecord ? <Schedule body={body} reload={meetings.reload} /> : null}
      {body.canAppoint ? <Officers body={body} reload={reloadBodies} /> : null}
    </section>
  );
}

/** "Title | 10" → an agenda item of 10 minutes. */
function agendaOf(text: string): NewMeetingBody['agenda'] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(0, 50)
    .map((line) => {
      const match = /^(.*?)\s*\|\s*(\d{1,3})$/.exec(line);
      const minutes = match ? Number(match[2]) : 0;
      return match && minutes > 0
        ? { title: (match[1] ?? '').slice(0, 200), minutes }
        : { title: line.slice(0, 200) };
    });
}

function Schedule({ body, reload }: { body: BodyView; reload: () => Promise<void> }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [startsAt, setStartsAt] = useState('');
  const [place, setPlace] = useState('');
  const [remote, setRemote] = useState(false);
  const [quorum, setQuorum] = useState('');
  const [agenda, setAgenda] = useState('');
  const [done, setDone] = useState(false);
  const ids = {
    title: useId(),
    startsAt: useId(),
    place: useId(),
    quorum: useId(),
    agenda: useId(),
    hint: useId(),
  };
  const write = useWrite(async () => {
    setTitle('');
    setAgenda('');
    setDone(true);
    await reload();
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    const when = new Date(startsAt);
    if (Number.isNaN(when.getTime())) return;
    const members = Number(quorum);
    const input: Omit<NewMeetingBody, 'requestId'> = {
      title: title.trim(),
      startsAt: when.toISOString(),
      agenda: agendaOf(agenda),
      ...(place.trim() ? { place: place.trim() } : {}),
      ...(remote ? { remote } : {}),
      ...(Number.isInteger(members) && members > 0 ? { quorum: { members } } : {}),
    };
    void write.run(`schedule:${JSON.stringify(input)}`, (requestId) =>
      assembliesApi.createMeeting(body.id, { requestId, ...input }),
    );
  };
  return (
    <details className="schedule">
      <summary>{t('meetings.schedule.title')}</summary>
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor={ids.title}>{t('meetings.schedule.name')}</label>
          <input
            id={ids.title}
            required
            maxLength={200}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.startsAt}>{t('meetings.schedule.startsAt')}</label>
          <input
            id={ids.startsAt}
            type="datetime-local"
            required
            value={startsAt}
            onChange={(e) => setStartsAt(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.place}>{t('meetings.schedule.place')}</label>
          <input
            id={ids.place}
            maxLength={200}
            value={place}
            onChange={(e) => setPlace(e.target.value)}
          />
        </div>
        <label className="check">
          <input type="checkbox" checked={remote} onChange={(e) => setRemote(e.target.checked)} />
          {t('meetings.schedule.remote')}
        </label>
        <div className="field">
          <label htmlFor={ids.quorum}>{t('meetings.schedule.quorum')}</label>
          <input
            id={ids.quorum}
            type="number"
            inputMode="numeric"
            min={1}
            value={quorum}
            onChange={(e) => setQuorum(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.agenda}>{t('meetings.schedule.agenda')}</label>
          <textarea
            id={ids.agenda}
            rows={4}
            aria-describedby={ids.hint}
            value={agenda}
            onChange={(e) => setAgenda(e.target.value)}
          />
          <p className="hint" id={ids.hint}>
            {t('meetings.schedule.agendaHint')}
          </p>
        </div>
        <button type="submit" className="button button--primary" disabled={write.busy}>
          {t('meetings.schedule.submit')}
        </button>
        {done ? <p role="status">{t('meetings.schedule.done')}</p> : null}
        {write.error ? <p className="notice notice--error">{write.error}</p> : null}
      </form>
    </details>
  );
}

/** An organizer of the area names the chair and the secretary from the roll. */
function Officers({ body, reload }: { body: BodyView; reload: () => Promise<void> }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [chair, setChair] = useState(body.chair?.id ?? '');
  const [secretary, setSecretary] = useState(body.secretary?.id ?? '');
  const [seconding, setSeconding] = useState(body.secondingRequired);
  const [done, setDone] = useState(false);
  const ids = { chair: useId(), secretary: useId() };
  const loadRoll = useCallback(
    () => (opened ? assembliesApi.bodyRoll(body.id) : Promise.resolve(null)),
    [opened, body.id],
  );
  const roll = useLoad(loadRoll);
  const write = useWrite(async () => {
    setDone(true);
    await reload();
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    const input = {
      chair: chair || null,
      secretary: secretary || null,
      secondingRequired: seconding,
    };
    void write.run(`officers:${JSON.stringify(input)}`, (requestId) =>
      assembliesApi.appointOfficers(body.id, { requestId, ...input }),
    );
  };
  const members = roll.data?.members ?? [];
  const choice = (id: string, label: string, value: string, set: (v: string) => void) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => set(e.target.value)}>
        <option value="">{t('meetings.officers.nobody')}</option>
        {members.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <details
      className="schedule"
      onToggle={(event) => setOpened((event.target as HTMLDetailsElement).open)}
    >
      <summary>{t('meetings.officers.title')}</summary>
      {roll.error ? <p className="notice notice--error">{describeError(roll.error, t)}</p> : null}
      {opened && !roll.data && !roll.error ? <Loading /> : null}
      {roll.data ? (
        <form onSubmit={submit}>
          {choice(ids.chair, t('meetings.officers.chair'), chair, setChair)}
          {choice(ids.secretary, t('meetings.officers.secretary'), secretary, setSecretary)}
          <label className="check">
            <input
              type="checkbox"
              checked={seconding}
              onChange={(e) => setSeconding(e.target.checked)}
            />
            {t('meetings.officers.seconding')}
          </label>
          <button type="submit" className="button button--primary" disabled={write.busy}>
            {t('meetings.officers.save')}
          </button>
          {done ? <p role="status">{t('meetings.officers.saved')}</p> : null}
          {write.error ? <p className="notice notice--error">{write.error}</p> : null}
        </form>
      ) : null}
    </details>
  );
}
