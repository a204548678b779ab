import { randomUUID } from 'node:crypto';
import type { Principal, Role } from '@tocsin/core';
import {
  AppError,
  ConflictError,
  NotFoundError,
  ValidationError,
  audit,
  enqueueEvents,
  transact,
  type AppContext,
} from '../../platform';
import type { AreaRecord, AreaSnapshot } from './area-directory';
import {
  belongsToArea,
  canHoldWorkplace,
  canOrganize,
  canSeeArea,
  canSelfJoin,
} from './areas.policy';
import {
  presentAreaDetails,
  presentAreas,
  presentOutlines,
  type AreaDetailsView,
  type AreaView,
} from './areas.presenter';
import {
  countAdmins,
  findAreaRow,
  neighborhoodOutlines,
  grantRole,
  insertWorkplace,
  leaveGroupsOfAreas,
  lockAreas,
  removeRolesIn,
  slugsLike,
  toAreaRecord,
} from './areas.repository';
import { slugOf, uniqueSlug } from './unique-slug';

export interface VisibleArea {
  area: AreaRecord;
  /** The area and its ancestors, nearest first. */
  chain: string[];
  snapshot: AreaSnapshot;
}

/** The area when the principal may see it; an unknown id and a hidden workplace both answer 404. */
export async function visibleArea(
  ctx: AppContext,
  principal: Principal,
  areaId: string,
): Promise<VisibleArea> {
  const snapshot = await ctx.areas.get();
  const area = snapshot.byId.get(areaId);
  const chain = snapshot.chain(areaId);
  if (!area || !canSeeArea(principal, area.kind, chain)) throw new NotFoundError('No such area');
  return { area, chain, snapshot };
}

/** Throws unless the principal may act as an organizer of the area (and is past probation). */
export function requireOrganizer(principal: Principal, chain: string[], action: string): void {
  if (!canOrganize(principal, chain)) {
    throw new AppError(403, 'organizer_only', `Only an organizer of this area can ${action}`);
  }
  if (principal.status !== 'active') {
    throw new AppError(403, 'probation', `Members on probation cannot ${action}`);
  }
}

function ownRoles(principal: Principal, areaId: string): Role[] {
  return principal.roles.filter((grant) => grant.areaId === areaId).map((grant) => grant.role);
}

/** The city, every neighborhood, and the workplaces the principal belongs to. */
/** The neighborhoods' outlines, for the map: public boundaries, so every member gets them. */
export async function areaOutlines(ctx: AppContext) {
  return presentOutlines(await neighborhoodOutlines(ctx.db));
}

export async function listAreas(ctx: AppContext, principal: Principal): Promise<AreaView[]> {
  const snapshot = await ctx.areas.get();
  return presentAreas(
    snapshot.all.filter((area) => canSeeArea(principal, area.kind, snapshot.chain(area.id))),
  );
}

export async function getArea(
  ctx: AppContext,
  principal: Principal,
  areaId: string,
): Promise<AreaDetailsView> {
  const { area } = await visibleArea(ctx, principal, areaId);
  return presentAreaDetails(area, ownRoles(principal, area.id));
}

export interface NewWorkplaceInput {
  /** Client-generated, so a retried create does not make a second workplace. */
  id?: string | undefined;
  name: string;
  sector?: string | undefined;
  headcount?: number | undefined;
  parentId: string;
}

