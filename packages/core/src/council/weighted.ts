import type { Tally, VoteChoice } from '../assemblies/votes';

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
