import type { Executor, Role } from '../../platform';

export interface NewRoleGrant {
  id: string;
  memberId: string;
  areaId: string;
  role: Role;
  kind: 'grant' | 'revoke';
  requestedBy: string;
  requestedAt: Date;
  expiresAt: Date;
}

export async function insertRoleGrant(db: Executor, g: NewRoleGrant): Promise<void> {
  await db
    .insertInto('role_grants')
    .values({
      id: g.id,
      member_id: g.memberId,
      area_id: g.areaId,
      role: g.role,
      kind: g.kind,
      requested_by: g.requestedBy,
      requested_at: g.requestedAt,
      expires_at: g.expiresAt,
      status: 'pending',
      decided_by: null,
      decided_via: null,
      decided_at: null,
    })
    .execute();
}

/** A grant with the grantee's handle and sponsor and the requester's handle. */
function grantsWithNames(db: Executor) {
  return db
    .selectFrom('role_grants as g')
    .innerJoin('members as m', 'm.id', 'g.member_id')
    .leftJoin('members as r', 'r.id', 'g.requested_by')
    .select([
      'g.id',
      'g.member_id',
      'g.area_id',
      'g.role',
      'g.kind',
      'g.requested_by',
      'g.requested_at',
      'g.expires_at',
      'g.status',
      'm.handle as member_handle',
      'm.sponsor_id as member_sponsor_id',
      'r.handle as requester_handle',
    ]);
}

export type RoleGrantRow = NonNullable<Awaited<ReturnType<typeof findRoleGrant>>>;

export function findRoleGrant(db: Executor, id: string) {
  return grantsWithNames(db).where('g.id', '=', id).executeTakeFirst();
}

/** Locks a grant row so two countersigns cannot both apply it. */
export async function lockRoleGrant(db: Executor, id: string): Promise<string | null> {
  const row = await db
    .selectFrom('role_grants')
    .select('status')
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row?.status ?? null;
}

/** Pending, unexpired grants, in the given areas (every area when `areaIds` is null). */
export function pendingRoleGrants(db: Executor, areaIds: string[] | null, now: Date) {
  let query = grantsWithNames(db)
    .where('g.status', '=', 'pending')
    .where('g.expires_at', '>', now)
    .orderBy('g.requested_at')
    .orderBy('g.id');
  if (areaIds !== null) {
    if (areaIds.length === 0) return Promise.resolve([]);
    query = query.where('g.area_id', 'in', areaIds);
  }
  return query.execute();
}

/** Pending, unexpired grants for one member in one area. */
export function pendingGrantsFor(db: Executor, memberId: string, areaId: string, now: Date) {
  return grantsWithNames(db)
    .where('g.member_id', '=', memberId)
    .where('g.area_id', '=', areaId)
    .where('g.status', '=', 'pending')
    .where('g.expires_at', '>', now)
    .orderBy('g.requested_at')
    .orderBy('g.id')
    .execute();
}

export async function decideRoleGrant(
  db: Executor,
  id: string,
  decision: {
    status: 'countersigned' | 'refused' | 'withdrawn';
    by: string | null;
    via: 'member' | 'operator';
    at: Date;
  },
): Promise<void> {
  await db
    .updateTable('role_grants')
    .set({
      status: decision.status,
      decided_by: decision.by,
      decided_via: decision.via,
      decided_at: decision.at,
    })
    .where('id', '=', id)
    .execute();
}

export async function withdrawRoleGrants(db: Executor, ids: string[], at: Date): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('role_grants')
    .set({ status: 'withdrawn', decided_at: at, decided_via: 'member' })
    .where('id', 'in', ids)
    .where('status', '=', 'pending')
    .execute();
}

export async function removeRoles(
  db: Executor,
  memberId: string,
  areaId: string,
  roles: Role[],
): Promise<void> {
  if (roles.length === 0) return;
  await db
    .deleteFrom('area_roles')
    .where('member_id', '=', memberId)
    .where('area_id', '=', areaId)
    .where('role', 'in', roles)
    .execute();
}

/** Who could be a second person: active admins, and active organizers who are not admins. */
export async function countDeciders(
  db: Executor,
): Promise<{ admins: number; organizers: number; adminIds: string[] }> {
  const rows = await db
    .selectFrom('area_roles as r')
    .innerJoin('members as m', 'm.id', 'r.member_id')
    .select(['r.member_id', 'r.role'])
    .where('m.status', '=', 'active')
    .where('r.role', 'in', ['admin', 'organizer'])
    .execute();
  const admins = new Set(rows.filter((r) => r.role === 'admin').map((r) => r.member_id));
  const organizers = new Set(
    rows.filter((r) => r.role === 'organizer' && !admins.has(r.member_id)).map((r) => r.member_id),
  );
  return { admins: admins.size, organizers: organizers.size, adminIds: [...admins] };
}
