import { COARSE_RES, type Principal } from '@tocsin/core';
import { latLngToCell } from 'h3-js';
import { AppError, enqueueEvents, transact, type AppContext } from '../../platform';
import { canTakeShift } from './alerts.policy';

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
    const values = {
      on_shift: input.onShift,
      // Going off shift forgets where the responder was.
      coarse_cell: input.onShift ? cell : null,
      updated_at: now,
    };
    await tx
      .insertInto('responder_shifts')
      .values({ member_id: principal.memberId, ...values })
      .onConflict((oc) => oc.column('member_id').doUpdateSet(values))
      .execute();
    await enqueueEvents(
      ctx,
      tx,
      [{ name: 'member.updated', payload: { memberId: principal.memberId, change: 'shift' } }],
      now,
    );
  });
  return { onShift: input.onShift };
}
