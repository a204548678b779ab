import { AID_CLOSED_KEEP_DAYS, AID_OPEN_DAYS } from '@tocsin/core';
import { enqueueEvents, transact, type AppContext } from '../../platform';
import {
  deleteReceipts,
  deleteWithdrawnOffers,
  expireOffers,
  lockStaleOpen,
  purgeClosed,
  setClosed,
} from './mutual-aid.repository';

const DAY_MS = 86_400_000;
const BATCH = 100;

/** What one mutual-aid sweep did, in counts only. */
export interface AidSweep {
  expired: number;
  purgedRequests: number;
  deletedMessages: number;
  offersEnded: number;
}

/**
 * Closes open requests nobody took within openDays (as expired), deletes what closed requests no
 * longer need after closedKeepDays (description, thread, takers, who asked and who helped), ends
 * offers past their last day and forgets write receipts after a day. Both periods are city-pack
 * settings; the clock is the context's, so tests move it.
 */
export async function sweepMutualAid(ctx: AppContext): Promise<AidSweep> {
  const settings = (await ctx.areas.get()).settings?.mutualAid;
  const openDays = settings?.openDays ?? AID_OPEN_DAYS;
  const keepDays = settings?.closedKeepDays ?? AID_CLOSED_KEEP_DAYS;
  const now = ctx.clock.now();
  let expired = 0;
  for (;;) {
    const count = await transact(ctx, async (tx) => {
      const rows = await lockStaleOpen(tx, new Date(now.getTime() - openDays * DAY_MS), BATCH);
      for (const row of rows) {
        await setClosed(tx, row.id, 'expired', now);
        await enqueueEvents(
          ctx,
          tx,
          [
            {
              name: 'aid_request.closed',
              payload: { requestId: row.id, areaId: row.area_id, outcome: 'expired' },
            },
          ],
          now,
        );
      }
      return rows.length;
    });
    expired += count;
    if (count < BATCH) break;
  }
  return transact(ctx, async (tx) => {
    const purged = await purgeClosed(tx, new Date(now.getTime() - keepDays * DAY_MS), now);
    const today = now.toISOString().slice(0, 10);
    const offersEnded = await expireOffers(tx, today, now);
    await deleteWithdrawnOffers(tx, new Date(now.getTime() - DAY_MS));
    await deleteReceipts(tx, new Date(now.getTime() - DAY_MS));
    return {
      expired,
      purgedRequests: purged.requests,
      deletedMessages: purged.messages,
      offersEnded,
    };
  });
}
