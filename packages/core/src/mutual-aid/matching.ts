import type { AidCategory } from './requests';

export interface MatchableRequest {
  category: AidCategory;
  /** The request's area and its ancestors, nearest first. */
  areaChain: readonly string[];
  autoMatch: boolean;
  requesterId: string | null;
}

export interface MatchableOffer {
  id: string;
  memberId: string;
  category: AidCategory;
  areaId: string;
  createdAt: number;
  /** Last day it stands (ms, end of day), or null for open-ended. */
  until: number | null;
  withdrawn: boolean;
}

/** Whether an offer covers a request: same category, offered in the request's area or one above. */
export function offerCovers(
  request: MatchableRequest,
  offer: MatchableOffer,
  now: number,
): boolean {
  return (
    !offer.withdrawn &&
    (offer.until === null || offer.until >= now) &&
    offer.category === request.category &&
    request.areaChain.includes(offer.areaId) &&
    offer.memberId !== request.requesterId
  );
}

/**
 * Whether a volunteer who takes a request is paired at once: only when the request allows an
 * automatic match and the volunteer stands behind an offer that covers it. Otherwise the
 * coordinators pair.
 */
export function autoMatchOffer(
  request: MatchableRequest,
  volunteerOffers: readonly MatchableOffer[],
  now: number,
): MatchableOffer | null {
  if (!request.autoMatch) return null;
  const covering = volunteerOffers
    .filter((offer) => offerCovers(request, offer, now))
    .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  return covering[0] ?? null;
}

/** Nobody takes, or is paired with, their own request. */
export function mayTake(request: MatchableRequest, volunteerId: string): boolean {
  return request.requesterId !== volunteerId;
}
