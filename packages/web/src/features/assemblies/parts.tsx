import { useTranslation } from 'react-i18next';
import type { MeetingLiveState, MotionView } from '@tocsin/core/api/organizing';
import { diffWords } from '@tocsin/core/assemblies/text-diff';
import { useNow } from '../../app/use-now';

type CurrentSpeaker = NonNullable<MeetingLiveState['currentSpeaker']>;

function clock(totalSeconds: number): string {
  const s = Math.abs(Math.round(totalSeconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** The current speaker's time box counting down from the server's start time, then over time. */
export function SpeakerTimer({ current }: { current: CurrentSpeaker }) {
  const { t } = useTranslation();
  const now = useNow(1_000);
  const left = current.seconds - (now - new Date(current.startedAt).getTime()) / 1000;
  return (
    <p className={`timer${left < 0 ? ' timer--over' : ''}`} data-testid="speaker-timer">
      <span className="timer__label">{t('meetings.timer.label')}</span>{' '}
      <span className="timer__value" role="timer">
        {left >= 0 ? clock(left) : t('meetings.timer.over', { time: clock(-left) })}
      </span>
    </p>
  );
}

/** The agenda with the item under discussion marked. */
export function Agenda({ state }: { state: MeetingLiveState }) {
  const { t } = useTranslation();
  return (
    <ol className="agenda" data-testid="agenda">
      {state.agenda.map((item) => {
        const current = item.position === state.currentItem;
        return (
          <li
            key={item.position}
            className={current ? 'agenda__item agenda__item--current' : 'agenda__item'}
            aria-current={current ? 'step' : undefined}
          >
            {item.title}
            {item.minutes ? (
              <span className="hint">
                {' '}
                · {t('meetings.meeting.minutesBox', { count: item.minutes })}
              </span>
            ) : null}
            {current ? (
              <strong className="agenda__now"> · {t('meetings.meeting.current')}</strong>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

/** The title of the item under discussion, if any. */
export function currentItemTitle(state: MeetingLiveState): string | null {
  return state.agenda.find((item) => item.position === state.currentItem)?.title ?? null;
}

/** Waiting speakers in the order the chair will call them, with each request's kind. */
export function Queue({ state, me }: { state: MeetingLiveState; me?: string }) {
  const { t } = useTranslation();
  if (state.queue.length === 0) return <p className="hint">{t('meetings.speak.empty')}</p>;
  return (
    <ol className="queue" data-testid="queue">
      {state.queue.map((entry) => (
        <li
          key={entry.id}
          className={entry.member.id === me ? 'queue__item queue__item--me' : 'queue__item'}
          data-kind={entry.kind}
        >
          <span className="queue__name">{entry.member.name}</span>
          {entry.kind !== 'speak' ? (
            <span className="queue__kind"> · {t(`meetings.speak.kind.${entry.kind}`)}</span>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

/** Who has the floor, and their timer. */
export function CurrentSpeaker({ state }: { state: MeetingLiveState }) {
  const { t } = useTranslation();
  const current = state.currentSpeaker;
  if (!current) return <p className="hint">{t('meetings.speak.nobody')}</p>;
  return (
    <div className="speaker" data-testid="current-speaker">
      <p className="speaker__name">
        {current.member.name}
        {current.kind !== 'speak' ? (
          <span className="speaker__kind"> · {t(`meetings.speak.kind.${current.kind}`)}</span>
        ) : null}
      </p>
      <SpeakerTimer current={current} />
    </div>
  );
}

/** An amendment's change as a word diff: removed words struck, added words marked. */
export function AmendmentDiff({ motion }: { motion: MotionView }) {
  const { t } = useTranslation();
  return (
    <p className="diff" aria-label={t('meetings.motion.diff')}>
      {diffWords(motion.originalText, motion.text).map((part, i) => (
        <span key={i}>
          {i > 0 ? ' ' : null}
          {part.op === 'same' ? (
            part.text
          ) : part.op === 'removed' ? (
            <del>{part.text}</del>
          ) : (
            <ins>{part.text}</ins>
          )}
        </span>
      ))}
    </p>
  );
}

/** A vote's counts: live while open, final once closed. */
export function Tally({ motion }: { motion: MotionView }) {
  const { t } = useTranslation();
  const counts = motion.result ?? motion.vote?.tally;
  if (!counts) {
    // A secret vote while open: only how many ballots are in the box.
    return motion.vote ? (
      <p className="tally" data-testid="tally">
        {t('meetings.vote.voted', { count: motion.vote.voted })}
      </p>
    ) : null;
  }
  return (
    <p className="tally" data-testid="tally">
      {t('meetings.vote.tally', counts)}
      {motion.vote && !motion.result ? (
        <span className="hint"> · {t('meetings.vote.voted', { count: motion.vote.voted })}</span>
      ) : null}
    </p>
  );
}

/** A motion's text, what it amends, its mover and seconder, its state and result. */
export function MotionSummary({ motion, motions }: { motion: MotionView; motions: MotionView[] }) {
  const { t } = useTranslation();
  const parent = motion.amends ? motions.find((m) => m.id === motion.amends) : null;
  return (
    <div className="motion__summary">
      {parent ? (
        <p className="motion__amends">{t('meetings.motion.amendment', { text: parent.text })}</p>
      ) : null}
      {motion.amends ? (
        <AmendmentDiff motion={motion} />
      ) : (
        <p className="motion__text">{motion.text}</p>
      )}
      <p className="hint">
        {t('meetings.motion.movedBy', { name: motion.mover.name })}
        {motion.seconder
          ? `, ${t('meetings.motion.secondedBy', { name: motion.seconder.name })}`
          : ''}
      </p>
      <p className={`motion__state motion__state--${motion.state}`} data-testid="motion-state">
        {t(`meetings.motion.state.${motion.state}`)}
      </p>
      <Tally motion={motion} />
    </div>
  );
}

/** Present, of the roll, and whether the quorum is met. */
export function Attendance({ state }: { state: MeetingLiveState }) {
  const { t } = useTranslation();
  return (
    <p className="attendance" data-testid="attendance">
      <span>
        {t('meetings.meeting.attendance', { count: state.attendance, roll: state.rollSize })}
      </span>
      {' · '}
      <span className={state.quorate ? 'quorum quorum--met' : 'quorum'}>
        {state.quorate ? t('meetings.meeting.quorate') : t('meetings.meeting.inquorate')}
      </span>
      {state.requiredAttendance > 0 ? (
        <span className="hint">
          {' '}
          ({t('meetings.meeting.quorum', { count: state.requiredAttendance })})
        </span>
      ) : null}
    </p>
  );
}
