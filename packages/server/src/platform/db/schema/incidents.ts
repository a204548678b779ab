import type { ColumnType, Generated } from 'kysely';
import type { AlertKind, IncidentState, MergedSalute } from '@tocsin/core';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type MaybeTimestamp = ColumnType<
  Date | null,
  Date | string | null | undefined,
  Date | string | null
>;
type Json<T> = ColumnType<T, string, string>;
type Day = ColumnType<string, string, string>;

export interface IncidentsTable {
  id: string;
  state: IncidentState;
  area_id: string | null;
  lat: number;
  lng: number;
  coarse_cell: string;
  activity: string | null;
  /** A quick choice's code (core ACTIVITY_CODES); null before codes or when words only. */
  activity_code: ColumnType<string | null, string | null | undefined, string | null>;
  day: Day;
  first_report_at: Timestamp;
  last_report_at: Timestamp;
  last_activity_at: Timestamp;
  corroborated_at: MaybeTimestamp;
  confirmed_at: MaybeTimestamp;
  closed_at: MaybeTimestamp;
  merged_into: string | null;
  trusted_report: Generated<boolean>;
  reporter_count: Generated<number>;
  independent_count: Generated<number>;
  not_seen_count: Generated<number>;
  alerts_delivered: Generated<number>;
  purged_at: MaybeTimestamp;
}

export interface IncidentReportersTable {
  incident_id: string;
  member_id: string;
  sponsor_id: string | null;
  first_at: Timestamp;
}

/** Who confirmed an incident; deleted with the raw reports at retention. */
export interface IncidentConfirmationsTable {
  incident_id: string;
  member_id: string;
  sponsor_id: string | null;
  at: Timestamp;
}

export interface ReportsTable {
  id: string;
  member_id: string;
  incident_id: string;
  received_at: Timestamp;
  observed_at: MaybeTimestamp;
  area_id: string | null;
  salute: ColumnType<MergedSalute | null, string | null, string | null>;
  text: string | null;
  cell: string | null;
  lat: number | null;
  lng: number | null;
  plates: Json<string[]>;
  purged_at: MaybeTimestamp;
}

export interface IncidentTimelineTable {
  id: Generated<string>;
  incident_id: string;
  at: Timestamp;
  kind: string;
  from_state: IncidentState | null;
  to_state: IncidentState;
  actor_role: string;
  note: string | null;
}

export interface AlertsTable {
  id: string;
  seq: Generated<string>;
  incident_id: string;
  kind: AlertKind;
  audience: string;
  created_at: Timestamp;
  body: Json<unknown>;
}

/** The delivery log: one row per alert per write, with every member it went to. */
export interface AlertDeliveriesTable {
  id: Generated<string>;
  alert_id: string;
  member_ids: string[];
  incident_id: string;
  kind: AlertKind;
  seq: ColumnType<string, string | number, string | number>;
  delivered_at: Timestamp;
}

/** Acks of one alert written in one batch (see migration 20261127080000_delivery_batches). */
export interface AlertAcksTable {
  alert_id: string;
  acked_at: Timestamp;
  member_ids: string[];
}

export interface AlertPreferencesTable {
  member_id: string;
  area_ids: Json<string[]>;
  place_cells: Json<string[]>;
  radius_meters: number;
  min_level: 'unconfirmed' | 'confirmed';
  updated_at: Timestamp;
}

export interface ResponderShiftsTable {
  member_id: string;
  on_shift: boolean;
  coarse_cell: string | null;
  updated_at: Timestamp;
}

export type DispatchState =
  'offered' | 'accepted' | 'declined' | 'on_scene' | 'clear' | 'stood_down' | 'expired';

export interface DispatchesTable {
  id: string;
  incident_id: string;
  member_id: string;
  state: DispatchState;
  round: number;
  offered_at: Timestamp;
  responded_at: MaybeTimestamp;
}

/** A plate, known only by its keyed slow hash (`clear` rows: from before, rehashed at start). */
export interface PlatesTable {
  plate_hash: string;
  clear: Generated<boolean>;
  listed_at: MaybeTimestamp;
  last_seen_day: Day;
  expires_at: Timestamp;
}

export interface PlateIncidentsTable {
  plate_hash: string;
  incident_id: string;
  seen_day: Day;
}

/** An approval: the verifier only while the listing is undecided, then an opaque tag alone. */
export interface PlateApprovalsTable {
  plate_hash: string;
  verifier_id: string | null;
  approver_tag: string;
  approved_at: Timestamp;
}

export interface PlateLookupsTable {
  id: Generated<string>;
  member_id: string;
  at: Timestamp;
  listed: boolean;
}

export interface PhotosTable {
  id: string;
  report_id: string;
  member_id: string;
  mime: string;
  width: number;
  height: number;
  bytes: Buffer;
  created_at: Timestamp;
}
