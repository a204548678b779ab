import {
  hasRoleIn,
  incidentDisclosure,
  type Disclosure,
  type IncidentState,
  type Principal,
} from '@tocsin/core';

/** Verifiers and dispatchers of the incident's area (active members) see everything about it. */
export function isAreaStaff(principal: Principal, areaChain: readonly string[]): boolean {
  if (principal.status !== 'active') return false;
  return (
    hasRoleIn(principal, areaChain, 'verifier') || hasRoleIn(principal, areaChain, 'dispatcher')
  );
}

/** An active responder of the area who is on shift: told of unverified reports as staff. */
export function isOnShiftResponder(
  principal: Principal,
  areaChain: readonly string[],
  onShift: boolean,
): boolean {
  return onShift && principal.status === 'active' && hasRoleIn(principal, areaChain, 'responder');
}

/**
 * Unverified reports never reach general members: an incident that is only `reported` is seen by
 * the area's staff (verifiers, dispatchers, on-shift responders), its own reporters and
 * responders dispatched to it.
 */
export function canSeeIncident(
  principal: Principal,
  incident: { state: string },
  areaChain: readonly string[],
  involvement: { reporter: boolean; dispatched: boolean; onShift: boolean },
): boolean {
  if (incident.state !== 'reported') return true;
  return (
    isAreaStaff(principal, areaChain) ||
    isOnShiftResponder(principal, areaChain, involvement.onShift) ||
    involvement.reporter ||
    involvement.dispatched
  );
}

/** How much of an incident a member is served (core's `incidentDisclosure`), on every read path. */
export function disclosureOf(
  principal: Principal,
  incident: { state: IncidentState; confirmed_at: Date | null },
  areaChain: readonly string[],
  involvement: { reporter: boolean; dispatched: boolean; onShift: boolean },
): Disclosure {
  return incidentDisclosure(
    { state: incident.state, confirmedAt: incident.confirmed_at },
    {
      staff: isAreaStaff(principal, areaChain),
      involved:
        isOnShiftResponder(principal, areaChain, involvement.onShift) ||
        involvement.reporter ||
        involvement.dispatched,
    },
  );
}
