import type { ColumnType, Generated } from 'kysely';
import type { AidCategory, AidOutcome, AidState, AidUrgency, DoorOutcome } from '@tocsin/core';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type MaybeTimestamp = ColumnType<
  Date | null,
  Date | string | null | undefined,
  Date | string | null
>;
/** A calendar day, read as 'YYYY-MM-DD'. */
type Day = ColumnType<string, string, string>;
type MaybeDay = ColumnType<string | null, string | null | undefined, string | null>;
type Json = ColumnType<unknown, string, string>;

/** A turf: a set of block-sized H3 cells in an area, assigned to a pair for a day. */
export interface TurfsTable {
  id: string;
  area_id: string;
  name: string;
  day: Day;
  created_by: string | null;
  created_at: Timestamp;
}

export interface TurfCellsTable {
  turf_id: string;
  cell: string;
}

export interface TurfAssigneesTable {
  turf_id: string;
  member_id: string;
}

/** Doors knocked, as counts per (turf, cell, outcome): no resident data at all. */
export interface CanvassCountsTable {
  turf_id: string;
  cell: string;
  outcome: DoorOutcome;
  doors: number;
}

/** A door note for the canvassing group: no author, deleted after noteDays. */
export interface CanvassNotesTable {
  id: string;
  turf_id: string;
  cell: string;
  note: string;
  written_on: Day;
}

/** A door id already counted (an offline phone retries); holds no cell and no outcome. */
export interface CanvassReceiptsTable {
  id: string;
  turf_id: string;
  member_id: string | null;
  invite_code: string | null;
  invite_url: string | null;
  invite_expires_at: MaybeTimestamp;
  aid_request_id: string | null;
  received_at: Timestamp;
}

export interface AidRequestsTable {
  id: string;
  area_id: string;
  category: AidCategory;
  urgency: AidUrgency;
  description: string | null;
  auto_match: boolean;
  on_behalf: boolean;
  requester_id: string | null;
  state: AidState;
  outcome: AidOutcome | null;
  created_at: Timestamp;
  closed_at: MaybeTimestamp;
  purged_at: MaybeTimestamp;
}

export interface AidOffersTable {
  id: string;
  member_id: string;
  area_id: string;
  category: AidCategory;
  availability: string;
  until: MaybeDay;
  created_at: Timestamp;
  withdrawn_at: MaybeTimestamp;
}

export interface AidTakesTable {
  id: string;
  request_id: string;
  volunteer_id: string;
  created_at: Timestamp;
}

export interface AidMatchesTable {
  id: string;
  request_id: string;
  volunteer_id: string | null;
  automatic: boolean;
  created_at: Timestamp;
}

export interface AidMessagesTable {
  id: string;
  /** Order of writing (several messages can share a millisecond). */
  seq: Generated<string>;
  match_id: string;
  author_id: string | null;
  body: string;
  created_at: Timestamp;
}

export interface AidReceiptsTable {
  request_id: string;
  member_id: string;
  operation: string;
  status: number | null;
  response: Json | null;
  created_at: Timestamp;
}
