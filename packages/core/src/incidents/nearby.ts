import { haversineMeters } from '../geo/haversine';
import type { LatLng } from '../geo/lat-lng';
import { isOpen, type IncidentState } from './incident';

/** A confirmed incident this close to the member's own position takes the screen. */
export const TAKEOVER_METERS = 500;

/** How long the card of an ended or retracted incident stays, struck through, before it goes. */
export const RETIRED_CARD_MS = 3_600_000;

/** An incident as the home screen knows it: where, in what state, and when it last moved. */
export interface NearbyCandidate {
  readonly state: IncidentState;
  readonly location: LatLng;
  /** When something last happened to it, ms since epoch (ties in distance go to the newest). */
  readonly at: number;
}

/** Where the member measures from: their own position, or one of their saved places. */
export interface Reference extends LatLng {
  readonly kind: 'me' | 'place';
}

export interface Ranked<T> {
  readonly incident: T;
  /** Meters to the closest reference; null when there is none (an incident of my areas). */
  readonly meters: number | null;
  /** Which kind of reference is the closest (`me` wins a tie); null with `meters`. */
  readonly from: Reference['kind'] | null;
}

/**
 * The active (open) incidents, nearest first: each measured to the closest of `references` (my
 * position and my saved places). Incidents at the same distance, or with no reference to measure
 * from, are ordered newest first; at most `limit` come back.
 */
export function nearestActive<T extends NearbyCandidate>(
  incidents: readonly T[],
  references: readonly Reference[],
  limit = Infinity,
): Ranked<T>[] {
  const ranked: Ranked<T>[] = [];
  for (const incident of incidents) {
    if (!isOpen(incident.state)) continue;
    let meters: number | null = null;
    let from: Reference['kind'] | null = null;
    for (const reference of references) {
      const d = haversineMeters(reference, incident.location);
      if (meters === null || d < meters || (d === meters && reference.kind === 'me')) {
        meters = d;
        from = reference.kind;
      }
    }
    ranked.push({ incident, meters, from });
  }
  ranked.sort(
    (a, b) => (a.meters ?? Infinity) - (b.meters ?? Infinity) || b.incident.at - a.incident.at,
  );
  return ranked.slice(0, limit);
}

/**
 * Whether an incident takes the member's screen: confirmed, and within `TAKEOVER_METERS` of where
 * the member is now. Anything else (unconfirmed, farther, or no position) stays a quiet card.
 */
export function takesOver(
  incident: { readonly state: IncidentState; readonly location: LatLng },
  position: LatLng | null,
): boolean {
  return (
    incident.state === 'confirmed' &&
    position !== null &&
    haversineMeters(position, incident.location) <= TAKEOVER_METERS
  );
}

/** What a feed card shows: an open incident as it is, a closed one struck through, then nothing. */
export type CardFate = 'active' | 'struck' | 'gone';

/** The fate of a card whose incident is in `state` since `changedAt` (ms), at `now` (ms). */
export function cardFate(state: IncidentState, changedAt: number, now: number): CardFate {
  if (isOpen(state)) return 'active';
  return now - changedAt < RETIRED_CARD_MS ? 'struck' : 'gone';
}
