import { isAdmin, type Principal } from '@tocsin/core';
import {
  AppError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  audit,
  enqueueEvents,
  transact,
  type AppContext,
} from '../../platform';
import { requireOrganizer, visibleArea } from '../areas';
import { revokeAllSessions } from '../auth';
import { revokeUnusedInvites } from '../invites';
import {
  findMember,
  findMemberForUpdate,
  insertVouch,
  membersOfArea,
  rolesOfMember,
  setStatus,
  updateProfile,
} from './members.repository';
import { isOrganizerAnywhere, organizesMember } from './members.policy';
import {
  presentAreaMembers,
  presentMe,
  type AreaMemberView,
  type MeView,
} from './members.presenter';

/** The caller's own record: handle, status, sponsor and roles. */
export async function getMe(ctx: AppContext, principal: Principal): Promise<MeView> {
  const member = await findMember(ctx.db, principal.memberId);
  if (!member) throw new NotFoundError();
  return presentMe(member, await rolesOfMember(ctx.db, member.id));
}

export async function updateMe(
  ctx: AppContext,
  principal: Principal,
  changes: { displayName?: string | null | undefined; language?: string | null | undefined },
): Promise<MeView> {
  await updateProfile(ctx.db, principal.memberId, {
    ...(changes.displayName !== undefined ? { display_name: changes.displayName } : {}),
    ...(changes.language !== undefined ? { language: changes.language } : {}),
  });
  return getMe(ctx, principal);
}

/**
 * A second active member (not the sponsor) vouches for a member on probation, which ends it.
 */
export async function vouchFor(
  ctx: AppContext,
  principal: Principal,
  memberId: string,
): Promise<MeView['status']> {
  if (principal.status !== 'active') {
    throw new AppError(403, 'probation', 'Members on probation cannot vouch yet');
  }
  if (memberId === principal.memberId) throw new ForbiddenError('You cannot vouch for yourself');
  return transact(ctx, async (tx): Promise<MeView['status']> => {
    const target = await findMemberForUpdate(tx, memberId);
    if (!target) throw new NotFoundError('No such member');
    if (target.sponsor_id === principal.memberId) {
      throw new AppError(403, 'sponsor_cannot_vouch', 'The sponsor cannot be the second voucher');
    }
    if (target.status !== 'probation')
      throw new ConflictError('not_on_probation', 'This member is not on probation');
    const now = ctx.clock.now();
    await insertVouch(tx, memberId, principal.memberId, 'vouch', now);
    await setStatus(tx, memberId, 'active', now);
    await enqueueEvents(
      ctx,
      tx,
      [{ name: 'member.activated', payload: { memberId, by: 'vouch' } }],
      now,
    );
    return 'active';
  });
}

/** The area chains of every area a member holds a role in. */
async function areaChainsOf(ctx: AppContext, memberId: string): Promise<string[][]> {
  const areas = await ctx.areas.get();
  const roles = await rolesOfMember(ctx.db, memberId);
  return [...new Set(roles.map((r) => r.area_id))].map((id) => areas.chain(id));
}

/**
 * Loads a member an organizer acts on. Non-organizers are told no (403); an organizer who does
 * not organize any of the member's areas is told the member does not exist (404), like for an
 * unknown id, so ids of other areas' members reveal nothing.
 */
async function memberUnderAuthority(ctx: AppContext, principal: Principal, memberId: string) {
  if (principal.status !== 'active') {
    throw new AppError(403, 'probation', 'Organizers on probation cannot act on members yet');
  }
  if (!isOrganizerAnywhere(principal))
    throw new AppError(403, 'organizer_only', 'Only organizers can do this');
  const member = await findMember(ctx.db, memberId);
  if (!member || !organizesMember(principal, await areaChainsOf(ctx, memberId))) {
    throw new NotFoundError('No such member');
  }
  return member;
}

/** An organizer of one of the member's areas (or an admin) ends their probation. */
export async function approveMember(
  ctx: AppContext,
  principal: Principal,
  memberId: string,
): Promise<'active'> {
  if (principal.status !== 'active')
    throw new AppError(403, 'probation', 'Members on probation cannot approve');
  const member = await memberUnderAuthority(ctx, principal, memberId);
  if (member.status !== 'probation')
    throw new ConflictError('not_on_probation', 'This member is not on probation');
  await transact(ctx, async (tx) => {
    const now = ctx.clock.now();
    await insertVouch(tx, memberId, principal.memberId, 'approval', now);
    await setStatus(tx, memberId, 'active', now);
    await audit(tx, {
      at: now,
      actorId: principal.memberId,
      action: 'member.approved',
      targetId: memberId,
    });
    await enqueueEvents(
      ctx,
      tx,
      [{ name: 'member.activated', payload: { memberId, by: 'approval' } }],
      now,
    );
  });
  return 'active';
}

/** Suspends a member: every session and every unused invite of theirs stops working at once. */
export async function suspendMember(
  ctx: AppContext,
  principal: Principal,
  memberId: string,
  reason: string,
): Promise<{ sessionsRevoked: number; invitesRevoked: number }> {
  if (memberId === principal.memberId) throw new ForbiddenError('You cannot suspend yourself');
  await memberUnderAuthority(ctx, principal, memberId);
  const targetRoles = await rolesOfMember(ctx.db, memberId);
  if (targetRoles.some((r) => r.role === 'admin')) {
    if (!isAdmin(principal)) throw new ForbiddenError('Only an admin can suspend an admin');
    // Suspending an admin would remove them with one person's act: their admin role goes first,
    // which takes a second admin's countersign (the two-person rule of role grants).
    throw new ConflictError(
      'admin_role_first',
      'Take their admin role away first (a second admin countersigns), then suspend',
    );
  }
  return transact(ctx, async (tx) => {
    const now = ctx.clock.now();
    await setStatus(tx, memberId, 'suspended', now);
    const sessionsRevoked = await revokeAllSessions(tx, memberId, now);
    const invitesRevoked = await revokeUnusedInvites(tx, memberId, now);
    await audit(tx, {
      at: now,
      actorId: principal.memberId,
      action: 'member.suspended',
      targetId: memberId,
      details: { reason },
    });
    await enqueueEvents(ctx, tx, [{ name: 'member.suspended', payload: { memberId } }], now);
    return { sessionsRevoked, invitesRevoked };
  });
}

/** Lifts a suspension; the member returns to probation unless they had been vouched in. */
export async function reinstateMember(
  ctx: AppContext,
  principal: Principal,
  memberId: string,
): Promise<MeView['status']> {
  const member = await memberUnderAuthority(ctx, principal, memberId);
  if (member.status !== 'suspended')
    throw new ConflictError('not_suspended', 'This member is not suspended');
  const status = member.activated_at ? 'active' : 'probation';
  await transact(ctx, async (tx) => {
    const now = ctx.clock.now();
    await setStatus(tx, memberId, status, now);
    await audit(tx, {
      at: now,
      actorId: principal.memberId,
      action: 'member.reinstated',
      targetId: memberId,
    });
  });
  return status;
}

/** The members of an area with their roles there: for that area's organizers only. */
export async function listAreaMembers(
  ctx: AppContext,
  principal: Principal,
  areaId: string,
): Promise<AreaMemberView[]> {
  const { chain } = await visibleArea(ctx, principal, areaId);
  requireOrganizer(principal, chain, 'list its members');
  return presentAreaMembers(await membersOfArea(ctx.db, areaId));
}
