import type {
  AuthChallengesTable,
  AuthFailureCountsTable,
  DeviceKeysTable,
  PasskeysTable,
  RecoveryCodesTable,
  SessionsTable,
} from './auth';
import type {
  CouncilMandatesTable,
  CouncilRatificationsTable,
  CouncilSeatsView,
  RatificationAnswersTable,
} from './council';
import type { AreaCellsTable, AreasTable, CityTable } from './city';
import type {
  AreaRolesTable,
  AuditLogTable,
  InvitesTable,
  MembersTable,
  RoleGrantsTable,
  VouchesTable,
  WorkingGroupMembersTable,
  WorkingGroupsTable,
} from './members';
import type {
  AlertAcksTable,
  AlertDeliveriesTable,
  AlertPreferencesTable,
  AlertsTable,
  DispatchesTable,
  IncidentConfirmationsTable,
  IncidentReportersTable,
  IncidentsTable,
  IncidentTimelineTable,
  PhotosTable,
  PlateApprovalsTable,
  PlateIncidentsTable,
  PlateLookupsTable,
  PlatesTable,
  ReportsTable,
  ResponderShiftsTable,
} from './incidents';
import type {
  ActionItemsTable,
  BallotsTable,
  BodiesTable,
  DecisionsTable,
  MeetingAgendaItemsTable,
  MeetingAttendanceTable,
  MeetingSpeakersTable,
  MeetingsTable,
  MotionsTable,
  OrganizingRequestsTable,
} from './organizing';
import type {
  ElectionBallotsTable,
  ElectionNominationsTable,
  ElectionsTable,
  ElectionTokensTable,
  MotionBallotKeysTable,
  MotionSecretBallotsTable,
  MotionTokensTable,
  OfficeHoldersTable,
  RecallPetitionsTable,
  RecallSignaturesTable,
} from './elections';
import type {
  AidMatchesTable,
  AidMessagesTable,
  AidOffersTable,
  AidReceiptsTable,
  AidRequestsTable,
  AidTakesTable,
  CanvassCountsTable,
  CanvassNotesTable,
  CanvassReceiptsTable,
  TurfAssigneesTable,
  TurfCellsTable,
  TurfsTable,
} from './community';
import type {
  BulletinFollowsTable,
  BulletinPostsTable,
  BulletinPushesTable,
  BulletinPushStateTable,
  BulletinSettingsTable,
  CalendarKeysTable,
  EventRolesTable,
  EventRsvpsTable,
  EventsTable,
} from './bulletin';
import type { OutboxTable } from './outbox';
import type {
  CampaignPledgesTable,
  CampaignPublicationsTable,
  CampaignsTable,
  CampaignWorkplacesTable,
  WorkplaceMembersTable,
  WorkplacesTable,
  WorkplaceUnitsTable,
} from './pledges';
import type { PushDeliveriesTable, PushSubscriptionsTable } from './push';

/** Every table Tocsin has; each lives in a file under schema/. */
export interface Database {
  outbox: OutboxTable;
  city: CityTable;
  areas: AreasTable;
  area_cells: AreaCellsTable;
  members: MembersTable;
  area_roles: AreaRolesTable;
  role_grants: RoleGrantsTable;
  invites: InvitesTable;
  vouches: VouchesTable;
  working_groups: WorkingGroupsTable;
  working_group_members: WorkingGroupMembersTable;
  audit_log: AuditLogTable;
  sessions: SessionsTable;
  device_keys: DeviceKeysTable;
  auth_challenges: AuthChallengesTable;
  passkeys: PasskeysTable;
  recovery_codes: RecoveryCodesTable;
  auth_failure_counts: AuthFailureCountsTable;
  incidents: IncidentsTable;
  incident_reporters: IncidentReportersTable;
  incident_confirmations: IncidentConfirmationsTable;
  reports: ReportsTable;
  incident_timeline: IncidentTimelineTable;
  alerts: AlertsTable;
  alert_deliveries: AlertDeliveriesTable;
  alert_acks: AlertAcksTable;
  alert_preferences: AlertPreferencesTable;
  responder_shifts: ResponderShiftsTable;
  dispatches: DispatchesTable;
  plates: PlatesTable;
  plate_incidents: PlateIncidentsTable;
  plate_approvals: PlateApprovalsTable;
  plate_lookups: PlateLookupsTable;
  photos: PhotosTable;
  push_subscriptions: PushSubscriptionsTable;
  push_deliveries: PushDeliveriesTable;
  bodies: BodiesTable;
  meetings: MeetingsTable;
  meeting_agenda_items: MeetingAgendaItemsTable;
  meeting_attendance: MeetingAttendanceTable;
  meeting_speakers: MeetingSpeakersTable;
  motions: MotionsTable;
  ballots: BallotsTable;
  decisions: DecisionsTable;
  action_items: ActionItemsTable;
  organizing_requests: OrganizingRequestsTable;
  workplaces: WorkplacesTable;
  workplace_units: WorkplaceUnitsTable;
  workplace_members: WorkplaceMembersTable;
  campaigns: CampaignsTable;
  campaign_workplaces: CampaignWorkplacesTable;
  campaign_pledges: CampaignPledgesTable;
  campaign_publications: CampaignPublicationsTable;
  office_holders: OfficeHoldersTable;
  council_seats: CouncilSeatsView;
  council_mandates: CouncilMandatesTable;
  council_ratifications: CouncilRatificationsTable;
  ratification_answers: RatificationAnswersTable;
  elections: ElectionsTable;
  election_nominations: ElectionNominationsTable;
  election_tokens: ElectionTokensTable;
  election_ballots: ElectionBallotsTable;
  motion_ballot_keys: MotionBallotKeysTable;
  motion_tokens: MotionTokensTable;
  motion_secret_ballots: MotionSecretBallotsTable;
  recall_petitions: RecallPetitionsTable;
  recall_signatures: RecallSignaturesTable;
  turfs: TurfsTable;
  turf_cells: TurfCellsTable;
  turf_assignees: TurfAssigneesTable;
  canvass_counts: CanvassCountsTable;
  canvass_notes: CanvassNotesTable;
  canvass_receipts: CanvassReceiptsTable;
  aid_requests: AidRequestsTable;
  aid_offers: AidOffersTable;
  aid_takes: AidTakesTable;
  aid_matches: AidMatchesTable;
  aid_messages: AidMessagesTable;
  aid_receipts: AidReceiptsTable;
  bulletin_posts: BulletinPostsTable;
  bulletin_follows: BulletinFollowsTable;
  bulletin_settings: BulletinSettingsTable;
  bulletin_push_state: BulletinPushStateTable;
  bulletin_pushes: BulletinPushesTable;
  events: EventsTable;
  event_roles: EventRolesTable;
  event_rsvps: EventRsvpsTable;
  calendar_keys: CalendarKeysTable;
}
