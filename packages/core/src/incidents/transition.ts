import type { AlertDecision } from './alert-policy';
import type { Incident, IncidentState, MemberRole } from './incident';

/** What happened, for the incident's timeline. */
export type TimelineKind =
  | 'opened'
  | 'report'
  | 'confirmed'
  | 'not_seen'
  | 'false_alarm'
  | 'all_clear'
  | 'auto_end'
  | 'merged_into'
  | 'absorbed';

/** A role, or the server itself for automatic steps. */
export type TimelineRole = MemberRole | 'system';

/** One timeline line. It names a role, never a member: the timeline is shown to many and subpoenable. */
export interface TimelineEntry {
  readonly at: number;
  readonly kind: TimelineKind;
  /** Null when the entry opened the incident. */
  readonly from: IncidentState | null;
  readonly to: IncidentState;
  readonly actorRole: TimelineRole;
}

/** The incident after an event, the lines to add to its timeline and the alerts to send. */
export interface Transition {
  readonly incident: Incident;
  readonly timeline: readonly TimelineEntry[];
  readonly alerts: readonly AlertDecision[];
}

/** Why an event was refused. */
export type IncidentErrorCode = 'incident_closed' | 'role_not_allowed' | 'same_incident';

/** A refused event, returned rather than thrown: refusals are expected (races, stale screens). */
export interface IncidentError {
  readonly code: IncidentErrorCode;
  readonly state: IncidentState;
  readonly message: string;
}

/** Success with a value, or a typed refusal. */
export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: IncidentError };

/** Wrap a success. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Wrap a refusal. */
export function refuse<T>(
  code: IncidentErrorCode,
  state: IncidentState,
  message: string,
): Result<T> {
  return { ok: false, error: { code, state, message } };
}
