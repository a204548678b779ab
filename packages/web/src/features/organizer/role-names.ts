import type { Role } from '../../lib/api';

/** The roles an organizer hands out in an area, in the order they are shown. */
export const GRANTABLE_ROLES = [
  'member',
  'responder',
  'verifier',
  'dispatcher',
  'organizer',
] as const;

export const ROLE_ORDER: readonly Role[] = [...GRANTABLE_ROLES, 'admin'];
