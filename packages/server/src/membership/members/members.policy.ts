import { hasRoleIn, isAdmin, type Principal } from '@tocsin/core';

/** Whether the principal is an organizer anywhere (or an admin). */
export function isOrganizerAnywhere(principal: Principal): boolean {
  return isAdmin(principal) || principal.roles.some((grant) => grant.role === 'organizer');
}

/**
 * Whether the principal organizes at least one area the target belongs to (given each of the
 * target's areas as a chain up to the city), or is an admin.
 */
export function organizesMember(principal: Principal, targetAreaChains: string[][]): boolean {
  if (isAdmin(principal)) return true;
  return targetAreaChains.some((chain) => hasRoleIn(principal, chain, 'organizer'));
}
