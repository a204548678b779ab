/**
 * Where an incident stands. `reported`, `corroborated` and `confirmed` are open (reports can join
 * them); `false_alarm`, `ended` and `merged` are terminal: nothing moves an incident out of them,
 * and a new sighting nearby opens a new incident that must be corroborated afresh.
 */
export type IncidentState =
  'reported' | 'corroborated' | 'confirmed' | 'false_alarm' | 'ended' | 'merged';

/** The states a report can join and a verifier can act on. */
export const OPEN_STATES = ['reported', 'corroborated', 'confirmed'] as const;

/** One of the open states. */
export type OpenState = (typeof OPEN_STATES)[number];

/** True while reports can still join the incident. */
export function isOpen(state: IncidentState): state is OpenState {
  return (OPEN_STATES as readonly IncidentState[]).includes(state);
}

/** How far an open state has gone towards reaching everyone in range. */
export function openRank(state: OpenState): number {
  return OPEN_STATES.indexOf(state);
}

/** A member's role in the network, as the server resolved it for this action. */
export type MemberRole = 'member' | 'verifier' | 'dispatcher' | 'responder' | 'admin';

/** Who acted. Identity stays in the incident's state; only `role` reaches the timeline. */
export interface Actor {
  readonly memberId: string;
  readonly role: MemberRole;
  /** Only meaningful for responders: on shift they are trusted reporters and get dispatches. */
  readonly onShift: boolean;
}

/** An actor who may confirm: independence needs to know who invited them. */
export interface Verifier extends Actor {
  /** Null for members nobody invited (the first admins). */
  readonly sponsorId: string | null;
}

/** A reporter as far as independence goes: who vouched for them. */
export interface Reporter {
  readonly memberId: string;
  /** Null for members nobody invited (the first admins). */
  readonly sponsorId: string | null;
  /**
   * False while the member is on probation (not yet vouched for by a second member) or
   * suspended: the report stays on the incident but does not count toward corroboration, so
   * accounts an infiltrator invites cannot corroborate each other. Absent counts as vouched.
   */
  readonly vouched?: boolean;
}

/** A report joining an incident; `at` is when the server accepted it (ms since epoch). */
export interface IncidentReport extends Actor, Reporter {
  readonly at: number;
}

/** An incident's state as the pure rules see it. All times are ms since epoch. */
export interface Incident {
  readonly id: string;
  readonly state: IncidentState;
  /** The first report's location. It never moves, so reports cannot drag an alert across town. */
  readonly lat: number;
  readonly lng: number;
  readonly areaId: string | null;
  readonly firstReportAt: number;
  readonly lastReportAt: number;
  /** Last report, confirmation or merge; the quiet period for auto-end counts from here. */
  readonly lastActivityAt: number;
  /** Distinct reporters, in the order they first reported. */
  readonly reporters: readonly Reporter[];
  /** A verifier or an on-shift responder reported, which corroborates on its own. */
  readonly trustedReport: boolean;
  readonly notSeenCount: number;
  /**
   * Who recorded `confirmed`, in order. The incident is confirmed once two of them are
   * independent of each other and of every reporter (countIndependentConfirmers).
   */
  readonly confirmers: readonly Reporter[];
  /** When it first reached general members (corroborated, or confirmed directly). */
  readonly corroboratedAt: number | null;
  readonly confirmedAt: number | null;
  /** When it entered a terminal state. */
  readonly closedAt: number | null;
  readonly mergedInto: string | null;
}
