/**
 * Election phases (issue 16): nominations → voting → count → results.
 * Pure rules; the server stores the schedule and asks these functions with its injectable clock.
 */

export const ELECTION_OFFICES = ['delegate', 'chair', 'secretary', 'coordinator'] as const;
export type ElectionOffice = (typeof ELECTION_OFFICES)[number];

export type ElectionPhase = 'nominations' | 'voting' | 'count' | 'results';

export interface ElectionSchedule {
  /** Voting opens at this instant (ms since epoch); nominations close then. */
  readonly votingOpensAt: number;
  /** Voting closes at this instant (ms since epoch); after it the count may run. */
  readonly votingClosesAt: number;
  /** Whether the count has been run and its result stored. */
  readonly counted: boolean;
}

export class ElectionScheduleError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'ElectionScheduleError';
  }
}

/** Checks a schedule as given by a body's officer; throws naming the field at fault. */
export function checkSchedule(schedule: ElectionSchedule, now: number, seats: number): void {
  if (!Number.isInteger(seats) || seats < 1) {
    throw new ElectionScheduleError('seats', 'seats must be a whole number of at least 1');
  }
  if (!Number.isFinite(schedule.votingOpensAt) || schedule.votingOpensAt <= now) {
    throw new ElectionScheduleError('votingOpensAt', 'voting must open in the future');
  }
  if (
    !Number.isFinite(schedule.votingClosesAt) ||
    schedule.votingClosesAt <= schedule.votingOpensAt
  ) {
    throw new ElectionScheduleError('votingClosesAt', 'voting must close after it opens');
  }
}

/** The phase an election is in at `now`. */
export function electionPhase(schedule: ElectionSchedule, now: number): ElectionPhase {
  if (schedule.counted) return 'results';
  if (now < schedule.votingOpensAt) return 'nominations';
  if (now < schedule.votingClosesAt) return 'voting';
  return 'count';
}

/** What an action needs, so a refusal can say why. */
export type ElectionAction = 'nominate' | 'accept-nomination' | 'issue-token' | 'cast' | 'count';

const ACTION_PHASE: Readonly<Record<ElectionAction, ElectionPhase>> = {
  nominate: 'nominations',
  'accept-nomination': 'nominations',
  'issue-token': 'voting',
  cast: 'voting',
  count: 'count',
};

/** null when the action is allowed at `now`, otherwise the phase the election is in. */
export function refusePhase(
  schedule: ElectionSchedule,
  now: number,
  action: ElectionAction,
): ElectionPhase | null {
  const phase = electionPhase(schedule, now);
  return phase === ACTION_PHASE[action] ? null : phase;
}

/** A ballot is valid only when every preference names a distinct accepted candidate. */
export function ballotProblem(
  preferences: readonly number[],
  candidateCount: number,
): 'empty' | 'not-a-candidate' | 'repeated' | null {
  if (preferences.length === 0) return 'empty';
  const seen = new Set<number>();
  for (const p of preferences) {
    if (!Number.isInteger(p) || p < 1 || p > candidateCount) return 'not-a-candidate';
    if (seen.has(p)) return 'repeated';
    seen.add(p);
  }
  return null;
}

/** The day (UTC, YYYY-MM-DD) stored with a ballot: nothing finer than the day. */
export function ballotDay(now: number): string {
  return new Date(now).toISOString().slice(0, 10);
}
