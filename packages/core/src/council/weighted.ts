import type { Tally, VoteChoice } from '../assemblies/votes';
import { ballotWeight } from './seats';

/** Counts a council vote where each ballot carries its weight (seats held, or 1). */
export function weightedTally(
  ballots: Iterable<{ readonly choice: VoteChoice; readonly weight: number }>,
): Tally {
  let yes = 0;
  let no = 0;
  let abstain = 0;
  for (const { choice, weight } of ballots) {
    if (!Number.isInteger(weight) || weight < 0)
      throw new RangeError('weight must be a whole number');
    if (choice === 'yes') yes += weight;
    else if (choice === 'no') no += weight;
    else abstain += weight;
  }
  return { yes, no, abstain };
}

/**
 * Ballots of a council vote: a choice, the seats its voter holds now, and how many such ballots
 * (1 when omitted). The closing count passes one per delegate; the running tally passes the
 * ballots grouped by choice and seats, as the database counts them.
 */
export interface CouncilBallots {
  readonly choice: VoteChoice;
  readonly seats: number;
  readonly count?: number;
}

/**
 * The council's one counting rule, for the running tally during a vote and for the result when
 * it closes alike: each ballot weighs `ballotWeight(seats, weighted)` (nothing without a seat;
 * one per seat when the council weighs votes by seats, else one).
 */
export function councilTally(ballots: Iterable<CouncilBallots>, weighted: boolean): Tally {
  const weighed: { choice: VoteChoice; weight: number }[] = [];
  for (const { choice, seats, count = 1 } of ballots) {
    if (!Number.isInteger(count) || count < 0) throw new RangeError('count must be a whole number');
    weighed.push({ choice, weight: count * ballotWeight(seats, weighted) });
  }
  return weightedTally(weighed);
}
