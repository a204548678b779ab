/** A meeting is scheduled, then open, then closed; nothing reopens. */
export const MEETING_STATES = ['scheduled', 'open', 'closed'] as const;
export type MeetingState = (typeof MEETING_STATES)[number];

export type MeetingAction = 'open' | 'close';

export type MeetingStep =
  | { readonly ok: true; readonly state: MeetingState }
  | { readonly ok: false; readonly reason: string };

/** The meeting state machine, a total function: every state and action gives an answer. */
export function meetingTransition(state: MeetingState, action: MeetingAction): MeetingStep {
  if (state === 'closed') return { ok: false, reason: 'the meeting is closed' };
  if (action === 'open') {
    return state === 'scheduled'
      ? { ok: true, state: 'open' }
      : { ok: false, reason: 'the meeting is already open' };
  }
  return state === 'open'
    ? { ok: true, state: 'closed' }
    : { ok: false, reason: 'the meeting has not opened' };
}

/** Whether members can act in the meeting (check in, speak, move, vote). */
export function isLive(state: MeetingState): boolean {
  return state === 'open';
}

/** The states of a motion. `invalid`: its vote closed while the meeting was inquorate. */
export const MOTION_STATES = [
  'moved',
  'seconded',
  'voting',
  'carried',
  'failed',
  'invalid',
  'withdrawn',
] as const;
export type MotionState = (typeof MOTION_STATES)[number];

export type MotionAction = 'second' | 'open_vote' | 'close_vote' | 'withdraw';

/**
 * The motion state machine. A vote opens on a seconded motion, or on a moved one when the body
 * waives seconding; only the mover withdraws, and only before the vote opens. `close_vote`
 * needs the outcome: carried, failed, or invalid (inquorate).
 */
export function motionTransition(
  state: MotionState,
  action: MotionAction,
  options: {
    secondingRequired?: boolean;
    outcome?: 'carried' | 'failed' | 'invalid';
  } = {},
): { ok: true; state: MotionState } | { ok: false; reason: string } {
  const done = state === 'carried' || state === 'failed' || state === 'invalid';
  if (done || state === 'withdrawn') return { ok: false, reason: `the motion is ${state}` };
  switch (action) {
    case 'second':
      return state === 'moved'
        ? { ok: true, state: 'seconded' }
        : { ok: false, reason: `a ${state} motion cannot be seconded` };
    case 'open_vote':
      if (state === 'seconded') return { ok: true, state: 'voting' };
      if (state === 'moved' && options.secondingRequired === false) {
        return { ok: true, state: 'voting' };
      }
      return { ok: false, reason: state === 'voting' ? 'the vote is open' : 'no seconder yet' };
    case 'close_vote':
      if (state !== 'voting') return { ok: false, reason: 'no vote is open' };
      return { ok: true, state: options.outcome ?? 'failed' };
    case 'withdraw':
      return state === 'voting'
        ? { ok: false, reason: 'the vote is open' }
        : { ok: true, state: 'withdrawn' };
  }
}
