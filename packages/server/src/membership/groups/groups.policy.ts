import type { Principal } from '@tocsin/core';
import { canOrganize } from '../areas';

/**
 * Who is in a group is seen only by its own members and the organizers of its area: there is no
 * member directory, handles are seen only in shared contexts.
 */
export function canSeeGroupMembers(
  principal: Principal,
  areaChain: string[],
  isGroupMember: boolean,
): boolean {
  return isGroupMember || canOrganize(principal, areaChain);
}
