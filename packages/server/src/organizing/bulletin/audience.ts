import type { PostAudience, Principal } from '@tocsin/core';
import type { AppContext, Executor } from '../../platform';
import type { AreaSnapshot } from '../../membership';
import { bodiesOnRollOf, rollMemberIds, type BodyRow } from '../assemblies';
import { followRows, groupSlug, membersReached, mutedBy, type Reach } from './bulletin.repository';

export type { Reach };

/** The working group that runs the bulletin and events of its area (a default group). */
export const INFO_EVENTS_SLUG = 'information-events';

/** Whom a body's posts and events reach: the city, an area and those under it, or its roll. */
export interface Audience {
  kind: PostAudience;
  /** The area reached (the city's for `city`); null for `body`. */
  areaId: string | null;
}

/** Whether the body is an Info & Events working group (its members post for their area). */
export async function isInfoEvents(db: Executor, body: BodyRow): Promise<boolean> {
  if (body.kind !== 'working_group' || !body.group_id) return false;
  return (await groupSlug(db, body.group_id)) === INFO_EVENTS_SLUG;
}

/**
 * Who a body speaks to: a neighborhood or workplace body to its area, the Info & Events group to
 * its group's area (the whole city for the city's group), the council to the city, any other
 * working group to its own roll.
 */
export async function audienceOf(
  db: Executor,
  snapshot: AreaSnapshot,
  body: BodyRow,
): Promise<Audience> {
  const city = snapshot.city?.id ?? null;
  const areaAudience = (areaId: string | null): Audience =>
    areaId === null || areaId === city ? { kind: 'city', areaId: city } : { kind: 'area', areaId };
  if (body.kind === 'council') return { kind: 'city', areaId: city };
  if (body.kind === 'working_group') {
    return (await isInfoEvents(db, body))
      ? areaAudience(body.home_area_id)
      : { kind: 'body', areaId: null };
  }
  return areaAudience(body.area_id);
}

/** What reaches the member; `db` is the open transaction when called inside one. */
export async function reachOf(
  ctx: AppContext,
  principal: Principal,
  db: Executor = ctx.db,
): Promise<Reach> {
  const snapshot = await ctx.areas.get();
  const areaIds = new Set<string>();
  for (const grant of principal.roles) {
    for (const id of snapshot.chain(grant.areaId)) areaIds.add(id);
  }
  const bodies = await bodiesOnRollOf(db, principal.memberId);
  const follows = await followRows(db, principal.memberId);
  return {
    areaIds: [...areaIds],
    bodyIds: bodies.map((b) => b.id),
    followed: follows.filter((f) => f.state === 'follow').map((f) => f.body_id),
    muted: follows.filter((f) => f.state === 'mute').map((f) => f.body_id),
  };
}

/** The area and every area under it (a post to an area reaches those under it too). */
function descendants(snapshot: AreaSnapshot, areaId: string): string[] {
  return snapshot.all.filter((a) => snapshot.chain(a.id).includes(areaId)).map((a) => a.id);
}

/**
 * The members a published post reaches (unsuspended, its body not muted by them): everyone for
 * the city, members of the area or an area under it, or the body's roll; and the body's
 * followers for posts that are not for its roll only.
 */
export async function recipientsOf(
  db: Executor,
  snapshot: AreaSnapshot,
  body: BodyRow,
  audience: Audience,
): Promise<string[]> {
  let ids: string[];
  if (audience.kind === 'body') ids = await rollMemberIds(db, body);
  else if (audience.kind === 'area' && audience.areaId) {
    ids = await membersReached(db, descendants(snapshot, audience.areaId), body.id);
  } else ids = await membersReached(db, null, body.id);
  if (ids.length === 0) return [];
  const muted = await mutedBy(db, body.id);
  return ids.filter((id) => !muted.has(id));
}
