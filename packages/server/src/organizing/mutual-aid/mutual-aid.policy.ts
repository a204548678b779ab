import type { Principal } from '@tocsin/core';
import { NotFoundError, type AppContext, type Executor } from '../../platform';
import { canOrganize, canSeeArea, type AreaSnapshot } from '../../membership';
import { mutualAidOfficerAreas } from './mutual-aid.repository';

/**
 * The mutual-aid coordinators of an area: the organizers of the area (or above it) and the chair
 * and secretary of a mutual-aid working group's body in the area or above it. They pair requests
 * with volunteers and see the requester as a handle, never more, and never the thread.
 */
export async function isAidCoordinator(
  db: Executor,
  snapshot: AreaSnapshot,
  principal: Principal,
  areaId: string,
): Promise<boolean> {
  const chain = snapshot.chain(areaId);
  if (chain.length === 0) return false;
  if (canOrganize(principal, chain)) return true;
  const officerOf = await mutualAidOfficerAreas(db, principal.memberId);
  return officerOf.some((id) => chain.includes(id));
}

/** The areas (ids) a member coordinates mutual aid in, directly. */
export async function coordinatedAreas(
  db: Executor,
  snapshot: AreaSnapshot,
  principal: Principal,
): Promise<string[]> {
  const out = new Set<string>();
  for (const grant of principal.roles) {
    if (grant.role === 'organizer' || grant.role === 'admin') out.add(grant.areaId);
  }
  for (const id of await mutualAidOfficerAreas(db, principal.memberId)) out.add(id);
  return [...out].filter((id) => snapshot.byId.has(id));
}

/** An area the caller may see (a workplace only to those who belong); 404 otherwise. */
export function seenArea(snapshot: AreaSnapshot, principal: Principal, areaId: string) {
  const area = snapshot.byId.get(areaId);
  const chain = snapshot.chain(areaId);
  if (!area || !canSeeArea(principal, area.kind, chain)) throw new NotFoundError('No such area');
  return { area, chain };
}

/** The area and every area under it (a board of the city shows every neighborhood's requests). */
export function areaAndBelow(
  snapshot: AreaSnapshot,
  principal: Principal,
  areaId: string,
): string[] {
  return snapshot.all
    .filter((a) => snapshot.chain(a.id).includes(areaId))
    .filter((a) => canSeeArea(principal, a.kind, snapshot.chain(a.id)))
    .map((a) => a.id);
}

export async function areasOf(ctx: AppContext) {
  return ctx.areas.get();
}
