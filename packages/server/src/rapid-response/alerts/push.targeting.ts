import {
  audienceIncludes,
  hasRoleIn,
  isInRange,
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

/** Staff for an incident in this area chain, as the gateway counts them. */
function isStaffFor(candidate: PushCandidate, chain: readonly string[]): boolean {
  const { principal } = candidate;
  if (principal.status !== 'active') return false;
  if (hasRoleIn(principal, chain, 'verifier') || hasRoleIn(principal, chain, 'dispatcher')) {
    return true;
  }
  return candidate.onShift && hasRoleIn(principal, chain, 'responder');
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
 * The members to push for an alert, by the gateway's rules on saved preferences: in range (an
 * area in the incident's chain, or a place's disc) and in the audience; or, for retractions,
 * all-clears and updates, everyone told anything about the incident. Nobody is pushed a kind
 * they were already told about the incident.
 */
export function pushRecipients(
  alert: Pick<AlertCreated, 'kind' | 'audience' | 'incident'>,
  chain: readonly string[],
  candidates: readonly PushCandidate[],
  told: ReadonlyMap<string, ReadonlySet<AlertKind>>,
): string[] {
  const { lat, lng } = alert.incident.location;
  const recipients: string[] = [];
  for (const candidate of candidates) {
    const id = candidate.principal.memberId;
    const kinds = told.get(id);
    if (kinds?.has(alert.kind)) continue;
    let due: boolean;
    if (alert.audience === 'delivered') due = (kinds?.size ?? 0) > 0;
    else {
      const sub = subscriptionOf(candidate, chain);
      due =
        audienceIncludes(alert.audience, sub) &&
        (chain.length ? chain : [null]).some((areaId) => isInRange(sub, lat, lng, areaId));
    }
    if (due) recipients.push(id);
  }
  return recipients;
}
