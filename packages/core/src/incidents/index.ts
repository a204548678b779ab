export type {
  AlertDecision,
  AlertKind,
  AlertLevel,
  Audience,
  AudienceProfile,
  DeliveryLog,
  InRangeAudience,
} from './alert-policy';
export {
  alertsFor,
  audienceIncludes,
  mergeDeliveryLogs,
  recipientsFor,
  recordDelivery,
} from './alert-policy';
export type { IntakeLocks, OpenIncidentSummary, ReportPoint } from './cluster';
export {
  candidateCells,
  chooseIncident,
  CLUSTER_RES,
  incidentCell,
  intakeLockRes,
  intakeLocks,
} from './cluster';
export type {
  Actor,
  Incident,
  IncidentReport,
  IncidentState,
  MemberRole,
  OpenState,
  Reporter,
  Verifier,
} from './incident';
export { isOpen, OPEN_STATES, openRank } from './incident';
export type { CardFate, NearbyCandidate, Ranked, Reference } from './nearby';
export { cardFate, nearestActive, RETIRED_CARD_MS, takesOver, TAKEOVER_METERS } from './nearby';
export type { Disclosure, DisclosureViewer } from './disclosure';
export { incidentDisclosure, RETRACTED_STATES } from './disclosure';
export {
  areIndependent,
  countCorroboratingReporters,
  countIndependentConfirmers,
  countIndependentReporters,
} from './independence';
export type { PlateApprover } from './plate-approvers';
export { countListingApprovals } from './plate-approvers';
export {
  CONFIRMATIONS_NEEDED,
  isConfirmedBy,
  isCorroborated,
  isStaff,
  isTrustedReporter,
  mayEnd,
  mayMerge,
  mayVerify,
} from './roles';
export type { ClusterSettings, EngineSettings } from './settings';
export {
  DEFAULT_QUIET_MINUTES,
  DEFAULT_RADIUS_METERS,
  DEFAULT_SETTINGS,
  DEFAULT_WINDOW_MINUTES,
  engineSettingsSchema,
} from './settings';
export type { IncidentOrigin, MergeTransition, VerificationOutcome } from './state-machine';
export {
  applyEnd,
  applyMerge,
  applyReport,
  applyVerification,
  openIncident,
  shouldAutoEnd,
} from './state-machine';
export type { AreaStats, IncidentSummary } from './stats';
export { median, statsByArea } from './stats';
export type { AreaSeries, DatedIncident } from './stats-series';
export { statsSeries, windowDays } from './stats-series';
export { SubscriptionIndex } from './subscription-index';
export type { Disc, Subscription } from './targeting';
export {
  discCells,
  discResolution,
  inDisc,
  interestDiscs,
  isInRange,
  MAX_ALERT_RADIUS_METERS,
  placeDisc,
} from './targeting';
export type {
  IncidentError,
  IncidentErrorCode,
  Result,
  TimelineEntry,
  TimelineKind,
  TimelineRole,
  Transition,
} from './transition';
export type { StaffProfile, TargetedAlert } from './recipients';
export { isAlertDue, isStaffFor } from './recipients';
export type { ManualDispatch } from './dispatch-desk';
export {
  dispatcherAreas,
  isDispatcherFor,
  isOpenDispatch,
  manualDispatch,
  OPEN_DISPATCH_STATES,
} from './dispatch-desk';
