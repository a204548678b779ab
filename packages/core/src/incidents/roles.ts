import type { Actor, Reporter } from './incident';
import { countCorroboratingReporters, countIndependentConfirmers } from './independence';

// The server's policy files check role, area and probation first; these rules repeat the role
// part so that the pure machine never lets a plain member confirm, end or merge.

/** A verifier or an on-shift responder: their single report corroborates. */
export function isTrustedReporter(actor: Actor): boolean {
  return actor.role === 'verifier' || (actor.role === 'responder' && actor.onShift);
}

/** Staff get `reported` alerts: verifiers, dispatchers and on-shift responders. */
export function isStaff(actor: Actor): boolean {
  return actor.role === 'dispatcher' || isTrustedReporter(actor);
}

/**
 * Verifiers and dispatchers record verification outcomes, and so does a responder on the scene;
 * the server lets a responder do so only for an incident whose dispatch they accepted.
 */
export function mayVerify(actor: Actor): boolean {
  return actor.role === 'verifier' || actor.role === 'dispatcher' || actor.role === 'responder';
}

/** Staff on the ground or at the desk can give the all clear. */
export function mayEnd(actor: Actor): boolean {
  return isStaff(actor);
}

/** Verifiers and dispatchers merge duplicates. */
export function mayMerge(actor: Actor): boolean {
  return actor.role === 'verifier' || actor.role === 'dispatcher';
}

/** ≥ 2 independent vouched reporters, or one trusted report. */
export function isCorroborated(reporters: readonly Reporter[], trustedReport: boolean): boolean {
  return trustedReport || countCorroboratingReporters(reporters) >= 2;
}

/** How many independent people must confirm: one person never confirms alone. */
export const CONFIRMATIONS_NEEDED = 2;

/** Two confirmers independent of each other and of every reporter. */
export function isConfirmedBy(
  confirmers: readonly Reporter[],
  reporters: readonly Reporter[],
): boolean {
  return countIndependentConfirmers(confirmers, reporters) >= CONFIRMATIONS_NEEDED;
}
