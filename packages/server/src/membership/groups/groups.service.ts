import { randomUUID } from 'node:crypto';
import type { GroupMemberView, GroupView, Principal } from '@tocsin/core';
import {
  AppError,
  ConflictError,
  NotFoundError,
  audit,
  transact,
  type AppContext,
} from '../../platform';
import { belongsToArea, requireOrganizer, slugOf, uniqueSlug, visibleArea } from '../areas';
import { canSeeGroupMembers } from './groups.policy';
import {
  addGroupMember,
  findGroup,
  groupMembers,
  groupSlugsLike,
  groupsWithCounts,
  insertGroup,
  isGroupMember,
  lockArea,
  removeGroupMember,
} from './groups.repository';
import { presentGroup, presentGroupMember } from './groups.presenter';

/** A group in an area the principal belongs to; any other answers 404, like an unknown id. */
async function groupOfMyArea(ctx: AppContext, principal: Principal, groupId: string) {
  const group = await findGroup(ctx.db, groupId);
  const snapshot = await ctx.areas.get();
  const area = group && snapshot.byId.get(group.area_id);
  const chain = group ? snapshot.chain(group.area_id) : [];
  if (!group || !area || !belongsToArea(principal, area.kind, chain)) {
    throw new NotFoundError('No such group');
  }
  return { group, area, chain };
}

async function groupView(ctx: AppContext, principal: Principal, groupId: string) {
  const [row] = await groupsWithCounts(ctx.db, { groupId }, principal.memberId);
  if (!row) throw new NotFoundError('No such group');
  return presentGroup(row);
}

/** The working groups of an area, for those who belong to it. */
export async function listGroups(
  ctx: AppContext,
  principal: Principal,
  areaId: string,
): Promise<GroupView[]> {
  const { area, chain } = await visibleArea(ctx, principal, areaId);
  if (!belongsToArea(principal, area.kind, chain)) {
    throw new AppError(403, 'members_only', 'Join this area to see its working groups');
  }
  return (await groupsWithCounts(ctx.db, { areaId }, principal.memberId)).map(presentGroup);
}

/** An organizer of the area (or an admin) adds a working group to it. */
export async function createGroup(
  ctx: AppContext,
  principal: Principal,
  areaId: string,
  input: { id?: string | undefined; name: string },
): Promise<{ group: GroupView; created: boolean }> {
  const { chain } = await visibleArea(ctx, principal, areaId);
  requireOrganizer(principal, chain, 'add a working group');
  const id = input.id ?? randomUUID();
  const created = await transact(ctx, async (tx) => {
    const existing = await findGroup(tx, id);
    if (existing) {
      if (existing.area_id !== areaId || existing.name !== input.name) {
        throw new ConflictError('id_taken', 'This id is already in use');
      }
      return false;
    }
    await lockArea(tx, areaId);
    const base = slugOf(input.name, 'group');
    const slug = uniqueSlug(base, await groupSlugsLike(tx, areaId, base));
    const now = ctx.clock.now();
    await insertGroup(tx, {
      id,
      areaId,
      slug,
      name: input.name,
      createdBy: principal.memberId,
      now,
    });
    await audit(tx, {
      at: now,
      actorId: principal.memberId,
      action: 'group.created',
      areaId,
      targetId: id,
      details: { slug },
    });
    return true;
  });
  return { group: await groupView(ctx, principal, id), created };
}

export async function joinGroup(
  ctx: AppContext,
  principal: Principal,
  groupId: string,
): Promise<GroupView> {
  await groupOfMyArea(ctx, principal, groupId);
  await addGroupMember(ctx.db, groupId, principal.memberId, ctx.clock.now());
  return groupView(ctx, principal, groupId);
}

export async function leaveGroup(
  ctx: AppContext,
  principal: Principal,
  groupId: string,
): Promise<GroupView> {
  await groupOfMyArea(ctx, principal, groupId);
  await removeGroupMember(ctx.db, groupId, principal.memberId);
  return groupView(ctx, principal, groupId);
}

/** Who is in a group: for its members and its area's organizers; 404 for everyone else. */
export async function listGroupMembers(
  ctx: AppContext,
  principal: Principal,
  groupId: string,
): Promise<GroupMemberView[]> {
  const { chain } = await groupOfMyArea(ctx, principal, groupId);
  const member = await isGroupMember(ctx.db, groupId, principal.memberId);
  if (!canSeeGroupMembers(principal, chain, member)) throw new NotFoundError('No such group');
  return (await groupMembers(ctx.db, groupId)).map(presentGroupMember);
}
