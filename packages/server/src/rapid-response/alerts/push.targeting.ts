import {
  isAlertDue,
  isStaffFor,
  type AlertKind,
  type Principal,
  type Subscription,
} from '@tocsin/core';
import type { AlertCreated } from '../incidents';
import type { AlertPreferences } from './preferences.repository';

/** A member who has a push subscription, as the targeting rules see them. */
export interface PushCandidate {
  principal: Principal;
  prefs: AlertPreferences;
  onShift: boolean;
}

/** What a candidate follows; no live location, which only ever lives in a socket's memory. */
function subscriptionOf(candidate: PushCandidate, chain: readonly string[]): Subscription {
  return {
    id: candidate.principal.memberId,
    areaIds: candidate.prefs.areaIds,
    placeCells: candidate.prefs.placeCells,
    live: null,
    radiusMeters: candidate.prefs.radiusMeters,
    minLevel: candidate.prefs.minLevel,
    staff: isStaffFor(candidate, chain),
  };
}

/**
 * The members to push for an alert: core's one targeting rule (`isAlertDue`) over their saved
 * preferences, the same rule the stream's sockets are chosen by.
 */
export function pushRecipients(
  alert: Pick<AlertCreated, 'kind' | 'audience' | 'incident'>,
  chain: readonly string[],
  candidates: readonly PushCandidate[],
  told: ReadonlyMap<string, ReadonlySet<AlertKind>>,
): string[] {
  const target = { kind: alert.kind, audience: alert.audience, location: alert.incident.location };
  return candidates
    .filter((candidate) =>
      isAlertDue(
        target,
        chain,
        subscriptionOf(candidate, chain),
        told.get(candidate.principal.memberId),
      ),
    )
    .map((candidate) => candidate.principal.memberId);
}
