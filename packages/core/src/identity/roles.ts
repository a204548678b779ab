import { z } from 'zod';

/** Roles held in an area; `admin` is held on the city area only and stands above every area. */
export const AREA_ROLES = ['member', 'responder', 'verifier', 'dispatcher', 'organizer'] as const;
export const ROLES = [...AREA_ROLES, 'admin'] as const;

export type AreaRole = (typeof AREA_ROLES)[number];
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES);
export const areaRoleSchema = z.enum(AREA_ROLES);

export type MemberStatus = 'probation' | 'active' | 'suspended';

export interface RoleGrant {
  areaId: string;
  role: Role;
}

export interface Principal {
  memberId: string;
  status: MemberStatus;
  sponsorId: string | null;
  roles: RoleGrant[];
}

/** Whether the principal is a city admin. */
export function isAdmin(principal: Principal): boolean {
  return principal.roles.some((grant) => grant.role === 'admin');
}

/**
 * The roles a principal holds in an area, given the area's chain from itself up to the city.
 * A role held on a parent area holds in its children (a city organizer organizes everywhere);
 * an admin holds every role everywhere.
 */
export function rolesIn(principal: Principal, areaChain: readonly string[]): Set<Role> {
  if (isAdmin(principal)) return new Set(ROLES);
  const chain = new Set(areaChain);
  const roles = new Set<Role>();
  for (const grant of principal.roles) if (chain.has(grant.areaId)) roles.add(grant.role);
  return roles;
}

/** Whether the principal holds `role` (or is an admin) in the area. */
export function hasRoleIn(principal: Principal, areaChain: readonly string[], role: Role): boolean {
  return rolesIn(principal, areaChain).has(role);
}

/** Whether the principal belongs to the area at all (any role, here or above). */
export function belongsTo(principal: Principal, areaChain: readonly string[]): boolean {
  return rolesIn(principal, areaChain).size > 0;
}

/** Probation members may not verify, dispatch or look up plates; suspended ones may do nothing. */
export function isTrusted(principal: Principal): boolean {
  return principal.status === 'active';
}
