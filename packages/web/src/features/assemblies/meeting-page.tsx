import { lazy, Suspense, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { MeetingView, MotionView } from '@tocsin/core/api/organizing';
import { SPEAKER_KINDS, type SpeakerKind } from '@tocsin/core/assemblies/speakers';
import { VOTE_CHOICES, type VoteChoice } from '@tocsin/core/assemblies/votes';
import { usePageTitle } from '../../app/use-page-title';
import { describeError } from '../../lib/api';
import { formatDateTime } from '../../lib/time';
import { Loading } from '../../ui/loading';
import { useSession } from '../session/session-provider';
import { Agenda, Attendance, CurrentSpeaker, MotionSummary, Queue } from './parts';
import { useMeeting, usePendingActions, useQueueAction } from './use-meeting';
import { useWrite } from './use-write';
import './assemblies.css';
import { assembliesApi } from '../../lib/api/organizing/assemblies';

// A secret vote's token flow and receipts load when a secret vote is on screen: most votes are
// open, and the meeting screen keeps within the start-up budget without them.
const SecretVote = lazy(() => import('./secret-vote').then((m) => ({ default: m.SecretVote })));
const SecretReceipts = lazy(() =>
  import('./secret-vote').then((m) => ({ default: m.SecretReceipts })),
);

/** A participant's phone in a meeting: check in, the agenda, the speakers list, motions, votes. */
export function MeetingPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { view, error, status, reload } = useMeeting(id);
  usePageTitle(view?.title ?? t('meetings.title'));
  if (!view) {
    return error ? <p className="notice notice--error">{describeError(error, t)}</p> : <Loading />;
  }
  return <Meeting view={view} status={status} reload={reload} />;
}

function MeetingHeader({ view, status }: { view: MeetingView; status: string }) {
  const { t, i18n } = useTranslation();
  const { city } = useSession();
  const when = formatDateTime(view.startsAt, i18n.language, city?.timeZone ?? 'UTC');
  // The officers' part comes to those who run or record the meeting.
  const officer = view.officer !== null;
  return (
    <header className="meeting-header">
      <h1 tabIndex={-1}>{view.title}</h1>
      <p className="hint">
        {view.bodyName} ·{' '}
        {view.place ? t('meetings.meeting.when', { time: when, place: view.place }) : when}
      </p>
      <p>
        <span className={`badge meeting-state meeting-state--${view.state}`}>
          {t(`meetings.state.${view.state}`)}
        </span>{' '}
        <span className="hint" role="status">
          {status === 'live' ? t('meetings.meeting.live') : t('meetings.meeting.offline')}
        </span>
      </p>
      <nav className="meeting-links" aria-label={view.title}>
        {officer ? (
          <Link to={`/meetings/${view.id}/console`}>{t('meetings.meeting.console')}</Link>
        ) : null}
        <Link to={`/meetings/${view.id}/screen`}>{t('meetings.meeting.screen')}</Link>
        <Link to={`/meetings/${view.id}/minutes`}>{t('meetings.meeting.minutes')}</Link>
      </nav>
    </header>
  );
}

export { MeetingHeader };

