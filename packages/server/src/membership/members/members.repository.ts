import type { Executor, MemberStatus, Role } from '../../platform';

export interface NewMember {
  id: string;
  handle: string;
  status: MemberStatus;
  sponsorId: string | null;
  now: Date;
}

export async function insertMember(db: Executor, m: NewMember): Promise<void> {
  await db
    .insertInto('members')
    .values({
      id: m.id,
      handle: m.handle,
      display_name: null,
      status: m.status,
      sponsor_id: m.sponsorId,
      language: null,
      created_at: m.now,
      activated_at: m.status === 'active' ? m.now : null,
    })
    .execute();
}

export async function handleTaken(db: Executor, handle: string): Promise<boolean> {
  const row = await db
    .selectFrom('members')
    .select('id')
    .where('handle', '=', handle)
    .executeTakeFirst();
  return row !== undefined;
}

export function findMemberByHandle(db: Executor, handle: string) {
  return db.selectFrom('members').selectAll().where('handle', '=', handle).executeTakeFirst();
}

export function findMember(db: Executor, id: string) {
  return db.selectFrom('members').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findMemberForUpdate(db: Executor, id: string) {
  return db.selectFrom('members').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function setStatus(
  db: Executor,
  id: string,
  status: MemberStatus,
  now: Date,
): Promise<void> {
  await db
    .updateTable('members')
    .set({
      status,
      ...(status === 'active' ? { activated_at: now, suspended_at: null } : {}),
      ...(status === 'suspended' ? { suspended_at: now } : {}),
    })
    .where('id', '=', id)
    .execute();
}

export async function updateProfile(
  db: Executor,
  id: string,
  changes: { display_name?: string | null; language?: string | null },
): Promise<void> {
  if (Object.keys(changes).length === 0) return;
  await db.updateTable('members').set(changes).where('id', '=', id).execute();
}

export function rolesOfMember(db: Executor, memberId: string) {
  return db
    .selectFrom('area_roles')
    .select(['area_id', 'role'])
    .where('member_id', '=', memberId)
    .orderBy('area_id')
    .orderBy('role')
    .execute();
}

export async function grantRoles(
  db: Executor,
  memberId: string,
  areaId: string,
  roles: Role[],
  grantedBy: string | null,
  now: Date,
): Promise<void> {
  if (roles.length === 0) return;
  await db
    .insertInto('area_roles')
    .values(
      roles.map((role) => ({
        member_id: memberId,
        area_id: areaId,
        role,
        granted_by: grantedBy,
        granted_at: now,
      })),
    )
    .onConflict((oc) => oc.columns(['member_id', 'area_id', 'role']).doNothing())
    .execute();
}

export async function removeRolesInArea(
  db: Executor,
  memberId: string,
  areaId: string,
): Promise<void> {
  await db
    .deleteFrom('area_roles')
    .where('member_id', '=', memberId)
    .where('area_id', '=', areaId)
    .execute();
}

export async function insertVouch(
  db: Executor,
  memberId: string,
  voucherId: string,
  kind: 'vouch' | 'approval',
  now: Date,
): Promise<void> {
  await db
    .insertInto('vouches')
    .values({ member_id: memberId, voucher_id: voucherId, kind, created_at: now })
    .onConflict((oc) => oc.columns(['member_id', 'voucher_id']).doNothing())
    .execute();
}

/** Members holding any role in an area (organizers' view), with their roles there. */
export function membersOfArea(db: Executor, areaId: string) {
  return db
    .selectFrom('area_roles')
    .innerJoin('members', 'members.id', 'area_roles.member_id')
    .select([
      'members.id',
      'members.handle',
      'members.display_name',
      'members.status',
      'members.sponsor_id',
      'area_roles.role',
    ])
    .where('area_roles.area_id', '=', areaId)
    .orderBy('members.handle')
    .execute();
}