/** An organizer of the parent area (or an admin) adds a workplace under it. */
export async function createWorkplace(
  ctx: AppContext,
  principal: Principal,
  input: NewWorkplaceInput,
): Promise<{ area: AreaDetailsView; created: boolean }> {
  const { area: parent, chain } = await visibleArea(ctx, principal, input.parentId);
  if (!canHoldWorkplace(parent.kind)) {
    const message = 'a workplace cannot be inside another workplace';
    throw new ValidationError(`parentId: ${message}`, [{ path: 'parentId', message }]);
  }
  requireOrganizer(principal, chain, 'add a workplace');
  const id = input.id ?? randomUUID();
  const result = await transact(ctx, async (tx) => {
    await lockAreas(tx);
    const existing = await findAreaRow(tx, id);
    if (existing) {
      const sameRequest =
        existing.kind === 'workplace' &&
        existing.parent_id === parent.id &&
        existing.name === input.name &&
        !existing.archived_at;
      if (!sameRequest) throw new ConflictError('id_taken', 'This id is already in use');
      return { record: toAreaRecord(existing), created: false };
    }
    // Prefixed by the parent, so a clash can only be with a sibling the organizer can see
    // already: a suffix on a city-wide clash would reveal a hidden workplace elsewhere.
    const base = `${parent.slug}-${slugOf(input.name, 'workplace')}`;
    const slug = uniqueSlug(base, await slugsLike(tx, base));
    const now = ctx.clock.now();
    const record: AreaRecord = {
      id,
      slug,
      name: input.name,
      kind: 'workplace',
      parentId: parent.id,
      sector: input.sector ?? null,
      headcount: input.headcount ?? null,
    };
    await insertWorkplace(tx, { ...record, parentId: parent.id, now });
    await audit(tx, {
      at: now,
      actorId: principal.memberId,
      action: 'area.created',
      areaId: parent.id,
      targetId: id,
      details: { kind: 'workplace' },
    });
    await enqueueEvents(
      ctx,
      tx,
      [{ name: 'areas.changed', payload: { reason: 'workplace_created', areaId: id } }],
      now,
    );
    return { record, created: true };
  });
  if (result.created) ctx.areas.invalidate();
  return { area: presentAreaDetails(result.record, []), created: result.created };
}

/** Joins the city or a neighborhood as a member; workplaces are joined by an organizer's grant. */
export async function joinArea(
  ctx: AppContext,
  principal: Principal,
  areaId: string,
): Promise<AreaDetailsView> {
  const { area } = await visibleArea(ctx, principal, areaId);
  if (!canSelfJoin(area.kind)) {
    throw new AppError(403, 'organizer_only', 'Only an organizer can add members to a workplace');
  }
  await transact(ctx, async (tx) => {
    const now = ctx.clock.now();
    if (await grantRole(tx, principal.memberId, area.id, 'member', principal.memberId, now)) {
      await enqueueEvents(
        ctx,
        tx,
        [
          {
            name: 'member.updated',
            payload: { memberId: principal.memberId, change: 'roles', areaId },
          },
        ],
        now,
      );
    }
  });
  return presentAreaDetails(area, [...ownRoles(principal, area.id), 'member']);
}

/**
 * Gives up every role the principal holds in exactly this area, and the working groups of the
 * areas they no longer belong to as a result.
 */
export async function leaveArea(
  ctx: AppContext,
  principal: Principal,
  areaId: string,
): Promise<void> {
  const { area, snapshot } = await visibleArea(ctx, principal, areaId);
  await transact(ctx, async (tx) => {
    if (ownRoles(principal, area.id).includes('admin')) {
      await lockAreas(tx);
      if ((await countAdmins(tx)) <= 1) {
        throw new ConflictError('last_admin', 'The last admin cannot give up the city');
      }
    }
    const removed = await removeRolesIn(tx, principal.memberId, area.id);
    if (removed.length === 0) return;
    const after: Principal = {
      ...principal,
      roles: principal.roles.filter((grant) => grant.areaId !== area.id),
    };
    const lost = snapshot.all
      .map((a) => ({ area: a, chain: snapshot.chain(a.id) }))
      .filter(
        ({ area: a, chain }) => chain.includes(area.id) && !belongsToArea(after, a.kind, chain),
      )
      .map(({ area: a }) => a.id);
    await leaveGroupsOfAreas(tx, principal.memberId, lost);
    const now = ctx.clock.now();
    if (removed.some((role) => role !== 'member')) {
      await audit(tx, {
        at: now,
        actorId: principal.memberId,
        action: 'roles.left',
        areaId: area.id,
        targetId: principal.memberId,
        details: { roles: removed },
      });
    }
    await enqueueEvents(
      ctx,
      tx,
      [
        {
          name: 'member.updated',
          payload: { memberId: principal.memberId, change: 'roles', areaId },
        },
      ],
      now,
    );
  });
}
