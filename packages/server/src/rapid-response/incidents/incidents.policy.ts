import {
  hasRoleIn,
  incidentDisclosure,
  rolesIn,
  type Disclosure,
  type IncidentState,
  type MemberRole,
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

/**
 * The role a member reports or acts with in an area. Members on probation act as plain members
 * whatever roles they were given: they cannot verify, dispatch or corroborate alone.
 */
export function actingRole(principal: Principal, areaChain: readonly string[]): MemberRole {
  if (principal.status !== 'active') return 'member';
  const roles = rolesIn(principal, areaChain);
  if (roles.has('verifier')) return 'verifier';
  if (roles.has('dispatcher')) return 'dispatcher';
  if (roles.has('responder')) return 'responder';
  return 'member';
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
