import { belongsTo, hasRoleIn, type Principal } from '@tocsin/core';
import type { AreaKind } from '../../platform';

// Chains run from the area itself up to the city: chain[0] is the area.

/**
 * Whether the principal takes part in an area. In the city and its neighborhoods any role here or
 * above counts (a city member belongs to every neighborhood). A workplace needs a role in the
 * workplace itself, or organizer above it: anyone can join the city or a neighborhood, and that
 * must not reveal where people organize at work.
 */
export function belongsToArea(principal: Principal, kind: AreaKind, chain: string[]): boolean {
  if (kind !== 'workplace') return belongsTo(principal, chain);
  return belongsTo(principal, chain.slice(0, 1)) || hasRoleIn(principal, chain, 'organizer');
}

/** The city and neighborhoods are public to members; a workplace only to those who belong. */
export function canSeeArea(principal: Principal, kind: AreaKind, chain: string[]): boolean {
  return kind !== 'workplace' || belongsToArea(principal, kind, chain);
}

/** An organizer of the area or of an area above it, or an admin. */
export function canOrganize(principal: Principal, chain: string[]): boolean {
  return hasRoleIn(principal, chain, 'organizer');
}

/** Workplaces are joined only by an organizer's grant; the city and neighborhoods by anyone. */
export function canSelfJoin(kind: AreaKind): boolean {
  return kind !== 'workplace';
}

/** Workplaces hang under the city or a neighborhood, never under another workplace. */
export function canHoldWorkplace(kind: AreaKind): boolean {
  return kind !== 'workplace';
}