function Meeting({
  view,
  status,
  reload,
}: {
  view: MeetingView;
  status: string;
  reload: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const pending = usePendingActions(view.id);
  // When my queued actions have left the phone, read my part of the meeting again.
  const waiting = pending.filter((item) => item.status !== 'failed').length;
  const before = useRef(waiting);
  useEffect(() => {
    if (waiting < before.current) void reload();
    before.current = waiting;
  }, [waiting, reload]);
  const failed = pending.filter((item) => item.status === 'failed');
  const open = view.state === 'open';

  return (
    <div className="meeting">
      <MeetingHeader view={view} status={status} />
      <Attendance state={view} />
      {view.state === 'scheduled' ? (
        <p className="notice notice--info">{t('meetings.meeting.notOpen')}</p>
      ) : null}
      {view.state === 'closed' ? (
        <p className="notice notice--info">{t('meetings.meeting.closed')}</p>
      ) : null}
      {open && !view.me.checkedIn ? <CheckIn view={view} reload={reload} /> : null}
      {open && view.me.checkedIn ? (
        <p className="notice notice--ok" data-testid="checked-in">
          {t('meetings.checkIn.done')}
        </p>
      ) : null}

      <section className="card" aria-labelledby="agenda-title">
        <h2 id="agenda-title">{t('meetings.meeting.agenda')}</h2>
        <Agenda state={view} />
      </section>

      <section className="card" aria-labelledby="speakers-title">
        <h2 id="speakers-title">{t('meetings.speak.title')}</h2>
        <h3>{t('meetings.speak.current')}</h3>
        <CurrentSpeaker state={view} />
        {open && view.me.checkedIn ? <Speak view={view} waiting={waiting > 0} /> : null}
        <h3>{t('meetings.speak.queue')}</h3>
        <p className="hint">{t(`meetings.speak.order.${view.speakerOrder}`)}</p>
        <Queue state={view} me={view.me.memberId} />
      </section>

      <section className="card" aria-labelledby="motions-title">
        <h2 id="motions-title">{t('meetings.motion.title')}</h2>
        {failed.map((item) => (
          <p key={item.id} className="notice notice--error">
            {item.error?.message}
          </p>
        ))}
        <Motions view={view} reload={reload} />
      </section>
    </div>
  );
}

function CheckIn({ view, reload }: { view: MeetingView; reload: () => Promise<void> }) {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  const [code, setCode] = useState(search.get('code') ?? '');
  const write = useWrite(reload);
  const codeId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void write.run(`check-in:${code}`, (requestId) =>
      assembliesApi.checkIn(view.id, { requestId, code: code.trim() }),
    );
  };
  return (
    <section className="card check-in" aria-labelledby="check-in-title">
      <h2 id="check-in-title">{t('meetings.checkIn.title')}</h2>
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor={codeId}>{t('meetings.checkIn.code')}</label>
          <input
            id={codeId}
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9]{6}"
            maxLength={6}
            required
            value={code}
            onChange={(event) => setCode(event.target.value)}
          />
        </div>
        <button type="submit" className="button button--primary" disabled={write.busy}>
          {t('meetings.checkIn.submit')}
        </button>
        {view.remote ? (
          <button
            type="button"
            className="button"
            disabled={write.busy}
            onClick={() =>
              void write.run('check-in:remote', (requestId) =>
                assembliesApi.checkIn(view.id, { requestId }),
              )
            }
          >
            {t('meetings.checkIn.remote')}
          </button>
        ) : null}
      </form>
      {write.error ? <p className="notice notice--error">{write.error}</p> : null}
    </section>
  );
}

