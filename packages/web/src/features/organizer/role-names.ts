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
