import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type MaybeTimestamp = ColumnType<
  Date | null,
  Date | string | null | undefined,
  Date | string | null
>;

/** The view of the seated delegates (migration 20261206110000_council); read only. */
export interface CouncilSeatsView {
  holder_id: string;
  body_id: string;
  member_id: string;
  term_end: Date;
  source: 'election' | 'appointment';
  /** 1-based seat of the body, in order of the term's start. */
  seat: number;
  /** How many seats the body holds now. */
  seats: number;
}

export interface CouncilMandatesTable {
  body_id: string;
  item_id: string;
  meeting_id: string;
  position: 'for' | 'against' | 'abstain' | 'free';
  note: string | null;
  motion_id: string;
  set_at: Timestamp;
}

export interface CouncilRatificationsTable {
  decision_id: string;
  share_percent: number | null;
  state: 'pending' | 'ratified' | 'rejected';
  created_at: Timestamp;
  settled_at: MaybeTimestamp;
}

export interface RatificationAnswersTable {
  decision_id: string;
  body_id: string;
  ratify: boolean | null;
  motion_id: string | null;
  answered_at: MaybeTimestamp;
}
