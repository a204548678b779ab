import { randomUUID } from 'node:crypto';
import type { Executor, Tx } from '../../platform';
import { DEFAULT_GROUPS } from './default-groups';

export interface GroupRow {
  id: string;
  area_id: string;
  slug: string;
  name: string;
  is_default: boolean;
}

/** Adds the default groups an area lacks; returns how many were added. */
export async function ensureDefaultGroups(
  tx: Tx,
  areaIds: readonly string[],
  now: Date,
): Promise<number> {
  const rows = areaIds.flatMap((areaId) =>
    DEFAULT_GROUPS.map(({ slug, name }) => ({
      id: randomUUID(),
      area_id: areaId,
      slug,
      name,
      is_default: true,
      created_by: null,
      created_at: now,
    })),
  );
  let added = 0;
  for (let i = 0; i < rows.length; i += 1_000) {
    const result = await tx
      .insertInto('working_groups')
      .values(rows.slice(i, i + 1_000))
      .onConflict((oc) => oc.columns(['area_id', 'slug']).doNothing())
      .executeTakeFirst();
    added += Number(result.numInsertedOrUpdatedRows ?? 0n);
  }
  return added;
}

export function findGroup(db: Executor, id: string): Promise<GroupRow | undefined> {
  return db
    .selectFrom('working_groups')
    .select(['id', 'area_id', 'slug', 'name', 'is_default'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Groups of an area (or one group) with unsuspended member counts and whether `memberId` joined. */
export function groupsWithCounts(
  db: Executor,
  where: { areaId: string } | { groupId: string },
  memberId: string,
) {
  const query = db
    .selectFrom('working_groups as g')
    .leftJoin('working_group_members as gm', 'gm.group_id', 'g.id')
    .leftJoin('members as m', (join) =>
      join.onRef('m.id', '=', 'gm.member_id').on('m.status', '!=', 'suspended'),
    )
    .select((eb) => [
      'g.id',
      'g.area_id',
      'g.slug',
      'g.name',
      'g.is_default',
      eb.fn.count<string>('m.id').as('member_count'),
      eb.fn.count<string>(eb.case().when('m.id', '=', memberId).then(1).end()).as('joined'),
    ])
    .groupBy(['g.id', 'g.area_id', 'g.slug', 'g.name', 'g.is_default'])
    .orderBy('g.is_default', 'desc')
    .orderBy('g.name');
  return 'areaId' in where
    ? query.where('g.area_id', '=', where.areaId).execute()
    : query.where('g.id', '=', where.groupId).execute();
}

/** Locks the area's row so two organizers cannot take the same group slug at once. */
export async function lockArea(tx: Tx, areaId: string): Promise<void> {
  await tx.selectFrom('areas').select('id').where('id', '=', areaId).forUpdate().execute();
}

export async function groupSlugsLike(db: Executor, areaId: string, base: string) {
  const rows = await db
    .selectFrom('working_groups')
    .select('slug')
    .where('area_id', '=', areaId)
    .where((eb) => eb.or([eb('slug', '=', base), eb('slug', 'like', `${base}-%`)]))
    .execute();
  return new Set(rows.map((row) => row.slug));
}

export async function insertGroup(
  db: Executor,
  group: { id: string; areaId: string; slug: string; name: string; createdBy: string; now: Date },
): Promise<void> {
  await db
    .insertInto('working_groups')
    .values({
      id: group.id,
      area_id: group.areaId,
      slug: group.slug,
      name: group.name,
      is_default: false,
      created_by: group.createdBy,
      created_at: group.now,
    })
    .execute();
}

export async function isGroupMember(db: Executor, groupId: string, memberId: string) {
  const row = await db
    .selectFrom('working_group_members')
    .select('group_id')
    .where('group_id', '=', groupId)
    .where('member_id', '=', memberId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function addGroupMember(
  db: Executor,
  groupId: string,
  memberId: string,
  now: Date,
): Promise<void> {
  await db
    .insertInto('working_group_members')
    .values({ group_id: groupId, member_id: memberId, joined_at: now })
    .onConflict((oc) => oc.columns(['group_id', 'member_id']).doNothing())
    .execute();
}

export async function removeGroupMember(
  db: Executor,
  groupId: string,
  memberId: string,
): Promise<void> {
  await db
    .deleteFrom('working_group_members')
    .where('group_id', '=', groupId)
    .where('member_id', '=', memberId)
    .execute();
}

/** A group's unsuspended members: only what a shared context shows (handle, display name). */
export function groupMembers(db: Executor, groupId: string) {
  return db
    .selectFrom('working_group_members as gm')
    .innerJoin('members as m', 'm.id', 'gm.member_id')
    .select(['m.id', 'm.handle', 'm.display_name'])
    .where('gm.group_id', '=', groupId)
    .where('m.status', '!=', 'suspended')
    .orderBy('m.handle')
    .execute();
}
