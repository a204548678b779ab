import { alertsFor } from './alert-policy';
import type {
  Actor,
  Incident,
  IncidentReport,
  IncidentState,
  OpenState,
  Reporter,
  Verifier,
} from './incident';
import { isOpen, OPEN_STATES, openRank } from './incident';
import {
  isConfirmedBy,
  isCorroborated,
  isTrustedReporter,
  mayEnd,
  mayMerge,
  mayVerify,
} from './roles';
import { DEFAULT_QUIET_MINUTES, MINUTE_MS } from './settings';
import type { Result, TimelineEntry, TimelineKind, TimelineRole, Transition } from './transition';
import { ok, refuse } from './transition';

/** What a verifier found on the ground. */
export type VerificationOutcome = 'confirmed' | 'false_alarm' | 'not_seen';

/** Where a new incident is and what it is called. */
export interface IncidentOrigin {
  readonly id: string;
  readonly lat: number;
  readonly lng: number;
  readonly areaId: string | null;
}

/** Open an incident from its first report (already corroborated when the reporter is trusted). */
export function openIncident(origin: IncidentOrigin, report: IncidentReport): Transition {
  const trustedReport = isTrustedReporter(report);
  const state: OpenState = trustedReport ? 'corroborated' : 'reported';
  const incident: Incident = {
    ...origin,
    state,
    firstReportAt: report.at,
    lastReportAt: report.at,
    lastActivityAt: report.at,
    reporters: [reporterOf(report)],
    trustedReport,
    notSeenCount: 0,
    confirmers: [],
    corroboratedAt: trustedReport ? report.at : null,
    confirmedAt: null,
    closedAt: null,
    mergedInto: null,
  };
  return step(null, incident, entry(report.at, 'opened', null, state, report.role));
}

/** Add a report; the same member counts once, and it may corroborate a `reported` incident. */
export function applyReport(incident: Incident, report: IncidentReport): Result<Transition> {
  if (!isOpen(incident.state)) return closed(incident, 'a report cannot join');
  const known = incident.reporters.some((r) => r.memberId === report.memberId);
  const reporters = known ? incident.reporters : [...incident.reporters, reporterOf(report)];
  const trustedReport = incident.trustedReport || isTrustedReporter(report);
  const state = promote(incident.state, reporters, trustedReport);
  const next: Incident = {
    ...incident,
    state,
    reporters,
    trustedReport,
    firstReportAt: Math.min(incident.firstReportAt, report.at),
    lastReportAt: Math.max(incident.lastReportAt, report.at),
    lastActivityAt: Math.max(incident.lastActivityAt, report.at),
    corroboratedAt: reached(incident.corroboratedAt, state !== 'reported', report.at),
  };
  return ok(
    step(incident.state, next, entry(report.at, 'report', incident.state, state, report.role)),
  );
}

/**
 * Record a verifier's finding. `confirmed` counts as activity and adds the actor to the
 * confirmers: the incident is confirmed once two confirmers are independent of each other and of
 * every reporter (isConfirmedBy); until then one confirmation corroborates, like a trusted
 * report; `false_alarm` retracts; `not_seen` changes no state and sends nothing — one verifier
 * missing a moving operation does not disprove independent sightings — but it is on the timeline,
 * counted in `notSeenCount`, and deliberately not activity, so an incident only checked on and
 * never seen again still ends after the quiet period.
 */
export function applyVerification(
  incident: Incident,
  outcome: VerificationOutcome,
  actor: Verifier,
  at: number,
): Result<Transition> {
  if (!mayVerify(actor)) return forbidden(incident, actor, 'verify');
  if (!isOpen(incident.state)) return closed(incident, 'it cannot be verified');
  const from = incident.state;
  switch (outcome) {
    case 'confirmed': {
      const confirmers = withConfirmer(incident.confirmers, actor);
      const state: OpenState =
        from === 'confirmed' || isConfirmedBy(confirmers, incident.reporters)
          ? 'confirmed'
          : 'corroborated';
      const next: Incident = {
        ...incident,
        state,
        confirmers,
        lastActivityAt: Math.max(incident.lastActivityAt, at),
        corroboratedAt: incident.corroboratedAt ?? at,
        confirmedAt: reached(incident.confirmedAt, state === 'confirmed', at),
      };
      return ok(step(from, next, entry(at, 'confirmed', from, state, actor.role)));
    }
    case 'false_alarm': {
      const next: Incident = { ...incident, state: 'false_alarm', closedAt: at };
      return ok(step(from, next, entry(at, 'false_alarm', from, 'false_alarm', actor.role)));
    }
    case 'not_seen': {
      const next: Incident = { ...incident, notSeenCount: incident.notSeenCount + 1 };
      return ok(step(from, next, entry(at, 'not_seen', from, from, actor.role)));
    }
  }
}

/** End an open incident: an all clear from staff, or 'auto' once shouldAutoEnd says it has been quiet. */
export function applyEnd(incident: Incident, by: Actor | 'auto', at: number): Result<Transition> {
  if (by !== 'auto' && !mayEnd(by)) return forbidden(incident, by, 'end');
  if (!isOpen(incident.state)) return closed(incident, 'it cannot end again');
  const kind: TimelineKind = by === 'auto' ? 'auto_end' : 'all_clear';
  const next: Incident = { ...incident, state: 'ended', closedAt: at };
  return ok(step(incident.state, next, entry(at, kind, incident.state, 'ended', roleOf(by))));
}

