import type { IncidentState } from './incident';

// What a member is told about an incident. Unverified reports never reach general members; and
// once an incident that was never confirmed is withdrawn (a false alarm, merged away, ended), it
// stops spreading: members who are not the area's staff are told only that it was retracted or
// ended, its area and its times: not its report text, exact location or reporters. The area's
// verifiers and dispatchers keep the full view until retention removes it.

/** States in which an unconfirmed incident is withdrawn from general view. */
export const RETRACTED_STATES = [
  'false_alarm',
  'merged',
  'ended',
] as const satisfies readonly IncidentState[];

/** `full`: everything the member's role allows; `retracted`: the bare outline; `none`: unknown. */
export type Disclosure = 'full' | 'retracted' | 'none';

export interface DisclosureViewer {
  /** An active verifier or dispatcher of the incident's area. */
  staff: boolean;
  /** Told of unverified reports: a reporter, a responder dispatched to it or on shift there. */
  involved: boolean;
}

/** How much of an incident a member may be served, on every path (list, page, feed, replay). */
export function incidentDisclosure(
  incident: { state: IncidentState; confirmedAt: Date | string | null },
  viewer: DisclosureViewer,
): Disclosure {
  if (viewer.staff) return 'full';
  if (incident.state === 'reported') return viewer.involved ? 'full' : 'none';
  const withdrawn = (RETRACTED_STATES as readonly IncidentState[]).includes(incident.state);
  if (withdrawn && incident.confirmedAt === null) return 'retracted';
  return 'full';
}
