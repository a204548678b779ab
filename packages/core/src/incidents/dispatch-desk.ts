import type { DispatchState } from '../api/rapid-response';
import type { Principal } from '../identity/roles';

// The dispatcher console's rules (ADR 0023): who watches an area's incidents live on the console,
// and what a dispatcher may do by hand to a responder's dispatch. Type imports only: the web
// app's console uses the same rules without pulling zod into its chunk.

/** Who is asking: a principal, or the web app's `Me` (the same status and roles). */
type Holder = Pick<Principal, 'status' | 'roles'>;

/** The dispatches a responder is still on: offered, accepted, on scene. */
export const OPEN_DISPATCH_STATES = [
  'offered',
  'accepted',
  'on_scene',
] as const satisfies readonly DispatchState[];

/** Whether a dispatch is still open (a stand-down applies; a manual dispatch would repeat it). */
export function isOpenDispatch(state: DispatchState): boolean {
  return (OPEN_DISPATCH_STATES as readonly DispatchState[]).includes(state);
}

/**
 * Whether a member runs the console for an incident of this area chain: an active member holding
 * the dispatcher role in the area or above (an admin holds it everywhere). Members on probation
 * never dispatch, whatever they were given (SECURITY 9).
 */
export function isDispatcherFor(principal: Holder, chain: readonly string[]): boolean {
  if (principal.status !== 'active') return false;
  // As `hasRoleIn`: a role held above holds below, and an admin holds every role everywhere.
  return principal.roles.some(
    (r) => r.role === 'admin' || (r.role === 'dispatcher' && chain.includes(r.areaId)),
  );
}

/**
 * The areas whose incidents a member's console shows live: every area where they hold the
 * dispatcher role, whatever their alert areas. Empty for members on probation.
 */
export function dispatcherAreas(principal: Holder): string[] {
  if (principal.status !== 'active') return [];
  return [
    ...new Set(
      principal.roles
        .filter((r) => r.role === 'dispatcher' || r.role === 'admin')
        .map((r) => r.areaId),
    ),
  ];
}

/** What a manual dispatch does given the responder's dispatch to the incident (null: none). */
export type ManualDispatch =
  { ok: true; reoffer: boolean } | { ok: false; code: 'already_dispatched' };

/**
 * A dispatcher may offer an incident to a responder who has no open dispatch to it: new, or
 * again after a decline, an expiry, a stand-down or a clear.
 */
export function manualDispatch(existing: DispatchState | null): ManualDispatch {
  if (existing === null) return { ok: true, reoffer: false };
  if (isOpenDispatch(existing)) return { ok: false, code: 'already_dispatched' };
  return { ok: true, reoffer: true };
}
