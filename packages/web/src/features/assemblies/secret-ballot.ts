import { motionBallotReceipt } from '@tocsin/core/assemblies/secret-ballot-receipt';
import type { VoteChoice } from '@tocsin/core/assemblies/votes';
import {
  castToBox,
  obtainToken,
  readReceipt,
  readToken,
  type BoxStorage,
  type CastRecord,
} from '../../lib/ballot-box';
import { assembliesApi } from '../../lib/api/organizing/assemblies';

// A secret vote on a motion from the member's phone (ADR 0025): the ballot box of elections
// (lib/ballot-box) with the motion's routes. The token is asked for with the session; the ballot
// goes after a random delay on a request with no credentials.

export { castDelay } from '../../lib/ballot-box';
export type { CastRecord } from '../../lib/ballot-box';

const storage = (motionId: string): BoxStorage => ({
  token: `tocsin.motion-token.${motionId}`,
  receipt: `tocsin.motion-receipt.${motionId}`,
});

/** A token got but not yet cast. */
export const heldMotionToken = (motionId: string) => readToken(storage(motionId));
/** The receipt of my secret ballot on this motion, once cast. */
export const myMotionReceipt = (motionId: string) => readReceipt(storage(motionId));

/** Gets a token (once) and casts the choice with it after `delayMs`. */
export async function castSecretBallot(
  motionId: string,
  choice: VoteChoice,
  requestId: string,
  delayMs: number,
): Promise<CastRecord> {
  let token = heldMotionToken(motionId);
  if (!token) {
    const { publicKey } = await assembliesApi.motionReceipts(motionId);
    if (!publicKey) throw new Error('the vote has closed');
    token = await obtainToken(storage(motionId), publicKey, (blindedMessage) =>
      assembliesApi.motionToken(motionId, { requestId, blindedMessage }),
    );
  }
  return castToBox(
    `/api/v1/motions/${encodeURIComponent(motionId)}/secret-ballots`,
    storage(motionId),
    token,
    { choice },
    await motionBallotReceipt(motionId, token.message, choice),
    delayMs,
  );
}
