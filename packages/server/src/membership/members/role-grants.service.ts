import { randomUUID } from 'node:crypto';
import {
  AREA_ROLES,
  grantExpiresAt,
  hasRoleIn,
  isAdmin,
  mayCountersign,
  mayLeaveAdmins,
  mayOperatorCountersign,
  mayProposeRoleChange,
  needsCountersign,
  type GrantRefusal,
  type GrantVerdict,
  type Principal,
  type Role,
  type RoleChange,
  type RoleGrantView,
} from '@tocsin/core';
import {
  AppError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  audit,
  enqueueEvents,
  transact,
  type AppContext,
  type Executor,
  type Tx,
} from '../../platform';
import { requireOrganizer, visibleArea } from '../areas';
import { findMember, grantRoles, rolesOfMember } from './members.repository';
import {
  countDeciders,
  decideRoleGrant,
  findRoleGrant,
  insertRoleGrant,
  lockRoleGrant,
  pendingGrantsFor,
  pendingRoleGrants,
  removeRoles,
  withdrawRoleGrants,
  type RoleGrantRow,
} from './role-grants.repository';

const REFUSALS: Record<GrantRefusal, string> = {
  not_active: 'Members on probation or suspended cannot decide roles',
  self: 'Nobody grants themselves a role or countersigns their own',
  sponsor: "The member's sponsor can neither ask for nor countersign their roles",
  granter: 'A second person must countersign: not the one who asked',
  not_authorized: 'Only an organizer of the area or an admin can do this',
  admin_only: 'Only an admin can give or take the admin role',
  expired: 'This grant waited more than 72 hours and lapsed',
  last_admin: 'The city must keep at least one admin',
};

/** The error code each refusal answers with. */
const CODES: Record<GrantRefusal, string> = {
  not_active: 'probation',
  self: 'self_grant',
  sponsor: 'sponsor_grant',
  granter: 'same_granter',
  not_authorized: 'organizer_only',
  admin_only: 'admin_only',
  expired: 'grant_expired',
  last_admin: 'last_admin',
};

function refuse(verdict: GrantVerdict): void {
  if (verdict.ok) return;
  const { reason } = verdict;
  if (reason === 'expired') throw new AppError(410, CODES.expired, REFUSALS.expired);
  if (reason === 'last_admin') throw new ConflictError(CODES.last_admin, REFUSALS.last_admin);
  throw new AppError(403, CODES[reason], REFUSALS[reason]);
}

function changeOf(row: RoleGrantRow): RoleChange & { areaId: string } {
  return {
    kind: row.kind,
    role: row.role,
    areaChain: [],
    areaId: row.area_id,
    granteeId: row.member_id,
    granteeSponsorId: row.member_sponsor_id,
    granterId: row.requested_by ?? '',
    requestedAt: row.requested_at.getTime(),
  };
}

function present(
  row: RoleGrantRow,
  mayCountersignIt: boolean,
  status: RoleGrantView['status'] = row.status,
): RoleGrantView {
  return {
    id: row.id,
    member: { id: row.member_id, handle: row.member_handle },
    areaId: row.area_id,
    role: row.role,
    kind: row.kind,
    requestedBy:
      row.requested_by && row.requester_handle
        ? { id: row.requested_by, handle: row.requester_handle }
        : null,
    requestedAt: row.requested_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    status,
    mayCountersign: mayCountersignIt,
  };
}

async function withChain(ctx: AppContext, row: RoleGrantRow): Promise<RoleChange> {
  const areas = await ctx.areas.get();
  return { ...changeOf(row), areaChain: areas.chain(row.area_id) };
}

/** Whether the caller may see a grant: an organizer of its area, or an admin. */
function maySee(principal: Principal, change: RoleChange): boolean {
  return isAdmin(principal) || hasRoleIn(principal, change.areaChain, 'organizer');
}

