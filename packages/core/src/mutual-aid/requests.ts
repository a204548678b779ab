/** What people ask for and offer. */
export const AID_CATEGORIES = [
  'groceries',
  'rides',
  'childcare',
  'legal_support',
  'bail_rent_fund',
  'housing',
  'other',
] as const;
export type AidCategory = (typeof AID_CATEGORIES)[number];

export const AID_URGENCIES = ['today', 'this_week', 'when_possible'] as const;
export type AidUrgency = (typeof AID_URGENCIES)[number];

export const AID_STATES = ['open', 'matched', 'closed'] as const;
export type AidState = (typeof AID_STATES)[number];

/** How a request closed: by the people in it, or by the sweep when nobody took it in time. */
export const AID_OUTCOMES = ['fulfilled', 'withdrawn', 'expired'] as const;
export type AidOutcome = (typeof AID_OUTCOMES)[number];
/** What a person may close a request as. */
export const AID_CLOSE_OUTCOMES = ['fulfilled', 'withdrawn'] as const;

/** The longest request description and thread message. */
export const AID_DESCRIPTION_MAX = 500;
export const AID_MESSAGE_MAX = 500;

/** Days after closing before a description and its thread are deleted (city-pack default). */
export const AID_CLOSED_KEEP_DAYS = 7;
/** Days an open request waits for a match before it closes as expired (city-pack default). */
export const AID_OPEN_DAYS = 30;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export type AidAction = { type: 'match' } | { type: 'close'; outcome: AidOutcome };

/**
 * The request's state machine: open → matched → closed, or open → closed. Withdrawing and
 * fulfilling close from open or matched; `expired` only closes an open request. Returns the next
 * state or null when the move is not allowed.
 */
export function aidTransition(state: AidState, action: AidAction): AidState | null {
  if (action.type === 'match') return state === 'open' ? 'matched' : null;
  if (state === 'closed') return null;
  if (action.outcome === 'expired' && state !== 'open') return null;
  return 'closed';
}

/** Whether a closed request's description and thread are due for deletion. */
export function aidPurgeDue(closedAt: Date, now: Date, keepDays = AID_CLOSED_KEEP_DAYS): boolean {
  return now.getTime() - closedAt.getTime() >= keepDays * DAY_MS;
}

/** Whether an open request has waited long enough to close as expired. */
export function aidOpenExpired(createdAt: Date, now: Date, openDays = AID_OPEN_DAYS): boolean {
  return now.getTime() - createdAt.getTime() >= openDays * DAY_MS;
}

/**
 * The age the public board shows: whole hours, at least 0. Coarse on purpose: the exact minute
 * a request was made can tie it to a door knock or a person seen at a meeting.
 */
export function boardAgeHours(createdAt: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - createdAt.getTime()) / HOUR_MS));
}
