import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type MaybeTimestamp = ColumnType<
  Date | null,
  Date | string | null | undefined,
  Date | string | null
>;

export type SessionMethod = 'device_key' | 'passkey' | 'recovery' | 'invite';

/** Sessions are looked up by a keyed hash of the token; the token itself is never stored. */
export interface SessionsTable {
  id: string;
  token_hash: string;
  member_id: string;
  method: SessionMethod;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: MaybeTimestamp;
  /** The device key id or passkey id that opened the session; null for recovery sessions. */
  credential_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface DeviceKeysTable {
  id: string;
  member_id: string;
  /** base64url of the 32-byte raw Ed25519 public key. */
  public_key: string;
  created_at: Timestamp;
  last_used_at: MaybeTimestamp;
  revoked_at: MaybeTimestamp;
}

export interface AuthChallengesTable {
  challenge_hash: string;
  purpose: 'device_login' | 'passkey_register' | 'passkey_login';
  /** What the challenge is for: a device public key, or a WebAuthn ceremony id. */
  subject: string;
  member_id: string | null;
  payload: ColumnType<unknown, string | null, string | null>;
  expires_at: Timestamp;
  used_at: MaybeTimestamp;
}

export interface PasskeysTable {
  /** base64url credential id. */
  id: string;
  member_id: string;
  /** base64url COSE public key. */
  public_key: string;
  counter: ColumnType<string, number | string, number | string>;
  transports: ColumnType<string[], string, string>;
  created_at: Timestamp;
  last_used_at: MaybeTimestamp;
}

export interface RecoveryCodesTable {
  id: string;
  member_id: string;
  code_hash: string;
  created_at: Timestamp;
  used_at: MaybeTimestamp;
}

export type AuthFailureKind = 'recovery_failed' | 'recovery_locked' | 'invite_refused';

/** Failed authentication attempts per day and kind: counts only. */
export interface AuthFailureCountsTable {
  day: ColumnType<string, string, string>;
  kind: AuthFailureKind;
  count: number;
}
