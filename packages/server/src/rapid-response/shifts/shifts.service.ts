import { COARSE_RES, type Principal } from '@tocsin/core';
import { latLngToCell } from 'h3-js';
import { AppError, enqueueEvents, transact, type AppContext } from '../../platform';
import { canTakeShift } from './shifts.policy';
import { saveShift } from './shifts.repository';

/** A responder goes on or off shift; where they are is kept only as a coarse cell. */
export async function setShift(
  ctx: AppContext,
  principal: Principal,
  input: { onShift: boolean; location?: { lat: number; lng: number } | undefined },
): Promise<{ onShift: boolean }> {
  const decision = canTakeShift(principal, input.onShift);
  if (!decision.ok) throw new AppError(403, decision.code, decision.message);
  const cell = input.location
    ? latLngToCell(input.location.lat, input.location.lng, COARSE_RES)
    : null;
  await transact(ctx, async (tx) => {
    const now = ctx.clock.now();
    await saveShift(
      tx,
      principal.memberId,
      // Going off shift forgets where the responder was.
      { onShift: input.onShift, coarseCell: input.onShift ? cell : null },
      now,
    );
    await enqueueEvents(
      ctx,
      tx,
      [{ name: 'member.updated', payload: { memberId: principal.memberId, change: 'shift' } }],
      now,
    );
  });
  return { onShift: input.onShift };
}
