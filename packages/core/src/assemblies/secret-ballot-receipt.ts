import { ballotReceipt } from '../elections/receipt';
import type { VoteChoice } from './votes';

// Apart from votes.ts: the meeting screen needs the vote rules at once, the receipt (and its
// hashing) only when a secret vote is on screen.

/**
 * The receipt of a secret ballot on a motion: the ballot box's receipt rule (the box is the
 * motion, the ranking is the single choice), so the phone checks the box's answer the same way.
 */
export function motionBallotReceipt(
  motionId: string,
  message: string,
  choice: VoteChoice,
): Promise<string> {
  return ballotReceipt(motionId, message, [choice]);
}
