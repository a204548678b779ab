import type { Role } from '@tocsin/core/identity/roles';

/** The roles an organizer hands out in an area, in the order they are shown. */
export const GRANTABLE_ROLES = [
  'member',
  'responder',
  'verifier',
  'dispatcher',
  'organizer',
] as const;

export const ROLE_ORDER: readonly Role[] = [...GRANTABLE_ROLES, 'admin'];

/**
 * The roles an invite may carry: verifier, dispatcher, organizer and admin are never invited
 * into, they wait for a second person's countersign (the inviter, as sponsor, may not ask).
 */
export const INVITABLE_ROLES = ['member', 'responder'] as const;