/** True when an open incident has had no report, confirmation or merge for `quietMinutes`. */
export function shouldAutoEnd(
  incident: Incident,
  now: number,
  quietMinutes: number = DEFAULT_QUIET_MINUTES,
): boolean {
  return isOpen(incident.state) && now - incident.lastActivityAt >= quietMinutes * MINUTE_MS;
}

/** The result of merging: the absorbed incident (now `merged`) and the one that lives on. */
export interface MergeTransition {
  readonly from: Transition;
  readonly into: Transition;
}

/**
 * Merge `from` into `into` (both open). `into` keeps its id and anchor, gains `from`'s reporters
 * and never loses ground: it takes the further of the two states, and may become corroborated by
 * the union. `from` ends as `merged` and sends `update` to whoever heard of it; the server then
 * merges the delivery logs (mergeDeliveryLogs) so later retractions and all-clears reach them.
 */
export function applyMerge(
  from: Incident,
  into: Incident,
  by: Actor | 'auto',
  at: number,
): Result<MergeTransition> {
  if (by !== 'auto' && !mayMerge(by)) return forbidden(into, by, 'merge');
  if (from.id === into.id)
    return refuse('same_incident', into.state, 'an incident cannot merge into itself');
  if (!isOpen(from.state)) return closed(from, 'it cannot be merged');
  if (!isOpen(into.state)) return closed(into, 'nothing can merge into it');
  const known = new Set(into.reporters.map((r) => r.memberId));
  const reporters = [...into.reporters, ...from.reporters.filter((r) => !known.has(r.memberId))];
  const trustedReport = into.trustedReport || from.trustedReport;
  const confirmers = from.confirmers.reduce(withConfirmer, into.confirmers);
  const further = OPEN_STATES[Math.max(openRank(from.state), openRank(into.state))] ?? into.state;
  const promoted = promote(further, reporters, trustedReport);
  const state: OpenState = isConfirmedBy(confirmers, reporters) ? 'confirmed' : promoted;
  const merged: Incident = {
    ...into,
    state,
    reporters,
    confirmers,
    trustedReport,
    notSeenCount: into.notSeenCount + from.notSeenCount,
    firstReportAt: Math.min(into.firstReportAt, from.firstReportAt),
    lastReportAt: Math.max(into.lastReportAt, from.lastReportAt),
    lastActivityAt: Math.max(into.lastActivityAt, from.lastActivityAt, at),
    corroboratedAt: reached(
      earliest(into.corroboratedAt, from.corroboratedAt),
      state !== 'reported',
      at,
    ),
    confirmedAt: reached(earliest(into.confirmedAt, from.confirmedAt), state === 'confirmed', at),
  };
  const absorbed: Incident = { ...from, state: 'merged', closedAt: at, mergedInto: into.id };
  const role = roleOf(by);
  return ok({
    from: {
      incident: absorbed,
      timeline: [entry(at, 'merged_into', from.state, 'merged', role)],
      alerts: alertsFor(from.id, from.state, 'merged', into.id),
    },
    into: step(into.state, merged, entry(at, 'absorbed', into.state, state, role)),
  });
}

function promote(state: OpenState, reporters: readonly Reporter[], trusted: boolean): OpenState {
  return state === 'reported' && isCorroborated(reporters, trusted) ? 'corroborated' : state;
}

function withConfirmer(confirmers: readonly Reporter[], who: Reporter): readonly Reporter[] {
  if (confirmers.some((c) => c.memberId === who.memberId)) return confirmers;
  return [...confirmers, { memberId: who.memberId, sponsorId: who.sponsorId }];
}

function reached(when: number | null, now: boolean, at: number): number | null {
  return when ?? (now ? at : null);
}

function earliest(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  return b === null ? a : Math.min(a, b);
}

function reporterOf(report: IncidentReport): Reporter {
  return {
    memberId: report.memberId,
    sponsorId: report.sponsorId,
    ...(report.vouched === undefined ? {} : { vouched: report.vouched }),
  };
}

function roleOf(by: Actor | 'auto'): TimelineRole {
  return by === 'auto' ? 'system' : by.role;
}

function entry(
  at: number,
  kind: TimelineKind,
  from: IncidentState | null,
  to: IncidentState,
  actorRole: TimelineRole,
): TimelineEntry {
  return { at, kind, from, to, actorRole };
}

function step(from: IncidentState | null, incident: Incident, line: TimelineEntry): Transition {
  return { incident, timeline: [line], alerts: alertsFor(incident.id, from, incident.state) };
}

function closed<T>(incident: Incident, what: string): Result<T> {
  return refuse('incident_closed', incident.state, `incident is ${incident.state}; ${what}`);
}

function forbidden<T>(incident: Incident, actor: Actor, action: string): Result<T> {
  return refuse(
    'role_not_allowed',
    incident.state,
    `role ${actor.role} may not ${action} incidents`,
  );
}