async function isActiveAdmin(db: Executor, memberId: string): Promise<boolean> {
  const member = await findMember(db, memberId);
  if (member?.status !== 'active') return false;
  return (await rolesOfMember(db, memberId)).some((r) => r.role === 'admin');
}

/** Applies a countersigned change; taking the admin role re-checks that one admin remains. */
async function applyChange(
  ctx: AppContext,
  tx: Tx,
  change: RoleChange & { areaId: string },
  decidedBy: string | null,
  via: 'member' | 'operator',
  grantId: string,
): Promise<void> {
  const now = ctx.clock.now();
  if (change.kind === 'grant') {
    const roles: Role[] = change.role === 'member' ? ['member'] : ['member', change.role];
    await grantRoles(tx, change.granteeId, change.areaId, roles, change.granterId || null, now);
  } else {
    const { admins } = await countDeciders(tx);
    refuse(mayLeaveAdmins(change, admins, await isActiveAdmin(tx, change.granteeId)));
    await removeRoles(tx, change.granteeId, change.areaId, [change.role]);
  }
  await decideRoleGrant(tx, grantId, { status: 'countersigned', by: decidedBy, via, at: now });
  await audit(tx, {
    at: now,
    actorId: decidedBy,
    action: 'roles.countersigned',
    areaId: change.areaId,
    targetId: change.granteeId,
    details: { grantId, role: change.role, kind: change.kind, via },
  });
  await enqueueEvents(
    ctx,
    tx,
    [
      {
        name: 'member.updated',
        payload: { memberId: change.granteeId, change: 'roles', areaId: change.areaId },
      },
    ],
    now,
  );
}

/**
 * Sets a member's roles in one area. Plain roles (member, responder) and removals take effect at
 * once; a grant of verifier, dispatcher, organizer or admin, and taking the admin role from
 * someone else, wait for a second organizer or admin to countersign within 72 hours. Nobody sets
 * their own roles upward, nobody asks for a countersigned role for someone they invited, only an
 * admin touches the admin role, and the last admin stays.
 */
