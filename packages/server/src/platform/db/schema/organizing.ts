import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type MaybeTimestamp = ColumnType<
  Date | null,
  Date | string | null | undefined,
  Date | string | null
>;
type Json = ColumnType<unknown, string, string>;

export type BodyKind = 'neighborhood' | 'workplace' | 'working_group' | 'council';

/** A body that meets and decides: one per neighborhood, workplace and working group, one council. */
export interface BodiesTable {
  id: string;
  kind: BodyKind;
  area_id: string | null;
  group_id: string | null;
  chair_id: string | null;
  secretary_id: string | null;
  seconding_required: ColumnType<boolean, boolean | undefined, boolean>;
  /** The council's: delegates' votes weigh as many seats as they hold (issue 17). */
  weighted_votes: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Timestamp;
}

export interface MeetingsTable {
  id: string;
  body_id: string;
  title: string;
  starts_at: Timestamp;
  place: string | null;
  remote: boolean;
  quorum_members: number | null;
  quorum_percent: number | null;
  recurrence: 'weekly' | 'biweekly' | 'monthly' | null;
  previous_id: string | null;
  state: 'scheduled' | 'open' | 'closed';
  code: string | null;
  speaker_order: 'progressive' | 'fifo';
  speaker_seconds: number;
  current_item: number | null;
  created_by: string | null;
  created_at: Timestamp;
  opened_at: MaybeTimestamp;
  closed_at: MaybeTimestamp;
  minutes_markdown: string | null;
  minutes_edited_at: MaybeTimestamp;
  minutes_approved_at: MaybeTimestamp;
  minutes_approved_by: string | null;
}

export interface MeetingAgendaItemsTable {
  id: Generated<string>;
  meeting_id: string;
  position: number;
  title: string;
  minutes: number | null;
  /** A council item a committee's carried motion put there (issue 17). */
  from_body_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface MeetingAttendanceTable {
  meeting_id: string;
  member_id: string;
  remote: boolean;
  checked_in_at: Timestamp;
}

export type SpeakerKindColumn =
  'speak' | 'point_of_order' | 'point_of_information' | 'direct_response';

export interface MeetingSpeakersTable {
  id: string;
  meeting_id: string;
  member_id: string;
  kind: SpeakerKindColumn;
  state: 'waiting' | 'speaking' | 'done' | 'withdrawn';
  requested_at: Timestamp;
  seq: ColumnType<string, never, never>;
  started_at: MaybeTimestamp;
  ended_at: MaybeTimestamp;
}

export type MotionStateColumn =
  'moved' | 'seconded' | 'voting' | 'carried' | 'failed' | 'invalid' | 'withdrawn';

export interface MotionsTable {
  id: string;
  meeting_id: string;
  amends_id: string | null;
  text: string;
  original_text: string;
  mover_id: string | null;
  seconder_id: string | null;
  state: MotionStateColumn;
  agenda_item: number | null;
  moved_at: Timestamp;
  vote_method: 'open' | 'roll_call' | 'secret' | null;
  vote_majority: 'simple' | 'two_thirds' | 'consensus_minus_one' | null;
  vote_opened_at: MaybeTimestamp;
  vote_closed_at: MaybeTimestamp;
  yes: number | null;
  no: number | null;
  abstain: number | null;
  quorate: boolean | null;
}

export interface BallotsTable {
  motion_id: string;
  member_id: string;
  /** Null once an open vote closed: only "voted" remains. */
  choice: 'yes' | 'no' | 'abstain' | null;
  cast_at: Timestamp;
}

export interface DecisionsTable {
  id: string;
  body_id: string;
  meeting_id: string;
  motion_id: string;
  text: string;
  decided_at: Timestamp;
}

export interface ActionItemsTable {
  id: string;
  decision_id: string;
  text: string;
  owner_member_id: string | null;
  owner_group_id: string | null;
  due: string | null;
  status: 'open' | 'done';
  created_at: Timestamp;
}

export interface OrganizingRequestsTable {
  request_id: string;
  member_id: string;
  operation: string;
  status: number;
  response: Json;
  created_at: Timestamp;
}
