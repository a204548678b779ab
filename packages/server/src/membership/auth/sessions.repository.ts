import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Executor, SessionMethod } from '../../platform';

export interface NewSession {
  id: string;
  tokenHash: string;
  memberId: string;
  method: SessionMethod;
  now: Date;
  expiresAt: Date;
  credentialId?: string | null;
}

export async function insertSession(db: Executor, s: NewSession): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: s.id,
      token_hash: s.tokenHash,
      member_id: s.memberId,
      method: s.method,
      created_at: s.now,
      last_seen_at: s.now,
      expires_at: s.expiresAt,
      credential_id: s.credentialId ?? null,
    })
    .execute();
}

/**
 * The sessions of some token hashes (those that exist) with their members' standing and area
 * roles, in one statement (every API request and every stream hello starts here).
 */
export function findSessionsByHashes(db: Executor, tokenHashes: readonly string[]) {
  return db
    .selectFrom('sessions')
    .innerJoin('members', 'members.id', 'sessions.member_id')
    .select((eb) => [
      'sessions.id',
      'sessions.token_hash',
      'sessions.member_id',
      'sessions.last_seen_at',
      'sessions.expires_at',
      'sessions.revoked_at',
      'members.status',
      'members.sponsor_id',
      jsonArrayFrom(
        eb
          .selectFrom('area_roles')
          .select(['area_roles.area_id as areaId', 'area_roles.role'])
          .whereRef('area_roles.member_id', '=', 'sessions.member_id'),
      ).as('roles'),
    ])
    .where('sessions.token_hash', 'in', tokenHashes)
    .execute();
}

/** Marks sessions as seen now. */
export async function touchSessions(
  db: Executor,
  ids: readonly string[],
  now: Date,
): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: now }).where('id', 'in', ids).execute();
}

export function listActiveSessions(db: Executor, memberId: string, now: Date) {
  return db
    .selectFrom('sessions')
    .select(['id', 'method', 'created_at', 'last_seen_at', 'expires_at'])
    .where('member_id', '=', memberId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('last_seen_at', 'desc')
    .execute();
}

/** Revokes one session of a member; false when there was none to revoke. */
export async function revokeSession(
  db: Executor,
  memberId: string,
  sessionId: string,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('sessions')
    .set({ revoked_at: now })
    .where('id', '=', sessionId)
    .where('member_id', '=', memberId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Revokes every session of a member, except `keep` when given. */
export async function revokeAllSessions(
  db: Executor,
  memberId: string,
  now: Date,
  keep?: string,
): Promise<number> {
  let query = db
    .updateTable('sessions')
    .set({ revoked_at: now })
    .where('member_id', '=', memberId)
    .where('revoked_at', 'is', null);
  if (keep) query = query.where('id', '!=', keep);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The credential (device key or passkey id) a session was opened with, if any. */
export async function sessionCredential(db: Executor, sessionId: string): Promise<string | null> {
  const row = await db
    .selectFrom('sessions')
    .select('credential_id')
    .where('id', '=', sessionId)
    .executeTakeFirst();
  return row?.credential_id ?? null;
}

/** Ends every open session a member opened with one credential. */
export async function revokeSessionsOfCredential(
  db: Executor,
  memberId: string,
  credentialId: string,
  now: Date,
): Promise<number> {
  const result = await db
    .updateTable('sessions')
    .set({ revoked_at: now })
    .where('member_id', '=', memberId)
    .where('credential_id', '=', credentialId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The area roles of some members, each row with its member. */
export function rolesOfMembers(db: Executor, memberIds: readonly string[]) {
  return db
    .selectFrom('area_roles')
    .select(['member_id', 'area_id', 'role'])
    .where('member_id', 'in', memberIds)
    .execute();
}
