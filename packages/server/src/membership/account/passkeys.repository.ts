import type { Executor } from '../../platform';

export type CeremonyPurpose = 'passkey_register' | 'passkey_login';

export interface NewPasskey {
  id: string;
  memberId: string;
  /** base64url of the COSE public key. */
  publicKey: string;
  counter: number;
  transports: string[];
  now: Date;
}

export async function insertPasskey(db: Executor, p: NewPasskey): Promise<void> {
  await db
    .insertInto('passkeys')
    .values({
      id: p.id,
      member_id: p.memberId,
      public_key: p.publicKey,
      counter: p.counter,
      transports: JSON.stringify(p.transports),
      created_at: p.now,
    })
    .execute();
}

export async function passkeyExists(db: Executor, id: string): Promise<boolean> {
  const row = await db.selectFrom('passkeys').select('id').where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}

/** A passkey by credential id with its member's standing. */
export function findPasskey(db: Executor, id: string) {
  return db
    .selectFrom('passkeys')
    .innerJoin('members', 'members.id', 'passkeys.member_id')
    .select([
      'passkeys.id',
      'passkeys.member_id',
      'passkeys.public_key',
      'passkeys.counter',
      'passkeys.transports',
      'members.status',
    ])
    .where('passkeys.id', '=', id)
    .executeTakeFirst();
}

/**
 * Records a use: the new signature counter and the time. Only if the counter is still the one
 * the caller verified against, so two logins racing on one counter cannot both pass.
 */
export async function recordPasskeyUse(
  db: Executor,
  u: { id: string; seenCounter: string; newCounter: number; now: Date },
): Promise<boolean> {
  const result = await db
    .updateTable('passkeys')
    .set({ counter: u.newCounter, last_used_at: new Date(u.now.toISOString().slice(0, 10)) })
    .where('id', '=', u.id)
    .where('counter', '=', u.seenCounter)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export function listPasskeys(db: Executor, memberId: string) {
  return db
    .selectFrom('passkeys')
    .select(['id', 'transports', 'created_at', 'last_used_at'])
    .where('member_id', '=', memberId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Deletes one passkey of a member; false when the member has no such passkey. */
export async function deletePasskey(db: Executor, memberId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('passkeys')
    .where('id', '=', id)
    .where('member_id', '=', memberId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Deletes a member's passkeys, all of them or all but `keep`; returns how many. */
export async function deletePasskeys(
  db: Executor,
  memberId: string,
  keep?: string | null,
): Promise<number> {
  let query = db.deleteFrom('passkeys').where('member_id', '=', memberId);
  if (keep) query = query.where('id', '!=', keep);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Uses up a WebAuthn ceremony by its id, whatever the response turns out to be: returns its
 * challenge hash, member and payload only if it was unused and unexpired.
 */
export function consumeCeremony(
  db: Executor,
  c: { ceremonyId: string; purpose: CeremonyPurpose; now: Date },
) {
  return db
    .updateTable('auth_challenges')
    .set({ used_at: c.now })
    .where('subject', '=', c.ceremonyId)
    .where('purpose', '=', c.purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', c.now)
    .returning(['challenge_hash', 'member_id', 'payload'])
    .executeTakeFirst();
}
