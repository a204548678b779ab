import { NOTE_KEEP_DAYS } from '@tocsin/core';
import { transact, type AppContext } from '../../platform';
import {
  clearReceiptLinks,
  deleteNotesBefore,
  deleteReceiptsBefore,
} from './canvassing.repository';

const DAY_MS = 86_400_000;

export interface CanvassSweep {
  notes: number;
  receipts: number;
}

/**
 * Deletes door notes on the day they reach the city pack's noteDays (30 unless said), clears a
 * door receipt's invite code and aid request after a day, and forgets receipts after noteDays.
 */
export async function sweepCanvassing(ctx: AppContext): Promise<CanvassSweep> {
  const noteDays = (await ctx.areas.get()).settings?.canvassing?.noteDays ?? NOTE_KEEP_DAYS;
  const now = ctx.clock.now();
  const lastExpiredDay = new Date(now.getTime() - noteDays * DAY_MS).toISOString().slice(0, 10);
  return transact(ctx, async (tx) => {
    const notes = await deleteNotesBefore(tx, lastExpiredDay);
    await clearReceiptLinks(tx, new Date(now.getTime() - DAY_MS));
    const receipts = await deleteReceiptsBefore(tx, new Date(now.getTime() - noteDays * DAY_MS));
    return { notes, receipts };
  });
}
