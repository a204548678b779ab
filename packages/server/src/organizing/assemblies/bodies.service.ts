import type { BodyRoll, BodyView, MeetingSummary, officersBody, Principal } from '@tocsin/core';
import type { z } from 'zod';
import {
  ForbiddenError,
  NotFoundError,
  ValidationError,
  audit,
  type AppContext,
  type Executor,
} from '../../platform';
import { bodyAccess, requireRoll, seesRollByName, type BodyAccess } from './assemblies.policy';
import { presentBody, presentSummary } from './assemblies.presenter';
import {
  bodiesOfAreas,
  bodiesOnRollOf,
  findBody,
  groupsOfArea,
  isOnRoll,
  meetingsOfBody,
  rollMembers,
  rollSize,
  setOfficers,
  type BodyRow,
} from './assemblies.repository';
import { once, type Answer } from './requests';

/** A body and what the caller may do in it; an unknown id is 404. */
export async function accessToBody(
  ctx: AppContext,
  db: Executor,
  principal: Principal,
  bodyId: string,
): Promise<BodyAccess> {
  const body = await findBody(db, bodyId);
  if (!body) throw new NotFoundError('No such body');
  return bodyAccess(ctx, db, principal, body);
}

/**
 * The bodies the caller is on the roll of, and those of the areas they organize directly (to
 * appoint officers). Read only: every area and working group has its body from its creation.
 */
export async function listBodies(ctx: AppContext, principal: Principal): Promise<BodyView[]> {
  const snapshot = await ctx.areas.get();
  const organized = principal.roles
    .filter((g) => g.role === 'organizer' && snapshot.byId.get(g.areaId)?.kind !== 'city')
    .map((g) => g.areaId);
  const rows = new Map<string, BodyRow>();
  for (const row of await bodiesOnRollOf(ctx.db, principal.memberId)) rows.set(row.id, row);
  for (const row of await bodiesOfAreas(ctx.db, organized)) rows.set(row.id, row);
  const views: BodyView[] = [];
  for (const row of rows.values()) {
    const access = await bodyAccess(ctx, ctx.db, principal, row);
    if (!access.onRoll && !access.canAppoint) continue;
    views.push(presentBody(access, await rollSize(ctx.db, row)));
  }
  return views;
}

export async function listMeetings(
  ctx: AppContext,
  principal: Principal,
  bodyId: string,
): Promise<MeetingSummary[]> {
  const access = await accessToBody(ctx, ctx.db, principal, bodyId);
  requireRoll(access);
  return (await meetingsOfBody(ctx.db, bodyId)).map(presentSummary);
}

/** The most members a roll answer names: a picker, not a directory. */
const ROLL_LIMIT = 5_000;

/**
 * The roll by name and the area's working groups, for those who name officers (an organizer of
 * the area) or owners of action items (the secretary or whoever chairs); nobody else.
 */
export async function bodyRoll(
  ctx: AppContext,
  principal: Principal,
  bodyId: string,
): Promise<BodyRoll> {
  const access = await accessToBody(ctx, ctx.db, principal, bodyId);
  if (!seesRollByName(access)) {
    throw new ForbiddenError('Only the officers and the area’s organizers see the roll by name');
  }
  const { body } = access;
  return {
    members: await rollMembers(ctx.db, body, ROLL_LIMIT),
    groups: body.home_area_id ? await groupsOfArea(ctx.db, body.home_area_id) : [],
  };
}

/** An organizer of the body's area names its chair and secretary (members of its roll). */
export async function appointOfficers(
  ctx: AppContext,
  principal: Principal,
  bodyId: string,
  input: z.output<typeof officersBody>,
): Promise<Answer<BodyView>> {
  return once(ctx, principal.memberId, input.requestId, `officers:${bodyId}`, 200, async (tx) => {
    const access = await accessToBody(ctx, tx, principal, bodyId);
    if (!access.canAppoint) {
      throw new ForbiddenError('Only an organizer of the area appoints officers');
    }
    const change: {
      chair_id?: string | null;
      secretary_id?: string | null;
      seconding_required?: boolean;
    } = {};
    for (const field of ['chair', 'secretary'] as const) {
      const id = input[field];
      if (id === undefined) continue;
      if (id !== null && !(await isOnRoll(tx, access.body, id))) {
        throw new ValidationError('An officer must be on the body’s roll', [
          { path: field, message: 'not a member of this body' },
        ]);
      }
      change[field === 'chair' ? 'chair_id' : 'secretary_id'] = id;
    }
    if (input.secondingRequired !== undefined) {
      change.seconding_required = input.secondingRequired;
    }
    await setOfficers(tx, bodyId, change);
    await audit(tx, {
      at: ctx.clock.now(),
      actorId: principal.memberId,
      action: 'body.officers',
      areaId: access.body.home_area_id,
      targetId: bodyId,
      details: { ...change },
    });
    const updated = await findBody(tx, bodyId);
    if (!updated) throw new NotFoundError('No such body');
    const after = await accessToBody(ctx, tx, principal, bodyId);
    return presentBody({ ...after, body: updated }, await rollSize(tx, updated));
  });
}
