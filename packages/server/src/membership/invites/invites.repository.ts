import type { Executor, Role } from '../../platform';

export interface NewInvite {
  id: string;
  codeHash: string;
  sponsorId: string | null;
  areaId: string | null;
  role: Role | null;
  now: Date;
  expiresAt: Date;
  /** How many people may join with it (1: the single-use invite). */
  maxUses?: number;
  label?: string | null;
}

export async function insertInvite(db: Executor, invite: NewInvite): Promise<void> {
  await db
    .insertInto('invites')
    .values({
      id: invite.id,
      code_hash: invite.codeHash,
      sponsor_id: invite.sponsorId,
      area_id: invite.areaId,
      role: invite.role,
      created_at: invite.now,
      expires_at: invite.expiresAt,
      max_uses: invite.maxUses ?? 1,
      label: invite.label ?? null,
    })
    .execute();
}

/** Invites a sponsor created since `since`, oldest first (for the rolling quota). */
export function invitesCreatedSince(db: Executor, sponsorId: string, since: Date) {
  return db
    .selectFrom('invites')
    .select(['created_at'])
    .where('sponsor_id', '=', sponsorId)
    .where('created_at', '>', since)
    .orderBy('created_at')
    .execute();
}

/** Locks an invite by its code hash for redemption. */
export function findInviteForUpdate(db: Executor, codeHash: string) {
  return db
    .selectFrom('invites')
    .selectAll()
    .where('code_hash', '=', codeHash)
    .forUpdate()
    .executeTakeFirst();
}

/**
 * Counts one use of an invite (locked by the caller). The last use closes it (`used_at`); a
 * single-use invite keeps who used it, a meeting invite keeps only the count.
 */
export async function recordInviteUse(
  db: Executor,
  invite: { id: string; use_count: number; max_uses: number },
  memberId: string,
  now: Date,
): Promise<void> {
  const count = invite.use_count + 1;
  const last = count >= invite.max_uses;
  await db
    .updateTable('invites')
    .set({
      use_count: count,
      ...(last ? { used_at: now } : {}),
      ...(invite.max_uses === 1 ? { used_by: memberId } : {}),
    })
    .where('id', '=', invite.id)
    .execute();
}

export function listInvitesBySponsor(db: Executor, sponsorId: string) {
  return db
    .selectFrom('invites')
    .select([
      'id',
      'area_id',
      'role',
      'created_at',
      'expires_at',
      'used_at',
      'revoked_at',
      'max_uses',
      'use_count',
      'label',
    ])
    .where('sponsor_id', '=', sponsorId)
    .orderBy('created_at', 'desc')
    .limit(100)
    .execute();
}

export async function revokeInvite(
  db: Executor,
  id: string,
  sponsorId: string,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('invites')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('sponsor_id', '=', sponsorId)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Revokes every unused invite of a sponsor (on suspension). */
export async function revokeUnusedInvites(
  db: Executor,
  sponsorId: string,
  now: Date,
): Promise<number> {
  const result = await db
    .updateTable('invites')
    .set({ revoked_at: now })
    .where('sponsor_id', '=', sponsorId)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Revokes outstanding bootstrap invites (no sponsor, admin role) before printing a new one. */
export async function revokeBootstrapInvites(db: Executor, now: Date): Promise<void> {
  await db
    .updateTable('invites')
    .set({ revoked_at: now })
    .where('sponsor_id', 'is', null)
    .where('role', '=', 'admin')
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Whether any member holds the admin role, suspended or not. */
export async function adminExists(db: Executor): Promise<boolean> {
  const row = await db
    .selectFrom('area_roles')
    .select('member_id')
    .where('role', '=', 'admin')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
