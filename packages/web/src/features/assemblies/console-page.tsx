import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { MeetingView, MotionView } from '@tocsin/core/api/organizing';
import { SPEAKER_ORDERS, type SpeakerOrder } from '@tocsin/core/assemblies/speakers';
import {
  MAJORITIES,
  VOTE_METHODS,
  type Majority,
  type VoteMethod,
} from '@tocsin/core/assemblies/votes';
import { usePageTitle } from '../../app/use-page-title';
import { describeError } from '../../lib/api';
import { Confirm } from '../../ui/confirm';
import { Loading } from '../../ui/loading';
import { MeetingHeader, MotionActions, MoveForm } from './meeting-page';
import {
  Agenda,
  Attendance,
  CurrentSpeaker,
  MotionSummary,
  Queue,
  currentItemTitle,
} from './parts';
import { useMeeting } from './use-meeting';
import { useWrite, type Write } from './use-write';
import './assemblies.css';
import { assembliesApi } from '../../lib/api/organizing/assemblies';

/** Keys the console answers when no field has the focus. */
const SHORTCUTS = { nextSpeaker: 'n', nextItem: 'i', closeVote: 'v', screen: 'p' } as const;

/** The chair's console, laid out for a laptop: agenda, speakers, motions and votes, shortcuts. */
export function ConsolePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { view, error, status, reload } = useMeeting(id);
  usePageTitle(t('meetings.chair.title'));
  if (!view) {
    return error ? <p className="notice notice--error">{describeError(error, t)}</p> : <Loading />;
  }
  if (!view.officer) return <p className="notice notice--info">{t('meetings.chair.notOfficer')}</p>;
  return <Console view={view} status={status} reload={reload} />;
}

function typing(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

function Console({
  view,
  status,
  reload,
}: {
  view: MeetingView;
  status: string;
  reload: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const write = useWrite(reload);
  const [closing, setClosing] = useState(false);
  const orderId = useId();
  const open = view.state === 'open';
  const voting = view.motions.find((m) => m.state === 'voting') ?? null;
  // Repeated presses of one key within a state are one request: the key names the state.
  const nextSpeaker = () =>
    void write.run(
      `next-speaker:${view.currentSpeaker?.id ?? ''}:${view.queue[0]?.id ?? ''}`,
      (r) => assembliesApi.nextSpeaker(view.id, r),
    );
  const nextItem = () =>
    void write.run(`next-item:${view.currentItem ?? ''}`, (r) =>
      assembliesApi.nextItem(view.id, r),
    );
  const closeVote = (motion: MotionView) =>
    void write.run(`close-vote:${motion.id}`, (r) => assembliesApi.closeVote(motion.id, r));

  const keys = useRef({ nextSpeaker, nextItem, closeVote, voting, open });
  keys.current = { nextSpeaker, nextItem, closeVote, voting, open };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
      const k = keys.current;
      const key = event.key.toLowerCase();
      if (key === SHORTCUTS.screen) {
        event.preventDefault();
        void navigate(`/meetings/${view.id}/screen`);
        return;
      }
      if (!k.open) return;
      if (key === SHORTCUTS.nextSpeaker) k.nextSpeaker();
      else if (key === SHORTCUTS.nextItem) k.nextItem();
      else if (key === SHORTCUTS.closeVote && k.voting) k.closeVote(k.voting);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate, view.id]);

  return (
    <div className="console">
      <MeetingHeader view={view} status={status} />
      {write.error ? (
        <p className="notice notice--error" role="alert">
          {write.error}
        </p>
      ) : null}
      <div className="console__grid">
        <section className="card" aria-labelledby="console-meeting">
          <h2 id="console-meeting">{t('meetings.meeting.agenda')}</h2>
          <Attendance state={view} />
          {view.officer?.code && open ? (
            <p className="console__code" data-testid="check-in-code">
              {t('meetings.chair.code', { code: view.officer.code })}
            </p>
          ) : null}
          <Agenda state={view} />
          <div className="actions">
            {view.state === 'scheduled' ? (
              <button
                type="button"
                className="button button--primary"
                disabled={write.busy}
                onClick={() => void write.run('open', (r) => assembliesApi.openMeeting(view.id, r))}
              >
                {t('meetings.chair.openMeeting')}
              </button>
            ) : null}
            {open ? (
              <button type="button" className="button" disabled={write.busy} onClick={nextItem}>
                {t('meetings.chair.nextItem')} <kbd>{SHORTCUTS.nextItem.toUpperCase()}</kbd>
              </button>
            ) : null}
            {open && !closing ? (
              <button
                type="button"
                className="button button--danger"
                onClick={() => setClosing(true)}
              >
                {t('meetings.chair.closeMeeting')}
              </button>
            ) : null}
          </div>
          {closing ? (
            <Confirm
              question={t('meetings.chair.confirmClose')}
              confirm={t('meetings.chair.closeMeeting')}
              tone="danger"
              disabled={write.busy}
              onConfirm={() =>
                void write
                  .run('close', (r) => assembliesApi.closeMeeting(view.id, r))
                  .then(() => setClosing(false))
              }
              onCancel={() => setClosing(false)}
            />
          ) : null}
          {view.officer && view.officer.attendees.length > 0 ? (
            <details className="attendees">
              <summary>{t('meetings.chair.attendees')}</summary>
              <ul>
                {view.officer.attendees.map((a) => (
                  <li key={a.id}>{a.name}</li>
                ))}
              </ul>
            </details>
          ) : null}
        </section>

        <section className="card" aria-labelledby="console-speakers">
          <h2 id="console-speakers">{t('meetings.speak.title')}</h2>
          <CurrentSpeaker state={view} />
          {open ? (
            <button
              type="button"
              className="button button--primary button--large"
              disabled={write.busy}
              onClick={nextSpeaker}
            >
              {t('meetings.chair.nextSpeaker')} <kbd>{SHORTCUTS.nextSpeaker.toUpperCase()}</kbd>
            </button>
          ) : null}
          <h3>{t('meetings.speak.queue')}</h3>
          <Queue state={view} />
          <div className="field field--inline">
            <label htmlFor={orderId}>{t('meetings.chair.order')}</label>
            <select
              id={orderId}
              value={view.speakerOrder}
              disabled={!open || write.busy}
              onChange={(event) => {
                const order = event.target.value as SpeakerOrder;
                void write.run(`order:${order}`, (requestId) =>
                  assembliesApi.speakerOrder(view.id, { requestId, order }),
                );
              }}
            >
              {SPEAKER_ORDERS.map((o) => (
                <option key={o} value={o}>
                  {t(`meetings.speak.order.${o}`)}
                </option>
              ))}
            </select>
          </div>
        </section>

        <section className="card console__motions" aria-labelledby="console-motions">
          <h2 id="console-motions">{t('meetings.motion.title')}</h2>
          {currentItemTitle(view) ? <p className="hint">{currentItemTitle(view)}</p> : null}
          {view.motions.length === 0 ? <p className="hint">{t('meetings.motion.none')}</p> : null}
          <ul className="motions">
            {view.motions.map((motion) => (
              <li key={motion.id} className="motion" data-testid="motion" data-state={motion.state}>
                <MotionSummary motion={motion} motions={view.motions} />
                {open ? <VoteControls motion={motion} write={write} closeVote={closeVote} /> : null}
                {open ? <MotionActions view={view} motion={motion} reload={reload} /> : null}
              </li>
            ))}
          </ul>
          {open ? <MoveForm view={view} reload={reload} /> : null}
        </section>
      </div>

      <section className="card shortcuts" aria-labelledby="console-keys">
        <h2 id="console-keys">{t('meetings.chair.shortcuts')}</h2>
        <dl>
          {(Object.keys(SHORTCUTS) as (keyof typeof SHORTCUTS)[]).map((name) => (
            <div key={name} className="shortcuts__row">
              <dt>
                <kbd>{SHORTCUTS[name].toUpperCase()}</kbd>
              </dt>
              <dd>{t(`meetings.chair.keys.${name}`)}</dd>
            </div>
          ))}
        </dl>
        <p>
          <Link to={`/meetings/${view.id}/minutes`}>{t('meetings.meeting.minutes')}</Link>
        </p>
      </section>
    </div>
  );
}

