import type { Executor } from '../../platform';

/** Whether a member is on shift now (no row: never went on shift). */
export async function isOnShift(db: Executor, memberId: string): Promise<boolean> {
  const row = await db
    .selectFrom('responder_shifts')
    .select('on_shift')
    .where('member_id', '=', memberId)
    .executeTakeFirst();
  return row?.on_shift ?? false;
}

/** Records a member going on or off shift, with the coarse cell they are in (or none). */
export async function saveShift(
  db: Executor,
  memberId: string,
  shift: { onShift: boolean; coarseCell: string | null },
  at: Date,
): Promise<void> {
  const values = { on_shift: shift.onShift, coarse_cell: shift.coarseCell, updated_at: at };
  await db
    .insertInto('responder_shifts')
    .values({ member_id: memberId, ...values })
    .onConflict((oc) => oc.column('member_id').doUpdateSet(values))
    .execute();
}