export async function setAreaRoles(
  ctx: AppContext,
  principal: Principal,
  areaId: string,
  memberId: string,
  roles: Role[],
): Promise<{ roles: Role[]; pending: RoleGrantView[] }> {
  const { area, chain } = await visibleArea(ctx, principal, areaId);
  requireOrganizer(principal, chain, 'set roles');
  const wanted = [...new Set(roles)].filter(
    (r) => r === 'admin' || (AREA_ROLES as readonly string[]).includes(r),
  );
  if (wanted.includes('admin') && area.kind !== 'city') {
    throw new ForbiddenError('The admin role is given by an admin, on the city only');
  }
  // Any role in an area makes one a member of it.
  if (wanted.length > 0 && !wanted.includes('member')) wanted.push('member');
  const target = await findMember(ctx.db, memberId);
  if (!target) throw new NotFoundError('No such member');
  const held = (await rolesOfMember(ctx.db, memberId))
    .filter((r) => r.area_id === areaId)
    .map((r) => r.role);
  const added = wanted.filter((r) => !held.includes(r));
  const removed = held.filter((r) => !wanted.includes(r));
  if (memberId === principal.memberId && added.length > 0) refuse({ ok: false, reason: 'self' });
  const changes = [
    ...added.map((role) => ({ kind: 'grant' as const, role })),
    ...removed.map((role) => ({ kind: 'revoke' as const, role })),
  ].map((c) => ({
    ...c,
    areaChain: chain,
    granteeId: memberId,
    granteeSponsorId: target.sponsor_id,
  }));
  const waiting = changes.filter((c) => needsCountersign(c, principal.memberId));
  const atOnce = changes.filter((c) => !needsCountersign(c, principal.memberId));
  for (const change of waiting) refuse(mayProposeRoleChange(principal, change));
  for (const change of atOnce) {
    // Taking the admin role (an admin stepping down) is an admin's act too.
    if (change.role === 'admin') refuse(mayProposeRoleChange(principal, change));
  }
  const now = ctx.clock.now();
  await transact(ctx, async (tx) => {
    const pending = await pendingGrantsFor(tx, memberId, areaId, now);
    // Pending grants the new set no longer asks for are withdrawn.
    await withdrawRoleGrants(
      tx,
      pending.filter((g) => (g.kind === 'grant') !== wanted.includes(g.role)).map((g) => g.id),
      now,
    );
    const steppingDown = atOnce.some((c) => c.kind === 'revoke' && c.role === 'admin');
    if (steppingDown) {
      const { admins } = await countDeciders(tx);
      refuse(
        mayLeaveAdmins(
          { kind: 'revoke', role: 'admin' },
          admins,
          await isActiveAdmin(tx, memberId),
        ),
      );
    }
    await removeRoles(
      tx,
      memberId,
      areaId,
      atOnce.filter((c) => c.kind === 'revoke').map((c) => c.role),
    );
    await grantRoles(
      tx,
      memberId,
      areaId,
      atOnce.filter((c) => c.kind === 'grant').map((c) => c.role),
      principal.memberId,
      now,
    );
    const asked: string[] = [];
    for (const change of waiting) {
      const already = pending.find((g) => g.kind === change.kind && g.role === change.role);
      if (already) continue;
      const id = randomUUID();
      asked.push(id);
      await insertRoleGrant(tx, {
        id,
        memberId,
        areaId,
        role: change.role,
        kind: change.kind,
        requestedBy: principal.memberId,
        requestedAt: now,
        expiresAt: new Date(grantExpiresAt(now.getTime())),
      });
    }
    await audit(tx, {
      at: now,
      actorId: principal.memberId,
      action: 'roles.set',
      areaId,
      targetId: memberId,
      details: {
        roles: wanted,
        atOnce: atOnce.map((c) => `${c.kind}:${c.role}`),
        waiting: waiting.map((c) => `${c.kind}:${c.role}`),
        grantIds: asked,
      },
    });
    if (atOnce.length > 0) {
      await enqueueEvents(
        ctx,
        tx,
        [{ name: 'member.updated', payload: { memberId, change: 'roles', areaId } }],
        now,
      );
    }
  });
  const nowHeld = (await rolesOfMember(ctx.db, memberId))
    .filter((r) => r.area_id === areaId)
    .map((r) => r.role)
    .sort();
  const pending = await pendingGrantsFor(ctx.db, memberId, areaId, now);
  const views = [];
  for (const row of pending) {
    views.push(
      present(row, mayCountersign(principal, await withChain(ctx, row), now.getTime()).ok),
    );
  }
  return { roles: nowHeld, pending: views };
}

/** Organizers (anywhere) and admins, active: others are told no (403). */
function requireDecider(principal: Principal): void {
  const organizes = principal.roles.some((r) => r.role === 'organizer');
  if (!isAdmin(principal) && !organizes) {
    throw new AppError(403, 'organizer_only', 'Only organizers and admins decide roles');
  }
  if (principal.status !== 'active') {
    throw new AppError(403, 'probation', 'Members on probation cannot decide roles');
  }
}

/** Pending grants the caller may see: of the areas they organize, or every one for an admin. */
export async function listRoleGrants(
  ctx: AppContext,
  principal: Principal,
): Promise<RoleGrantView[]> {
  requireDecider(principal);
  const now = ctx.clock.now();
  const areas = await ctx.areas.get();
  const areaIds = isAdmin(principal)
    ? null
    : areas.all.map((a) => a.id).filter((id) => hasRoleIn(principal, areas.chain(id), 'organizer'));
  const rows = await pendingRoleGrants(ctx.db, areaIds, now);
  const out: RoleGrantView[] = [];
  for (const row of rows) {
    const change = await withChain(ctx, row);
    out.push(present(row, mayCountersign(principal, change, now.getTime()).ok));
  }
  return out;
}

