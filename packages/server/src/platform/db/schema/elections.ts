import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type MaybeTimestamp = ColumnType<
  Date | null,
  Date | string | null | undefined,
  Date | string | null
>;
type Json = ColumnType<unknown, string, string>;
type Office = 'delegate' | 'chair' | 'secretary' | 'coordinator';

export interface OfficeHoldersTable {
  id: string;
  body_id: string;
  office: Office;
  member_id: string;
  term_start: Timestamp;
  term_end: Timestamp;
  ended_at: MaybeTimestamp;
  source: 'election' | 'appointment';
  election_id: string | null;
  reminded_at: MaybeTimestamp;
}

export interface ElectionsTable {
  id: string;
  body_id: string;
  kind: 'office' | 'recall';
  office: Office;
  seats: number;
  term_months: number;
  voting_opens_at: Timestamp;
  voting_closes_at: Timestamp;
  recall_of: string | null;
  fills_vacancy_of: string | null;
  public_key: string;
  private_key: string;
  created_by: string | null;
  created_at: Timestamp;
  counted_at: MaybeTimestamp;
  result: ColumnType<unknown, string | null | undefined, string | null>;
  blt: string | null;
}

export interface ElectionNominationsTable {
  id: string;
  election_id: string;
  nominee_id: string;
  nominated_by: string | null;
  statement: string | null;
  accepted_at: MaybeTimestamp;
  created_at: Timestamp;
}

/** The roll side: only that a member got a token. */
export interface ElectionTokensTable {
  election_id: string;
  member_id: string;
}

/** The box: nothing of the voter. `cast_day` is a date (YYYY-MM-DD). */
export interface ElectionBallotsTable {
  id: string;
  election_id: string;
  token_hash: string;
  receipt: string;
  ranking: Json;
  cast_day: ColumnType<Date | string, string, string>;
}

export interface RecallPetitionsTable {
  id: string;
  holder_id: string;
  opened_at: Timestamp;
  closes_at: Timestamp;
  threshold: number;
  state: 'open' | 'voting' | 'lapsed' | 'removed' | 'kept';
  election_id: string | null;
}

export interface RecallSignaturesTable {
  petition_id: string;
  member_id: string;
}

/** A secret vote's key pair on a motion (ADR 0025), made when the chair opens the vote. */
export interface MotionBallotKeysTable {
  motion_id: string;
  public_key: string;
  private_key: string;
}

/** The roll side of a secret vote on a motion: that a member got a token, nothing more. */
export interface MotionTokensTable {
  motion_id: string;
  member_id: string;
}

/** The box of a secret vote on a motion: nothing of the voter, the day only. */
export interface MotionSecretBallotsTable {
  id: string;
  motion_id: string;
  token_hash: string;
  receipt: string;
  choice: 'yes' | 'no' | 'abstain';
  cast_day: ColumnType<Date | string, string, string>;
}