function Speak({ view, waiting }: { view: MeetingView; waiting: boolean }) {
  const { t } = useTranslation();
  const queue = useQueueAction();
  const [kind, setKind] = useState<SpeakerKind>('speak');
  const kindId = useId();
  const place = view.queue.findIndex((entry) => entry.member.id === view.me.memberId);
  const speaking = view.currentSpeaker?.member.id === view.me.memberId;
  return (
    <div className="speak">
      <p className="speak__place" data-testid="my-place" role="status">
        {/* Whoever has the floor may already be back in the queue for a later turn. */}
        {speaking ? `${t('meetings.speak.speaking')} ` : null}
        {place >= 0
          ? t('meetings.speak.place', { place: place + 1 })
          : speaking
            ? null
            : t('meetings.speak.notInQueue')}
      </p>
      <div className="field">
        <label htmlFor={kindId}>{t('meetings.speak.askKind')}</label>
        <select
          id={kindId}
          value={kind}
          onChange={(event) => setKind(event.target.value as SpeakerKind)}
        >
          {SPEAKER_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`meetings.speak.kind.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <button
        type="button"
        className="button button--primary button--large"
        onClick={() => void queue({ type: 'speak', meetingId: view.id, kind })}
      >
        {t('meetings.speak.ask')}
      </button>
      {place >= 0 ? (
        <button
          type="button"
          className="button"
          onClick={() => void queue({ type: 'withdraw', meetingId: view.id })}
        >
          {t('meetings.speak.withdraw')}
        </button>
      ) : null}
      {waiting ? (
        <p className="hint hint--warn" role="status" data-testid="pending">
          {t('meetings.speak.pending')}
        </p>
      ) : null}
    </div>
  );
}

function Motions({ view, reload }: { view: MeetingView; reload: () => Promise<void> }) {
  const { t } = useTranslation();
  const open = view.state === 'open';
  return (
    <>
      {view.motions.length === 0 ? <p className="hint">{t('meetings.motion.none')}</p> : null}
      <ul className="motions">
        {view.motions.map((motion) => (
          <li key={motion.id} className="motion" data-testid="motion" data-state={motion.state}>
            <MotionSummary motion={motion} motions={view.motions} />
            {open && view.me.checkedIn ? (
              <MotionActions view={view} motion={motion} reload={reload} />
            ) : null}
          </li>
        ))}
      </ul>
      {open && view.me.checkedIn ? <MoveForm view={view} reload={reload} /> : null}
    </>
  );
}

export function MotionActions({
  view,
  motion,
  reload,
}: {
  view: MeetingView;
  motion: MotionView;
  reload: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const write = useWrite(reload);
  const queue = useQueueAction();
  const pending = usePendingActions(view.id);
  const [amending, setAmending] = useState(false);
  const mine = motion.mover.id === view.me.memberId;
  const queued = pending
    .map((item) => item.action)
    .filter((a) => a.type === 'ballot' && a.motionId === motion.id)
    .at(-1);
  const recorded = view.me.ballots.find((b) => b.motionId === motion.id)?.choice;
  const choice: VoteChoice | undefined =
    queued && queued.type === 'ballot' ? queued.choice : recorded;
  const live = motion.state === 'moved' || motion.state === 'seconded';
  return (
    <div className="motion__actions">
      {motion.state === 'voting' && motion.vote?.method === 'secret' ? (
        <Suspense fallback={<Loading />}>
          <SecretVote motion={motion} />
        </Suspense>
      ) : motion.state === 'voting' ? (
        <fieldset className="vote">
          <legend>{t('meetings.vote.title')}</legend>
          <div className="vote__choices">
            {VOTE_CHOICES.map((c) => (
              <button
                key={c}
                type="button"
                className={`button vote__choice vote__choice--${c}`}
                aria-pressed={choice === c}
                onClick={() =>
                  void queue({ type: 'ballot', meetingId: view.id, motionId: motion.id, choice: c })
                }
              >
                {t(`meetings.vote.choice.${c}`)}
              </button>
            ))}
          </div>
          <p className="hint" role="status" data-testid="my-vote">
            {choice
              ? t('meetings.vote.yours', { choice: t(`meetings.vote.choice.${choice}`) })
              : t('meetings.vote.change')}
          </p>
        </fieldset>
      ) : null}
      {motion.result && motion.vote?.method === 'secret' ? (
        <Suspense fallback={<Loading />}>
          <SecretReceipts motion={motion} />
        </Suspense>
      ) : null}
      {motion.state === 'moved' && !mine ? (
        <button
          type="button"
          className="button button--small"
          disabled={write.busy}
          onClick={() =>
            void write.run(`second:${motion.id}`, (r) => assembliesApi.second(motion.id, r))
          }
        >
          {t('meetings.motion.second')}
        </button>
      ) : null}
      {live && !motion.amends ? (
        <button
          type="button"
          className="button button--small"
          aria-expanded={amending}
          onClick={() => setAmending((v) => !v)}
        >
          {t('meetings.motion.amend')}
        </button>
      ) : null}
      {live && mine ? (
        <button
          type="button"
          className="button button--small button--quiet"
          disabled={write.busy}
          onClick={() =>
            void write.run(`withdraw:${motion.id}`, (r) =>
              assembliesApi.withdrawMotion(motion.id, r),
            )
          }
        >
          {t('meetings.motion.withdraw')}
        </button>
      ) : null}
      {amending ? (
        <MoveForm view={view} reload={reload} amends={motion} onDone={() => setAmending(false)} />
      ) : null}
      {write.error ? <p className="notice notice--error">{write.error}</p> : null}
    </div>
  );
}

/** Move a motion, or (with `amends`) an amendment whose text replaces the motion's. */
export function MoveForm({
  view,
  reload,
  amends,
  onDone,
}: {
  view: MeetingView;
  reload: () => Promise<void>;
  amends?: MotionView;
  onDone?: () => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(amends?.text ?? '');
  const textId = useId();
  const write = useWrite(async () => {
    setText('');
    onDone?.();
    await reload();
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = amends ? { text: text.trim(), amends: amends.id } : { text: text.trim() };
    void write.run(`move:${amends?.id ?? ''}:${text}`, (requestId) =>
      assembliesApi.move(view.id, { requestId, ...body }),
    );
  };
  return (
    <form className="move" onSubmit={submit}>
      {amends ? null : <h3>{t('meetings.motion.move')}</h3>}
      <div className="field">
        <label htmlFor={textId}>
          {amends ? t('meetings.motion.amendText') : t('meetings.motion.text')}
        </label>
        <textarea
          id={textId}
          rows={3}
          required
          maxLength={5000}
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
      </div>
      <button
        type="submit"
        className="button button--primary"
        disabled={write.busy || !text.trim()}
      >
        {amends ? t('meetings.motion.submitAmendment') : t('meetings.motion.submit')}
      </button>
      {write.error ? <p className="notice notice--error">{write.error}</p> : null}
    </form>
  );
}
