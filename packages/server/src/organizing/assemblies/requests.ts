import { ConflictError, transact, type AppContext, type Tx } from '../../platform';
import { claimRequest, findRequest, purgeRequests, storeAnswer } from './assemblies.repository';

/**
 * How long a write's request id and stored answer are kept: a phone retries within minutes, or
 * when it comes back online after a meeting (the same evening, the next day); 48 hours covers
 * both with room. The organizing retention sweep deletes older ones, whether or not the meeting
 * (or election, or council item) they belong to ever closed. ADR 0031.
 */
export const REQUEST_ID_KEEP_MS = 48 * 3_600_000;

/** Forgets request ids older than `REQUEST_ID_KEEP_MS`; returns how many (for the sweep). */
export function sweepRequests(ctx: AppContext): Promise<number> {
  return purgeRequests(ctx.db, new Date(ctx.clock.now().getTime() - REQUEST_ID_KEEP_MS));
}

/** A write's answer: its status and body, stored under the client's request id. */
export interface Answer<T> {
  status: number;
  body: T;
  /** Whether this call did the write (false: a repeat that got the first answer again). */
  fresh: boolean;
}

/**
 * Runs one write once per client request id, in one transaction: the first call does it and
 * stores its answer; a repeat (a phone retrying on bad Wi-Fi) changes nothing and gets the same
 * answer. A write that fails stores nothing, so its retry runs again. The same id for another
 * member or another operation is refused (409 request_id_reused).
 */
export async function once<T>(
  ctx: AppContext,
  memberId: string,
  requestId: string,
  operation: string,
  status: number,
  write: (tx: Tx) => Promise<T>,
): Promise<Answer<T>> {
  return transact(ctx, async (tx) => {
    const claimed = await claimRequest(tx, requestId, memberId, operation, ctx.clock.now());
    if (!claimed) {
      const prior = await findRequest(tx, requestId);
      if (!prior || prior.member_id !== memberId || prior.operation !== operation) {
        throw new ConflictError('request_id_reused', 'This requestId was used for another request');
      }
      return { status: prior.status, body: prior.response as T, fresh: false };
    }
    const body = await write(tx);
    await storeAnswer(tx, requestId, status, body);
    return { status, body, fresh: true };
  });
}
