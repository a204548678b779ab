import type { AppContext, Executor } from '../../platform';
import type { Principal } from '@tocsin/core';
import { ForbiddenError } from '../../platform';
import { bodyAccess, type BodyAccess, type BodyRow } from '../assemblies';
import { isInfoEvents, type Audience, type Reach } from './audience';

/** What the caller may do with a body's bulletin and events. */
export interface PublisherAccess {
  access: BodyAccess;
  infoEvents: boolean;
  /** Writes posts and events for the body: its officers, or any member of an Info & Events group. */
  canPublish: boolean;
}

export async function publisherAccess(
  ctx: AppContext,
  db: Executor,
  principal: Principal,
  body: BodyRow,
): Promise<PublisherAccess> {
  const access = await bodyAccess(ctx, db, principal, body);
  const infoEvents = await isInfoEvents(db, body);
  const officer = access.roles.includes('chair') || access.roles.includes('secretary');
  const canPublish =
    principal.status !== 'suspended' &&
    (officer || access.chairing || (infoEvents && access.onRoll));
  return { access, infoEvents, canPublish };
}

export function requirePublisher(publisher: PublisherAccess): void {
  if (!publisher.canPublish) {
    throw new ForbiddenError(
      "Only the body's officers or the Info & Events working group post for it",
    );
  }
}

/**
 * Whether the member may approve a city-wide post of this body: someone who could publish for it,
 * or an organizer of the city. Never its author (checked by the core rule).
 */
export function qualifiedApprover(publisher: PublisherAccess): boolean {
  return publisher.canPublish || publisher.access.canAppoint;
}

/** Whether something addressed to this audience reaches the member. */
export function reaches(audience: Audience, bodyId: string, reach: Reach): boolean {
  if (reach.muted.includes(bodyId)) return false;
  if (audience.kind === 'city') return true;
  if (audience.kind === 'body') return reach.bodyIds.includes(bodyId);
  return (
    (audience.areaId !== null && reach.areaIds.includes(audience.areaId)) ||
    reach.followed.includes(bodyId)
  );
}
