import type { Executor } from '../../platform';

export async function insertDeviceKey(
  db: Executor,
  key: { id: string; memberId: string; publicKey: string; now: Date },
): Promise<void> {
  await db
    .insertInto('device_keys')
    .values({ id: key.id, member_id: key.memberId, public_key: key.publicKey, created_at: key.now })
    .execute();
}

export async function deviceKeyExists(db: Executor, publicKey: string): Promise<boolean> {
  const row = await db
    .selectFrom('device_keys')
    .select('id')
    .where('public_key', '=', publicKey)
    .executeTakeFirst();
  return row !== undefined;
}

/** An active device key with its member's standing. */
export function findDeviceKey(db: Executor, publicKey: string) {
  return db
    .selectFrom('device_keys')
    .innerJoin('members', 'members.id', 'device_keys.member_id')
    .select(['device_keys.id', 'device_keys.member_id', 'members.status'])
    .where('device_keys.public_key', '=', publicKey)
    .where('device_keys.revoked_at', 'is', null)
    .executeTakeFirst();
}

export async function touchDeviceKey(db: Executor, id: string, now: Date): Promise<void> {
  await db.updateTable('device_keys').set({ last_used_at: now }).where('id', '=', id).execute();
}

export async function revokeDeviceKeys(db: Executor, memberId: string, now: Date): Promise<void> {
  await db
    .updateTable('device_keys')
    .set({ revoked_at: now })
    .where('member_id', '=', memberId)
    .where('revoked_at', 'is', null)
    .execute();
}

export async function insertChallenge(
  db: Executor,
  c: {
    hash: string;
    purpose: 'device_login' | 'passkey_register' | 'passkey_login';
    subject: string;
    memberId?: string | null;
    payload?: unknown;
    expiresAt: Date;
  },
): Promise<void> {
  await db
    .insertInto('auth_challenges')
    .values({
      challenge_hash: c.hash,
      purpose: c.purpose,
      subject: c.subject,
      member_id: c.memberId ?? null,
      payload: c.payload === undefined ? null : JSON.stringify(c.payload),
      expires_at: c.expiresAt,
    })
    .execute();
}

/**
 * Uses up a challenge: returns it only if it existed for this purpose and subject, was unused
 * and unexpired; either way it can never be used again.
 */
export async function consumeChallenge(
  db: Executor,
  c: {
    hash: string;
    purpose: 'device_login' | 'passkey_register' | 'passkey_login';
    subject: string;
    now: Date;
  },
) {
  return db
    .updateTable('auth_challenges')
    .set({ used_at: c.now })
    .where('challenge_hash', '=', c.hash)
    .where('purpose', '=', c.purpose)
    .where('subject', '=', c.subject)
    .where('used_at', 'is', null)
    .where('expires_at', '>', c.now)
    .returning(['member_id', 'payload'])
    .executeTakeFirst();
}

export async function deleteExpiredChallenges(db: Executor, now: Date): Promise<void> {
  await db.deleteFrom('auth_challenges').where('expires_at', '<', now).execute();
}

export async function insertRecoveryCodes(
  db: Executor,
  rows: { id: string; memberId: string; codeHash: string; now: Date }[],
): Promise<void> {
  await db
    .insertInto('recovery_codes')
    .values(
      rows.map((r) => ({
        id: r.id,
        member_id: r.memberId,
        code_hash: r.codeHash,
        created_at: r.now,
      })),
    )
    .execute();
}

/** Uses up a recovery code; returns its member if it was valid and unused. */
export function consumeRecoveryCode(db: Executor, codeHash: string, now: Date) {
  return db
    .updateTable('recovery_codes')
    .set({ used_at: now })
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .returning(['member_id'])
    .executeTakeFirst();
}

export async function countUnusedRecoveryCodes(db: Executor, memberId: string): Promise<number> {
  const row = await db
    .selectFrom('recovery_codes')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('member_id', '=', memberId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function deleteRecoveryCodes(db: Executor, memberId: string): Promise<void> {
  await db.deleteFrom('recovery_codes').where('member_id', '=', memberId).execute();
}
