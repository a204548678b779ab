import { ballotReceipt } from '@tocsin/core/elections/receipt';
import {
  castToBox,
  obtainToken,
  readReceipt,
  readToken,
  type BoxStorage,
  type CastRecord,
  type HeldToken,
} from '../../lib/ballot-box';
import { electionsApi } from '../../lib/api/organizing/elections';

// An election's ballot box on the voter's phone (ADR 0011, 0013): lib/ballot-box with the
// election's routes and storage keys.

export { CAST_DELAY_MS, castDelay } from '../../lib/ballot-box';
export type { CastRecord, HeldToken } from '../../lib/ballot-box';

const storage = (electionId: string): BoxStorage => ({
  token: `tocsin.ballot-token.${electionId}`,
  receipt: `tocsin.ballot-receipt.${electionId}`,
});

/** A token got but not yet cast (kept so a reload or a failed send can still cast it). */
export const heldToken = (electionId: string) => readToken(storage(electionId));
/** The receipt of my ballot in this election, once cast. */
export const myReceipt = (electionId: string) => readReceipt(storage(electionId));

/** Blinds a fresh token, has it signed (once per member), unblinds and keeps it. */
export function getToken(
  electionId: string,
  publicKeySpki: string,
  requestId: string,
): Promise<HeldToken> {
  return obtainToken(storage(electionId), publicKeySpki, (blindedMessage) =>
    electionsApi.ballotToken(electionId, { requestId, blindedMessage }),
  );
}

/** Casts the ballot with the token only, after `delayMs`; the receipt is checked here too. */
export async function castBallot(
  electionId: string,
  token: HeldToken,
  ranking: string[],
  delayMs: number,
): Promise<CastRecord> {
  return castToBox(
    `/api/v1/elections/${encodeURIComponent(electionId)}/ballots`,
    storage(electionId),
    token,
    { ranking },
    await ballotReceipt(electionId, token.message, ranking),
    delayMs,
  );
}
