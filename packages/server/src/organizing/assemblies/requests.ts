import { ConflictError, transact, type AppContext, type Tx } from '../../platform';
import { claimRequest, findRequest, storeAnswer } from './assemblies.repository';

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