/** Loads a grant the caller may see; 404 like an unknown id otherwise. */
async function visibleGrant(ctx: AppContext, principal: Principal, id: string) {
  requireDecider(principal);
  const row = await findRoleGrant(ctx.db, id);
  if (!row) throw new NotFoundError('No such role grant');
  const change = await withChain(ctx, row);
  if (!maySee(principal, change)) throw new NotFoundError('No such role grant');
  return { row, change };
}

function requirePending(status: string | null, expiresAt: Date, now: Date): void {
  if (status === null) throw new NotFoundError('No such role grant');
  if (status !== 'pending') throw new ConflictError('grant_decided', `This grant is ${status}`);
  if (now >= expiresAt) refuse({ ok: false, reason: 'expired' });
}

/** A second organizer or admin countersigns a pending grant: it takes effect now. */
export async function countersignRoleGrant(
  ctx: AppContext,
  principal: Principal,
  id: string,
): Promise<RoleGrantView> {
  const { row, change } = await visibleGrant(ctx, principal, id);
  const now = ctx.clock.now();
  requirePending(row.status, row.expires_at, now);
  refuse(mayCountersign(principal, change, now.getTime()));
  await transact(ctx, async (tx) => {
    requirePending(await lockRoleGrant(tx, id), row.expires_at, now);
    await applyChange(
      ctx,
      tx,
      { ...change, areaId: row.area_id },
      principal.memberId,
      'member',
      id,
    );
  });
  return present(row, false, 'countersigned');
}

/**
 * Refuses a pending grant: anyone who could countersign it, or the one who asked (then it is
 * withdrawn).
 */
export async function refuseRoleGrant(
  ctx: AppContext,
  principal: Principal,
  id: string,
): Promise<RoleGrantView> {
  const { row, change } = await visibleGrant(ctx, principal, id);
  const now = ctx.clock.now();
  requirePending(row.status, row.expires_at, now);
  const asker = principal.memberId === row.requested_by;
  if (!asker) refuse(mayCountersign(principal, change, now.getTime()));
  const status = asker ? 'withdrawn' : 'refused';
  await transact(ctx, async (tx) => {
    requirePending(await lockRoleGrant(tx, id), row.expires_at, now);
    await decideRoleGrant(tx, id, { status, by: principal.memberId, via: 'member', at: now });
    await audit(tx, {
      at: now,
      actorId: principal.memberId,
      action: `roles.${status}`,
      areaId: row.area_id,
      targetId: row.member_id,
      details: { grantId: id, role: row.role, kind: row.kind },
    });
  });
  return present(row, false, status);
}

/** Pending grants, for the operator's console. */
export async function pendingForOperator(ctx: AppContext): Promise<RoleGrantView[]> {
  const rows = await pendingRoleGrants(ctx.db, null, ctx.clock.now());
  return rows.map((row) => present(row, false));
}

/**
 * The operator, at the server's console, countersigns: allowed only while the city has a single
 * active admin and no active organizer, so that nobody else could be the second person.
 */
export async function operatorCountersign(ctx: AppContext, id: string): Promise<RoleGrantView> {
  const row = await findRoleGrant(ctx.db, id);
  if (!row) throw new NotFoundError('No such role grant');
  const change = await withChain(ctx, row);
  const now = ctx.clock.now();
  requirePending(row.status, row.expires_at, now);
  const deciders = await countDeciders(ctx.db);
  const verdict = mayOperatorCountersign(change, deciders, now.getTime());
  if (!verdict.ok && verdict.reason === 'not_authorized') {
    throw new AppError(
      403,
      'second_person_exists',
      'The city has another admin or an organizer: they countersign, not the operator',
    );
  }
  refuse(verdict);
  await transact(ctx, async (tx) => {
    requirePending(await lockRoleGrant(tx, id), row.expires_at, now);
    await applyChange(ctx, tx, { ...change, areaId: row.area_id }, null, 'operator', id);
  });
  return present(row, false, 'countersigned');
}
