import type { BodyRole, Principal } from '@tocsin/core';
import { ForbiddenError, type AppContext, type Executor } from '../../platform';
import { canOrganize } from '../../membership';
import { isOnRoll, type BodyRow } from './assemblies.repository';

/** What the caller may do in a body. Permissions in this half are asked of the body, never re-derived. */
export interface BodyAccess {
  body: BodyRow;
  memberId: string;
  /** On the body's roll: sees its meetings, checks in, speaks, moves, votes. */
  onRoll: boolean;
  roles: BodyRole[];
  /** An organizer of the body's area (or above): appoints the officers. */
  canAppoint: boolean;
  /** Runs the body's meetings: the chair, or, while none is appointed, an organizer on the roll. */
  chairing: boolean;
  /** Keeps the record (minutes, attendance names, action items): the secretary or whoever chairs. */
  recording: boolean;
}

export async function bodyAccess(
  ctx: AppContext,
  db: Executor,
  principal: Principal,
  body: BodyRow,
): Promise<BodyAccess> {
  const me = principal.memberId;
  const onRoll = await isOnRoll(db, body, me);
  const snapshot = await ctx.areas.get();
  const chain = body.home_area_id
    ? snapshot.chain(body.home_area_id)
    : snapshot.city
      ? [snapshot.city.id]
      : [];
  const canAppoint = chain.length > 0 && canOrganize(principal, chain);
  const roles: BodyRole[] = [];
  if (onRoll) {
    roles.push('member');
    if (body.chair_id === me) roles.push('chair');
    if (body.secretary_id === me) roles.push('secretary');
  }
  const chairing = onRoll && (body.chair_id === me || (body.chair_id === null && canAppoint));
  const recording = onRoll && (body.secretary_id === me || chairing);
  return { body, memberId: me, onRoll, roles, canAppoint, chairing, recording };
}

/**
 * Who sees the body's roll by name (ADR 0018): the area's organizers (to appoint) and the
 * secretary or whoever chairs (to give an action item an owner, to nominate from the roll).
 */
export function seesRollByName(access: BodyAccess): boolean {
  return access.canAppoint || access.recording;
}

/** Nothing of a body is visible to, or done by, anyone not on its roll. */
export function requireRoll(access: BodyAccess): void {
  if (!access.onRoll) {
    throw new ForbiddenError('Only members of this body can do this');
  }
}

export function requireChair(access: BodyAccess): void {
  requireRoll(access);
  if (!access.chairing) throw new ForbiddenError('Only the chair can do this');
}

export function requireRecorder(access: BodyAccess): void {
  requireRoll(access);
  if (!access.recording) throw new ForbiddenError('Only the secretary or the chair can do this');
}
