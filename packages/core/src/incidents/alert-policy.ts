import type { IncidentState } from './incident';

/**
 * What a member is told. `reported` goes to staff only (on-shift responders see it as a
 * dispatch); `update` tells whoever heard about an incident that it was merged into another.
 */
export type AlertKind =
  'reported' | 'unconfirmed' | 'confirmed' | 'retraction' | 'all_clear' | 'update';

/** The lowest level a member wants: every corroborated sighting, or only verified ones. */
export type AlertLevel = 'unconfirmed' | 'confirmed';

/** Audiences chosen by where members are: see SubscriptionIndex.targets. */
export type InRangeAudience = 'staff' | 'unconfirmed' | 'everyone';

/** In range, or everyone in the incident's delivery log wherever they are now. */
export type Audience = InRangeAudience | 'delivered';

/** One alert to send for an incident. */
export interface AlertDecision {
  readonly incidentId: string;
  readonly kind: AlertKind;
  readonly audience: Audience;
  /** For `update`: the incident this one now lives on as. */
  readonly mergedInto?: string;
}

/** What an in-range subscriber says about themselves for audience filtering. */
export interface AudienceProfile {
  readonly minLevel: AlertLevel;
  /** A verifier, a dispatcher or an on-shift responder. */
  readonly staff: boolean;
}

/** Member id → alert kinds already delivered for one incident. */
export type DeliveryLog = ReadonlyMap<string, ReadonlySet<AlertKind>>;

/** The alerts a move from `from` (null: just opened) to `to` sends. */
export function alertsFor(
  incidentId: string,
  from: IncidentState | null,
  to: IncidentState,
  mergedInto?: string,
): AlertDecision[] {
  if (from === to) return [];
  const alert = (kind: AlertKind, audience: Audience): AlertDecision => ({
    incidentId,
    kind,
    audience,
  });
  switch (to) {
    case 'reported':
      return [alert('reported', 'staff')];
    case 'corroborated':
      // Opened already corroborated (a trusted reporter): staff still get their dispatch.
      return [
        ...(from === null ? [alert('reported', 'staff')] : []),
        alert('unconfirmed', 'unconfirmed'),
      ];
    case 'confirmed':
      return [alert('confirmed', 'everyone')];
    case 'false_alarm':
      return [alert('retraction', 'delivered')];
    case 'ended':
      return [alert('all_clear', 'delivered')];
    case 'merged':
      return [{ ...alert('update', 'delivered'), ...(mergedInto ? { mergedInto } : {}) }];
  }
}

/** Whether an in-range subscriber belongs to the audience. */
export function audienceIncludes(audience: InRangeAudience, profile: AudienceProfile): boolean {
  switch (audience) {
    case 'staff':
      return profile.staff;
    case 'unconfirmed':
      return profile.minLevel === 'unconfirmed';
    case 'everyone':
      return true;
  }
}

/**
 * Who gets this alert: the in-range audience (already filtered, e.g. by SubscriptionIndex.targets)
 * or, for `delivered`, everyone who received any alert of the incident — minus anyone who already
 * got this kind for this incident, so nobody is told the same thing twice.
 */
export function recipientsFor(
  decision: AlertDecision,
  inRange: ReadonlySet<string>,
  delivered: DeliveryLog,
): Set<string> {
  const pool = decision.audience === 'delivered' ? everDelivered(delivered) : inRange;
  const recipients = new Set<string>();
  for (const id of pool) {
    if (!delivered.get(id)?.has(decision.kind)) recipients.add(id);
  }
  return recipients;
}

/** The delivery log after recording `kind` sent to `recipients`. */
export function recordDelivery(
  delivered: DeliveryLog,
  kind: AlertKind,
  recipients: Iterable<string>,
): Map<string, Set<AlertKind>> {
  const next = new Map([...delivered].map(([id, kinds]) => [id, new Set(kinds)]));
  for (const id of recipients) {
    const kinds = next.get(id);
    if (kinds === undefined) next.set(id, new Set([kind]));
    else kinds.add(kind);
  }
  return next;
}

/**
 * The log the merged-into incident continues with: whoever heard of either incident later gets
 * its retraction or all-clear, and is not told again what they already heard about the other.
 */
export function mergeDeliveryLogs(
  from: DeliveryLog,
  into: DeliveryLog,
): Map<string, Set<AlertKind>> {
  const merged = new Map([...into].map(([id, kinds]) => [id, new Set(kinds)]));
  for (const [id, kinds] of from) {
    // `update` is about the absorbed incident only; the merged one may still send its own.
    const carried = [...kinds].filter((k) => k !== 'update');
    if (carried.length === 0) continue;
    const target = merged.get(id);
    if (target === undefined) merged.set(id, new Set(carried));
    else for (const k of carried) target.add(k);
  }
  return merged;
}

function everDelivered(delivered: DeliveryLog): string[] {
  return [...delivered].filter(([, kinds]) => kinds.size > 0).map(([id]) => id);
}