function VoteControls({
  motion,
  write,
  closeVote,
}: {
  motion: MotionView;
  write: Write;
  closeVote: (motion: MotionView) => void;
}) {
  const { t } = useTranslation();
  const [method, setMethod] = useState<VoteMethod>('open');
  const [majority, setMajority] = useState<Majority>('simple');
  const methodId = useId();
  const majorityId = useId();
  if (motion.state === 'voting') {
    return (
      <button
        type="button"
        className="button button--primary"
        disabled={write.busy}
        onClick={() => closeVote(motion)}
      >
        {t('meetings.vote.close')} <kbd>{SHORTCUTS.closeVote.toUpperCase()}</kbd>
      </button>
    );
  }
  if (motion.state !== 'seconded' && motion.state !== 'moved') return null;
  return (
    <div className="vote-controls">
      <div className="field">
        <label htmlFor={methodId}>{t('meetings.vote.methodLabel')}</label>
        <select
          id={methodId}
          value={method}
          onChange={(e) => setMethod(e.target.value as VoteMethod)}
        >
          {VOTE_METHODS.map((m) => (
            <option key={m} value={m}>
              {t(`meetings.vote.method.${m}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={majorityId}>{t('meetings.vote.majorityLabel')}</label>
        <select
          id={majorityId}
          value={majority}
          onChange={(e) => setMajority(e.target.value as Majority)}
        >
          {MAJORITIES.map((m) => (
            <option key={m} value={m}>
              {t(`meetings.vote.majority.${m}`)}
            </option>
          ))}
        </select>
      </div>
      <button
        type="button"
        className="button"
        disabled={write.busy}
        onClick={() =>
          void write.run(`vote:${motion.id}:${method}:${majority}`, (requestId) =>
            assembliesApi.openVote(motion.id, { requestId, method, majority }),
          )
        }
      >
        {t('meetings.vote.open')}
      </button>
    </div>
  );
}
