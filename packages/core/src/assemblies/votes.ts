/** A voter's choice. */
export const VOTE_CHOICES = ['yes', 'no', 'abstain'] as const;
export type VoteChoice = (typeof VOTE_CHOICES)[number];

/**
 * How a vote is taken: `open` keeps who chose what only while the vote is open (so a voter can
 * change their mind), then drops it, leaving only that they voted; `roll_call` records names and
 * choices in the minutes; `secret` goes through the ballot box of elections (ADR 0013, 0025): the
 * roll records only that a voter got a blind-signed token, the box holds choices no one can tie
 * to a voter, and the running tally stays hidden until the vote closes.
 */
export const VOTE_METHODS = ['open', 'roll_call', 'secret'] as const;
export type VoteMethod = (typeof VOTE_METHODS)[number];

/**
 * Whether the room sees the running tally while the vote is open. A secret vote shows only how
 * many ballots are in: a tally moving as someone taps their phone would tell who chose what.
 */
export function runningTallyShown(method: VoteMethod): boolean {
  return method !== 'secret';
}

/** What a motion needs to carry. */
export const MAJORITIES = ['simple', 'two_thirds', 'consensus_minus_one'] as const;
export type Majority = (typeof MAJORITIES)[number];

export interface Tally {
  readonly yes: number;
  readonly no: number;
  readonly abstain: number;
}

/** Counts the choices; each element is one voter's final choice. */
export function tally(choices: Iterable<VoteChoice>): Tally {
  let yes = 0;
  let no = 0;
  let abstain = 0;
  for (const choice of choices) {
    if (choice === 'yes') yes += 1;
    else if (choice === 'no') no += 1;
    else abstain += 1;
  }
  return { yes, no, abstain };
}

/**
 * Whether the tally carries under the majority. Abstentions count for neither side.
 * - `simple`: more yes than no.
 * - `two_thirds`: yes at least two thirds of those voting yes or no (and at least one yes).
 * - `consensus_minus_one`: at least one yes and at most one no (two or more no votes block).
 */
export function carries(result: Tally, majority: Majority): boolean {
  const { yes, no } = result;
  switch (majority) {
    case 'simple':
      return yes > no;
    case 'two_thirds':
      return yes > 0 && 3 * yes >= 2 * (yes + no);
    case 'consensus_minus_one':
      return yes > 0 && no <= 1;
  }
}
