import { sql } from 'kysely';
import type { DoorOutcome } from '@tocsin/core';
import type { Executor, Tx } from '../../platform';

// The only file of canvassing with SQL. Doors are counts per (turf, cell, outcome).

const turfColumns = [
  'id',
  'area_id',
  'name',
  sql<string>`day::text`.as('day'),
  'created_by',
  'created_at',
] as const;

export type TurfRow = NonNullable<Awaited<ReturnType<typeof findTurf>>>;

export async function findTurf(db: Executor, id: string) {
  return db.selectFrom('turfs').select(turfColumns).where('id', '=', id).executeTakeFirst();
}

export async function turfsIn(db: Executor, areaIds: string[]) {
  if (areaIds.length === 0) return [];
  return db
    .selectFrom('turfs')
    .select(turfColumns)
    .where('area_id', 'in', areaIds)
    .orderBy('day', 'desc')
    .orderBy('name')
    .limit(500)
    .execute();
}

export async function insertTurf(
  tx: Tx,
  row: {
    id: string;
    areaId: string;
    name: string;
    day: string;
    createdBy: string;
    now: Date;
    cells: string[];
    assignees: string[];
  },
): Promise<void> {
  await tx
    .insertInto('turfs')
    .values({
      id: row.id,
      area_id: row.areaId,
      name: row.name,
      day: row.day,
      created_by: row.createdBy,
      created_at: row.now,
    })
    .execute();
  for (let i = 0; i < row.cells.length; i += 500) {
    await tx
      .insertInto('turf_cells')
      .values(row.cells.slice(i, i + 500).map((cell) => ({ turf_id: row.id, cell })))
      .execute();
  }
  await tx
    .insertInto('turf_assignees')
    .values(row.assignees.map((member_id) => ({ turf_id: row.id, member_id })))
    .execute();
}

export async function cellsOf(db: Executor, turfId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('turf_cells')
    .select('cell')
    .where('turf_id', '=', turfId)
    .orderBy('cell')
    .execute();
  return rows.map((r) => r.cell);
}

export async function cellCounts(db: Executor, turfIds: string[]) {
  if (turfIds.length === 0) return [];
  return db
    .selectFrom('turf_cells')
    .select(['turf_id', sql<number>`count(*)::int`.as('n')])
    .where('turf_id', 'in', turfIds)
    .groupBy('turf_id')
    .execute();
}

export async function isTurfCellOf(db: Executor, turfId: string, cell: string): Promise<boolean> {
  const row = await db
    .selectFrom('turf_cells')
    .select('cell')
    .where('turf_id', '=', turfId)
    .where('cell', '=', cell)
    .executeTakeFirst();
  return row !== undefined;
}

export async function assigneesOf(db: Executor, turfIds: string[]) {
  if (turfIds.length === 0) return [];
  return db
    .selectFrom('turf_assignees as a')
    .innerJoin('members as m', 'm.id', 'a.member_id')
    .select(['a.turf_id', 'm.id', 'm.handle'])
    .where('a.turf_id', 'in', turfIds)
    .orderBy('m.handle')
    .execute();
}

export async function countsOf(db: Executor, turfIds: string[]) {
  if (turfIds.length === 0) return [];
  return db
    .selectFrom('canvass_counts')
    .select(['turf_id', 'cell', 'outcome', 'doors'])
    .where('turf_id', 'in', turfIds)
    .execute();
}

export async function addDoor(
  tx: Tx,
  turfId: string,
  cell: string,
  outcome: DoorOutcome,
): Promise<void> {
  await tx
    .insertInto('canvass_counts')
    .values({ turf_id: turfId, cell, outcome, doors: 1 })
    .onConflict((oc) =>
      oc
        .columns(['turf_id', 'cell', 'outcome'])
        .doUpdateSet({ doors: sql`canvass_counts.doors + 1` }),
    )
    .execute();
}

export async function insertNote(
  tx: Tx,
  row: { id: string; turfId: string; cell: string; note: string; day: string },
): Promise<void> {
  await tx
    .insertInto('canvass_notes')
    .values({
      id: row.id,
      turf_id: row.turfId,
      cell: row.cell,
      note: row.note,
      written_on: row.day,
    })
    .execute();
}

