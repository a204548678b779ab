import { hasRoleIn } from '../identity/roles';
import type { Principal } from '../identity/roles';
import { audienceIncludes, type AlertKind, type Audience } from './alert-policy';
import { isInRange, type Subscription } from './targeting';

/** Who a member is for targeting: their grants and whether they are on shift now. */
export interface StaffProfile {
  readonly principal: Principal;
  readonly onShift: boolean;
}

/**
 * Staff for an incident in this area chain: an active verifier or dispatcher of an area in the
 * chain, or an active responder of one who is on shift. Staff hear `reported` alerts.
 */
export function isStaffFor(member: StaffProfile, chain: readonly string[]): boolean {
  const { principal } = member;
  if (principal.status !== 'active') return false;
  if (hasRoleIn(principal, chain, 'verifier') || hasRoleIn(principal, chain, 'dispatcher')) {
    return true;
  }
  return member.onShift && hasRoleIn(principal, chain, 'responder');
}

/** An alert as targeting sees it: what it says, to whom, and where its incident is. */
export interface TargetedAlert {
  readonly kind: AlertKind;
  readonly audience: Audience;
  readonly location: { readonly lat: number; readonly lng: number };
}

/**
 * Whether an alert is due to a subscriber (whose `staff` is `isStaffFor` the incident's chain),
 * given the kinds they were already told about the incident: never a kind twice; retractions,
 * all-clears and updates to whoever was told anything; any other alert to those in range (an area
 * of the chain, or a disc around a place or the live location) and in its audience. An incident in
 * no area has an empty chain and is in range by discs only.
 */
export function isAlertDue(
  alert: TargetedAlert,
  chain: readonly string[],
  sub: Subscription,
  told: ReadonlySet<AlertKind> | undefined,
): boolean {
  if (told?.has(alert.kind)) return false;
  if (alert.audience === 'delivered') return (told?.size ?? 0) > 0;
  if (!audienceIncludes(alert.audience, sub)) return false;
  const { lat, lng } = alert.location;
  return chain.length === 0
    ? isInRange(sub, lat, lng, null)
    : chain.some((areaId) => isInRange(sub, lat, lng, areaId));
}
