import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type MaybeTimestamp = ColumnType<
  Date | null,
  Date | string | null | undefined,
  Date | string | null
>;
type Json = ColumnType<unknown, string, string>;

/** A bulletin post of a body; `auto_*` set for what Tocsin posted by itself. */
export interface BulletinPostsTable {
  id: string;
  body_id: string;
  kind: 'announcement' | 'meeting' | 'decision' | 'event' | 'need';
  title: string;
  text: string;
  audience: 'city' | 'area' | 'body';
  area_id: string | null;
  status: 'pending' | 'published' | 'withdrawn';
  pinned_until: MaybeTimestamp;
  author_id: string | null;
  approved_by: string | null;
  request_id: string | null;
  auto_type: string | null;
  auto_key: string | null;
  ref_id: string | null;
  starts_at: MaybeTimestamp;
  auto_day: string | null;
  auto_count: number | null;
  event_id: string | null;
  created_at: Timestamp;
  published_at: MaybeTimestamp;
}

export interface BulletinFollowsTable {
  member_id: string;
  body_id: string;
  state: 'follow' | 'mute';
}

export interface BulletinSettingsTable {
  member_id: string;
  digest_time: string;
  quiet_start: string | null;
  quiet_end: string | null;
  last_digest_day: string | null;
}

export interface BulletinPushStateTable {
  member_id: string;
  state: Json;
  next_flush_at: MaybeTimestamp;
}

export interface BulletinPushesTable {
  id: Generated<string>;
  member_id: string;
  kind: 'posts' | 'digest' | 'reminder';
  at: Timestamp;
}

export interface EventsTable {
  id: string;
  body_id: string;
  title: string;
  description: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  place: string;
  public_place: string;
  cell: string | null;
  visibility: 'members' | 'public';
  slug: string;
  created_by: string | null;
  request_id: string | null;
  after_action: string | null;
  reminders_sent: ColumnType<string[], string[] | undefined, string[]>;
  created_at: Timestamp;
}

export interface EventRolesTable {
  event_id: string;
  role: string;
  needed: number;
  position: number;
}

export interface EventRsvpsTable {
  event_id: string;
  member_id: string;
  answer: 'going' | 'maybe' | 'no';
  role: string | null;
  listed: ColumnType<boolean, boolean | undefined, boolean>;
  checked_in_at: MaybeTimestamp;
  updated_at: Timestamp;
}

export interface CalendarKeysTable {
  member_id: string;
  nonce: string;
  key_hash: string;
  created_at: Timestamp;
}
