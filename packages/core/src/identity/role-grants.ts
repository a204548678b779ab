import { hasRoleIn, isAdmin, type Principal, type Role } from './roles';

/**
 * Roles one person cannot hand out alone: each grant of one of these waits for a second person
 * (another organizer of the area, or an admin) to countersign it.
 */
export const COUNTERSIGNED_ROLES = ['verifier', 'dispatcher', 'organizer', 'admin'] as const;

/** How long a grant waits for its countersign before it lapses. */
export const GRANT_COUNTERSIGN_HOURS = 72;
const GRANT_TTL_MS = GRANT_COUNTERSIGN_HOURS * 3_600_000;

/** A change of one role: granted, or (for admin only) taken away, which also needs two people. */
export type RoleChangeKind = 'grant' | 'revoke';

/**
 * Whether a change waits for a countersign: granting a countersigned role, or taking the admin
 * role from someone else (an admin stepping down decides alone).
 */
export function needsCountersign(
  change: Pick<RoleChange, 'kind' | 'role' | 'granteeId'>,
  granterId: string,
): boolean {
  if (change.kind === 'grant')
    return (COUNTERSIGNED_ROLES as readonly Role[]).includes(change.role);
  return change.role === 'admin' && change.granteeId !== granterId;
}

/** When a grant requested at `requestedAt` (ms) lapses. */
export function grantExpiresAt(requestedAt: number): number {
  return requestedAt + GRANT_TTL_MS;
}

/** A proposed role change as the rule sees it. Times are ms since epoch. */
export interface RoleChange {
  readonly kind: RoleChangeKind;
  readonly role: Role;
  /** The area's chain from itself up to the city. */
  readonly areaChain: readonly string[];
  readonly granteeId: string;
  /** Who invited the grantee; null for the first admins. */
  readonly granteeSponsorId: string | null;
  readonly granterId: string;
  readonly requestedAt: number;
}

/** Why someone may not propose or countersign a change. */
export type GrantRefusal =
  | 'not_active'
  | 'self'
  | 'sponsor'
  | 'granter'
  | 'not_authorized'
  | 'admin_only'
  | 'expired'
  | 'last_admin';

/** Yes, or no with the reason. */
export type GrantVerdict =
  { readonly ok: true } | { readonly ok: false; readonly reason: GrantRefusal };

const YES: GrantVerdict = { ok: true };
const no = (reason: GrantRefusal): GrantVerdict => ({ ok: false, reason });

/** The admin role, given or taken, is an admin's business; any other role an organizer's. */
function mayDecide(who: Principal, change: Pick<RoleChange, 'role' | 'areaChain'>): boolean {
  if (change.role === 'admin') return isAdmin(who);
  return hasRoleIn(who, change.areaChain, 'organizer');
}

/**
 * Whether `granter` may propose the change: an active organizer of the area (an admin for the
 * admin role), never for themselves (stepping down from admin excepted) and never for someone
 * they invited.
 */
export function mayProposeRoleChange(
  granter: Principal,
  change: Omit<RoleChange, 'granterId' | 'requestedAt'>,
): GrantVerdict {
  if (granter.status !== 'active') return no('not_active');
  if (!mayDecide(granter, change))
    return no(change.role === 'admin' ? 'admin_only' : 'not_authorized');
  const stepDown = change.kind === 'revoke' && granter.memberId === change.granteeId;
  if (change.kind === 'grant' && granter.memberId === change.granteeId) return no('self');
  if (!stepDown && change.granteeSponsorId === granter.memberId) return no('sponsor');
  return YES;
}

/**
 * Whether `countersigner` may countersign the change at `now`: an active organizer of the area
 * (an admin for the admin role) who is neither the grantee, nor the grantee's sponsor, nor the
 * one who asked, within GRANT_COUNTERSIGN_HOURS of the request.
 */
export function mayCountersign(
  countersigner: Principal,
  change: RoleChange,
  now: number,
): GrantVerdict {
  if (now >= grantExpiresAt(change.requestedAt)) return no('expired');
  if (countersigner.status !== 'active') return no('not_active');
  if (countersigner.memberId === change.granteeId) return no('self');
  if (countersigner.memberId === change.granterId) return no('granter');
  if (countersigner.memberId === change.granteeSponsorId) return no('sponsor');
  if (!mayDecide(countersigner, change)) {
    return no(change.role === 'admin' ? 'admin_only' : 'not_authorized');
  }
  return YES;
}

/** Who could be a second person in the city: active admins and active organizers. */
export interface Deciders {
  readonly admins: number;
  readonly organizers: number;
}

/**
 * The operator, at the server's console, stands in as the second person only while nobody else
 * could: the city has a single active admin and no active organizer. The usual limits (expiry,
 * no self-grant, no sponsor) still hold for the one who asked.
 */
export function mayOperatorCountersign(
  change: RoleChange,
  deciders: Deciders,
  now: number,
): GrantVerdict {
  if (now >= grantExpiresAt(change.requestedAt)) return no('expired');
  if (deciders.admins !== 1 || deciders.organizers !== 0) return no('not_authorized');
  return YES;
}

/** Taking the admin role from someone must leave the city at least one active admin. */
export function mayLeaveAdmins(
  change: Pick<RoleChange, 'kind' | 'role'>,
  activeAdmins: number,
  granteeIsActiveAdmin: boolean,
): GrantVerdict {
  if (change.kind !== 'revoke' || change.role !== 'admin' || !granteeIsActiveAdmin) return YES;
  return activeAdmins > 1 ? YES : no('last_admin');
}