export async function notesOf(db: Executor, turfId: string) {
  return db
    .selectFrom('canvass_notes')
    .select(['id', 'cell', 'note', sql<string>`written_on::text`.as('day')])
    .where('turf_id', '=', turfId)
    .orderBy('written_on', 'desc')
    .orderBy('id')
    .execute();
}

/** Whether the member is in a canvassing working group of one of the areas. */
export async function inCanvassingGroup(
  db: Executor,
  memberId: string,
  areaIds: string[],
): Promise<boolean> {
  if (areaIds.length === 0) return false;
  const row = await db
    .selectFrom('working_group_members as gm')
    .innerJoin('working_groups as g', 'g.id', 'gm.group_id')
    .select('gm.member_id')
    .where('gm.member_id', '=', memberId)
    .where('g.slug', '=', 'canvassing')
    .where('g.area_id', 'in', areaIds)
    .executeTakeFirst();
  return row !== undefined;
}

/** Of the given members, those who may canvass in the areas: active, in the group or organizers. */
export async function canvassersAmong(
  db: Executor,
  memberIds: string[],
  areaIds: string[],
): Promise<string[]> {
  if (memberIds.length === 0 || areaIds.length === 0) return [];
  const rows = await db
    .selectFrom('members as m')
    .select('m.id')
    .where('m.id', 'in', memberIds)
    .where('m.status', '=', 'active')
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('working_group_members as gm')
            .innerJoin('working_groups as g', 'g.id', 'gm.group_id')
            .select('gm.member_id')
            .whereRef('gm.member_id', '=', 'm.id')
            .where('g.slug', '=', 'canvassing')
            .where('g.area_id', 'in', areaIds),
        ),
        eb.exists(
          eb
            .selectFrom('area_roles as r')
            .select('r.member_id')
            .whereRef('r.member_id', '=', 'm.id')
            .where('r.role', 'in', ['organizer', 'admin'])
            .where('r.area_id', 'in', areaIds),
        ),
      ]),
    )
    .execute();
  return rows.map((r) => r.id);
}

export async function isAssignee(db: Executor, turfId: string, memberId: string): Promise<boolean> {
  const row = await db
    .selectFrom('turf_assignees')
    .select('member_id')
    .where('turf_id', '=', turfId)
    .where('member_id', '=', memberId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function turfIdsOfAssignee(db: Executor, memberId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('turf_assignees')
    .select('turf_id')
    .where('member_id', '=', memberId)
    .execute();
  return rows.map((r) => r.turf_id);
}

// Door receipts.

export async function findDoorReceipt(db: Executor, id: string) {
  return db.selectFrom('canvass_receipts').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function claimDoorReceipt(
  tx: Tx,
  row: { id: string; turfId: string; memberId: string; now: Date },
): Promise<boolean> {
  const result = await tx
    .insertInto('canvass_receipts')
    .values({ id: row.id, turf_id: row.turfId, member_id: row.memberId, received_at: row.now })
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export async function setReceiptAid(tx: Tx, id: string, aidRequestId: string): Promise<void> {
  await tx
    .updateTable('canvass_receipts')
    .set({ aid_request_id: aidRequestId })
    .where('id', '=', id)
    .execute();
}

export async function setReceiptInvite(
  db: Executor,
  id: string,
  invite: { code: string; url: string; expiresAt: Date },
): Promise<void> {
  await db
    .updateTable('canvass_receipts')
    .set({ invite_code: invite.code, invite_url: invite.url, invite_expires_at: invite.expiresAt })
    .where('id', '=', id)
    .where('invite_code', 'is', null)
    .execute();
}

// Retention.

export async function deleteNotesBefore(tx: Tx, day: string): Promise<number> {
  const result = await tx
    .deleteFrom('canvass_notes')
    .where('written_on', '<=', day)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** A receipt's invite code and aid request are only for a retry within a day. */
export async function clearReceiptLinks(tx: Tx, before: Date): Promise<number> {
  const result = await tx
    .updateTable('canvass_receipts')
    .set({ invite_code: null, invite_url: null, invite_expires_at: null, aid_request_id: null })
    .where('received_at', '<', before)
    .where((eb) => eb.or([eb('invite_code', 'is not', null), eb('aid_request_id', 'is not', null)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function deleteReceiptsBefore(tx: Tx, before: Date): Promise<number> {
  const result = await tx
    .deleteFrom('canvass_receipts')
    .where('received_at', '<', before)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
