import { sql, type Selectable } from 'kysely';
import type { Role } from '@tocsin/core';
import type { AreaKind, AreasTable, Executor, Tx } from '../../platform';

// Any fixed number: one advisory lock serializes every change to the set of areas and slugs.
const AREAS_LOCK = 7_242_001;

/** Serializes area writers (pack loads, new workplaces) until the transaction ends. */
export async function lockAreas(tx: Tx): Promise<void> {
  await sql`select pg_advisory_xact_lock(${sql.lit(AREAS_LOCK)})`.execute(tx);
}

/** An area as the server works with it (the area directory, the services). */
export interface AreaRecord {
  id: string;
  slug: string;
  name: string;
  kind: AreaKind;
  parentId: string | null;
  sector: string | null;
  headcount: number | null;
}

/** An areas row (any select holding these columns) as an AreaRecord. */
export function toAreaRecord(
  row: Pick<
    Selectable<AreasTable>,
    'id' | 'slug' | 'name' | 'kind' | 'parent_id' | 'sector' | 'headcount'
  >,
): AreaRecord {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    kind: row.kind,
    parentId: row.parent_id,
    sector: row.sector,
    headcount: row.headcount,
  };
}

export function findAreaRow(db: Executor, id: string) {
  return db
    .selectFrom('areas')
    .select(['id', 'slug', 'name', 'kind', 'parent_id', 'sector', 'headcount', 'archived_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Slugs equal to `base` or starting with `base-`, archived areas included. */
export async function slugsLike(db: Executor, base: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('areas')
    .select('slug')
    .where((eb) => eb.or([eb('slug', '=', base), eb('slug', 'like', `${base}-%`)]))
    .execute();
  return new Set(rows.map((row) => row.slug));
}

export interface NewWorkplace {
  id: string;
  slug: string;
  name: string;
  parentId: string;
  sector: string | null;
  headcount: number | null;
  now: Date;
}

export async function insertWorkplace(db: Executor, w: NewWorkplace): Promise<void> {
  await db
    .insertInto('areas')
    .values({
      id: w.id,
      slug: w.slug,
      name: w.name,
      kind: 'workplace',
      parent_id: w.parentId,
      sector: w.sector,
      headcount: w.headcount,
      geometry: null,
      created_at: w.now,
    })
    .execute();
}

/** Grants a role unless the member holds it already; true when it was new. */
export async function grantRole(
  db: Executor,
  memberId: string,
  areaId: string,
  role: Role,
  grantedBy: string | null,
  now: Date,
): Promise<boolean> {
  const result = await db
    .insertInto('area_roles')
    .values({ member_id: memberId, area_id: areaId, role, granted_by: grantedBy, granted_at: now })
    .onConflict((oc) => oc.columns(['member_id', 'area_id', 'role']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/** Removes every role a member holds in exactly this area; returns the roles removed. */
export async function removeRolesIn(db: Executor, memberId: string, areaId: string) {
  const rows = await db
    .deleteFrom('area_roles')
    .where('member_id', '=', memberId)
    .where('area_id', '=', areaId)
    .returning('role')
    .execute();
  return rows.map((row) => row.role);
}

export async function countAdmins(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('area_roles')
    .innerJoin('members', 'members.id', 'area_roles.member_id')
    .select((eb) => eb.fn.count<string>('area_roles.member_id').distinct().as('n'))
    .where('area_roles.role', '=', 'admin')
    .where('members.status', '!=', 'suspended')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Outlines of the city's current neighborhoods (GeoJSON geometry as loaded from the pack). */
export function neighborhoodOutlines(db: Executor) {
  return db
    .selectFrom('areas')
    .select(['id', 'name', 'geometry'])
    .where('kind', '=', 'neighborhood')
    .where('archived_at', 'is', null)
    .where('geometry', 'is not', null)
    .orderBy('name')
    .execute();
}

/** Every area not archived, as the area directory keeps it. */
export function currentAreas(db: Executor) {
  return db
    .selectFrom('areas')
    .select(['id', 'slug', 'name', 'kind', 'parent_id', 'sector', 'headcount'])
    .where('archived_at', 'is', null)
    .execute();
}

/** The loaded city pack's settings as stored; none before a pack is loaded. */
export function citySettingsRow(db: Executor) {
  return db.selectFrom('city').select('settings').executeTakeFirst();
}

/** Every area's covering cells. */
export function areaCellRows(db: Executor) {
  return db.selectFrom('area_cells').select(['cell', 'area_id']).execute();
}

/**
 * Drops a member from every group of these areas (after they leave the areas). It writes the
 * groups' table from here so that leaving an area needs nothing from the groups module above it.
 */
export async function leaveGroupsOfAreas(
  db: Executor,
  memberId: string,
  areaIds: readonly string[],
): Promise<void> {
  if (areaIds.length === 0) return;
  await db
    .deleteFrom('working_group_members')
    .where('member_id', '=', memberId)
    .where('group_id', 'in', (eb) =>
      eb
        .selectFrom('working_groups')
        .select('id')
        .where('area_id', 'in', [...areaIds]),
    )
    .execute();
}
