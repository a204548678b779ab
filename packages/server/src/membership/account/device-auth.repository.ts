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

/** Records a use: the day only (UTC midnight), which is all the devices list shows. */
export async function touchDeviceKey(db: Executor, id: string, now: Date): Promise<void> {
  const day = new Date(now.toISOString().slice(0, 10));
  await db.updateTable('device_keys').set({ last_used_at: day }).where('id', '=', id).execute();
}

/** Revokes a member's device keys, all of them or all but `keep`; returns how many. */
export async function revokeDeviceKeys(
  db: Executor,
  memberId: string,
  now: Date,
  keep?: string | null,
): Promise<number> {
  let query = db
    .updateTable('device_keys')
    .set({ revoked_at: now })
    .where('member_id', '=', memberId)
    .where('revoked_at', 'is', null);
  if (keep) query = query.where('id', '!=', keep);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Revokes one of a member's device keys; false when it was not theirs or not active. */
export async function revokeDeviceKey(
  db: Executor,
  memberId: string,
  id: string,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('device_keys')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('member_id', '=', memberId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** A member's active device keys, oldest first. */
export function listDeviceKeys(db: Executor, memberId: string) {
  return db
    .selectFrom('device_keys')
    .select(['id', 'public_key', 'created_at', 'last_used_at'])
    .where('member_id', '=', memberId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at')
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

/** Uses up one of a member's recovery codes; true if it was theirs and unused. */
export async function consumeRecoveryCode(
  db: Executor,
  memberId: string,
  codeHash: string,
  now: Date,
): Promise<boolean> {
  const row = await db
    .updateTable('recovery_codes')
    .set({ used_at: now })
    .where('member_id', '=', memberId)
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .returning(['member_id'])
    .executeTakeFirst();
  return row !== undefined;
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
