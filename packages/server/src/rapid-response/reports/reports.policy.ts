import { rolesIn, type MemberRole, type Principal } from '@tocsin/core';

const MINUTE_MS = 60_000;

/** Per-member and per-sponsor-family report limits: one phone, or one invite tree, cannot flood. */
export const REPORT_LIMITS = {
  windowMs: 10 * MINUTE_MS,
  perMember: 10,
  perSponsorFamily: 40,
} as const;

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
