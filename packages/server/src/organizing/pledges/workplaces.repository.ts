import { sql } from 'kysely';
import type { Executor } from '../../platform';

// Every query of workplace profiles, departments and shifts, and declared/confirmed members.

export interface ProfileRow {
  area_id: string;
  employer: string | null;
  sector: string | null;
  place: string | null;
  cell: string | null;
  headcount_estimate: number | null;
  headcount_as_of: string | null;
  union_status: string | null;
}

export function findProfile(db: Executor, workplaceId: string) {
  return db
    .selectFrom('workplaces')
    .selectAll()
    .where('area_id', '=', workplaceId)
    .executeTakeFirst();
}

export function profilesOf(db: Executor, workplaceIds: readonly string[]) {
  if (workplaceIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('workplaces').selectAll().where('area_id', 'in', workplaceIds).execute();
}

/** Sets the given fields of a profile (creating it); fields left undefined stay as they are. */
export async function upsertProfile(
  db: Executor,
  workplaceId: string,
  change: Partial<Omit<ProfileRow, 'area_id'>>,
  now: Date,
): Promise<void> {
  const set = Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined));
  await db
    .insertInto('workplaces')
    .values({
      area_id: workplaceId,
      employer: null,
      sector: null,
      place: null,
      cell: null,
      headcount_estimate: null,
      headcount_as_of: null,
      union_status: null,
      ...set,
      updated_at: now,
    })
    .onConflict((oc) => oc.column('area_id').doUpdateSet({ ...set, updated_at: now }))
    .execute();
}

export function unitsOf(db: Executor, workplaceId: string) {
  return db
    .selectFrom('workplace_units')
    .select(['id', 'kind', 'name', 'headcount'])
    .where('workplace_id', '=', workplaceId)
    .orderBy('kind')
    .orderBy('name')
    .execute();
}

/** Adds a unit unless one of that kind and name exists; returns the unit either way. */
export async function addUnit(
  db: Executor,
  unit: {
    id: string;
    workplace_id: string;
    kind: 'department' | 'shift';
    name: string;
    headcount: number | null;
    created_at: Date;
  },
) {
  await db
    .insertInto('workplace_units')
    .values(unit)
    .onConflict((oc) => oc.columns(['workplace_id', 'kind', 'name']).doNothing())
    .execute();
  return db
    .selectFrom('workplace_units')
    .select(['id', 'kind', 'name', 'headcount'])
    .where('workplace_id', '=', unit.workplace_id)
    .where('kind', '=', unit.kind)
    .where('name', '=', unit.name)
    .executeTakeFirstOrThrow();
}

export async function confirmedCount(db: Executor, workplaceId: string): Promise<number> {
  const row = await db
    .selectFrom('workplace_members')
    .select(sql<string>`count(*)`.as('n'))
    .where('workplace_id', '=', workplaceId)
    .where('confirmed_at', 'is not', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Confirmed members per unit (null: no unit), counts only. */
export function confirmedByUnit(db: Executor, workplaceId: string) {
  return db
    .selectFrom('workplace_members')
    .select(['unit_id', sql<string>`count(*)`.as('n')])
    .where('workplace_id', '=', workplaceId)
    .where('confirmed_at', 'is not', null)
    .groupBy('unit_id')
    .execute();
}

export function declarationOf(db: Executor, memberId: string) {
  return db
    .selectFrom('workplace_members as w')
    .innerJoin('areas as a', 'a.id', 'w.workplace_id')
    .select(['w.workplace_id', 'w.unit_id', 'w.confirmed_at', 'a.name'])
    .where('w.member_id', '=', memberId)
    .executeTakeFirst();
}

/** Declares a workplace; a change of workplace starts unconfirmed, the same one stays as it is. */
export async function declare(
  db: Executor,
  memberId: string,
  workplaceId: string,
  now: Date,
): Promise<void> {
  await db
    .insertInto('workplace_members')
    .values({
      member_id: memberId,
      workplace_id: workplaceId,
      declared_at: now,
      confirmed_at: null,
    })
    .onConflict((oc) =>
      oc
        .column('member_id')
        .doUpdateSet({
          workplace_id: workplaceId,
          unit_id: null,
          declared_at: now,
          confirmed_at: null,
        })
        .where('workplace_members.workplace_id', '!=', workplaceId),
    )
    .execute();
}

export function pendingOf(db: Executor, workplaceId: string) {
  return db
    .selectFrom('workplace_members as w')
    .innerJoin('members as m', 'm.id', 'w.member_id')
    .select([
      'w.member_id',
      sql<string>`coalesce(m.display_name, m.handle)`.as('name'),
      'w.declared_at',
    ])
    .where('w.workplace_id', '=', workplaceId)
    .where('w.confirmed_at', 'is', null)
    .where('m.status', '!=', 'suspended')
    .orderBy('w.declared_at')
    .limit(500)
    .execute();
}

/** Confirms a declaration of this workplace; false when the member declared none (or another). */
export async function confirm(
  db: Executor,
  workplaceId: string,
  memberId: string,
  unitId: string | null,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('workplace_members')
    .set({ confirmed_at: sql`coalesce(confirmed_at, ${now})`, unit_id: unitId })
    .where('member_id', '=', memberId)
    .where('workplace_id', '=', workplaceId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The member's confirmed workplace, if any. */
export async function confirmedWorkplaceOf(db: Executor, memberId: string): Promise<string | null> {
  const row = await db
    .selectFrom('workplace_members')
    .select('workplace_id')
    .where('member_id', '=', memberId)
    .where('confirmed_at', 'is not', null)
    .executeTakeFirst();
  return row?.workplace_id ?? null;
}

/** The body of an area, or the council (every area has one from its creation, ADR 0018). */
export async function bodyIdOf(
  db: Executor,
  of: { areaId: string } | { council: true },
): Promise<string | null> {
  const query = db.selectFrom('bodies').select('id');
  const row = await (
    'areaId' in of ? query.where('area_id', '=', of.areaId) : query.where('kind', '=', 'council')
  ).executeTakeFirst();
  return row?.id ?? null;
}
