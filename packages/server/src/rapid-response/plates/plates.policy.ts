import { hasRoleIn, isAdmin, type Principal } from '@tocsin/core';
import { AppError, ForbiddenError } from '../../platform';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** Enough lookups to check the cars on a street, too few to harvest the list. */
export const PLATE_LIMITS = { windowMs: HOUR_MS, lookupsPerMember: 30 } as const;

/** A plate and its links are forgotten this long after it was last seen. */
export const PLATE_RETENTION_MS = 180 * DAY_MS;

/**
 * Independent verifiers who must approve a plate before it is listed: one rogue is not enough,
 * nor one organizer with the verifiers they invited (core countListingApprovals).
 */
export const APPROVALS_TO_LIST = 2;

/** Used when no city pack is loaded; the pack's own default is the same. */
export const DEFAULT_VERIFIER_MIN_DAYS = 7;

/**
 * An approval whose listing is not decided within this time goes, and with it the only row that
 * names the verifier next to the plate: a second approver is found within days, or not at all.
 */
export const UNDECIDED_APPROVAL_MS = 7 * DAY_MS;

/** The listing rule: at least one confirmed incident and enough different approvers. */
export function meetsListingRule(plate: { confirmedIncidents: number; approvals: number }) {
  return plate.confirmedIncidents >= 1 && plate.approvals >= APPROVALS_TO_LIST;
}

/** Members on probation may not look up, approve or correct plates. */
export function requireActive(principal: Principal, what: string): void {
  if (principal.status !== 'active') {
    throw new AppError(403, 'probation', `Members on probation cannot ${what}`);
  }
}

/**
 * Refuses, before anything about the plate is read, a caller who holds the role nowhere: the
 * answer must not depend on whether the plate was ever reported.
 */
export function requireRoleSomewhere(principal: Principal, role: 'verifier' | 'organizer'): void {
  if (isAdmin(principal) || principal.roles.some((grant) => grant.role === role)) return;
  throw new ForbiddenError(
    role === 'verifier' ? 'Only verifiers approve plates' : 'Only organizers correct plates',
  );
}

/** A verifier of an area where the plate was seen (or an admin). */
export function mayApprove(principal: Principal, chains: readonly string[][]): boolean {
  return chains.some((chain) => hasRoleIn(principal, chain, 'verifier'));
}

/** An organizer of an area where the plate was seen, or an admin. */
export function mayCorrect(principal: Principal, chains: readonly string[][]): boolean {
  return isAdmin(principal) || chains.some((chain) => hasRoleIn(principal, chain, 'organizer'));
}
