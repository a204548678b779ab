import type { Principal } from '@tocsin/core';
import { ForbiddenError, NotFoundError, type Executor } from '../../platform';
import { canOrganize, canSeeArea, type AreaSnapshot } from '../../membership';
import { inCanvassingGroup, isAssignee } from './canvassing.repository';

/**
 * The canvassing group of an area: members of a canvassing working group of the area or an area
 * above it, and the organizers of the area (or above). They draw and assign turfs, see the notes
 * and the progress map. The pair a turf is assigned to records its doors and sees it.
 */
export interface CanvassAccess {
  chain: string[];
  inGroup: boolean;
}

export async function canvassAccess(
  db: Executor,
  snapshot: AreaSnapshot,
  principal: Principal,
  areaId: string,
): Promise<CanvassAccess> {
  const area = snapshot.byId.get(areaId);
  const chain = snapshot.chain(areaId);
  if (!area || !canSeeArea(principal, area.kind, chain)) throw new NotFoundError('No such area');
  // Members on probation do not canvass for the group yet: the group sees notes and the map.
  const inGroup =
    principal.status === 'active' &&
    (canOrganize(principal, chain) || (await inCanvassingGroup(db, principal.memberId, chain)));
  return { chain, inGroup };
}

export function requireGroup(access: CanvassAccess): void {
  if (!access.inGroup) throw new ForbiddenError('Only the canvassing group can do this');
}

/** The group or one of the turf's pair; anyone else is refused. */
export async function requireTurfAccess(
  db: Executor,
  access: CanvassAccess,
  turfId: string,
  memberId: string,
): Promise<{ assigned: boolean }> {
  const assigned = await isAssignee(db, turfId, memberId);
  if (!access.inGroup && !assigned) {
    throw new ForbiddenError('Only the canvassing group and the turf’s pair can do this');
  }
  return { assigned };
}
