import { randomUUID } from 'node:crypto';
import {
  ConflictError,
  audit,
  enqueueEvents,
  transact,
  type AppContext,
  type Executor,
  type Tx,
} from '../../platform';
import { redeemInvite } from '../invites';
import { grantRoles, handleTaken, insertMember, randomHandle } from '../members';
import { keyedHash, openSession, recoveryCode } from '../auth';
import { deleteRecoveryCodes, insertRecoveryCodes } from './device-auth.repository';

const RECOVERY_CODES = 10;

/** A random handle no member has yet. */
export async function uniqueHandle(db: Executor): Promise<string> {
  for (;;) {
    const handle = randomHandle();
    if (!(await handleTaken(db, handle))) return handle;
  }
}

/** Replaces a member's recovery codes with ten new single-use ones, returned once. */
export async function issueRecoveryCodes(
  ctx: AppContext,
  tx: Executor,
  memberId: string,
): Promise<string[]> {
  const now = ctx.clock.now();
  const codes = Array.from({ length: RECOVERY_CODES }, () => recoveryCode());
  await deleteRecoveryCodes(tx, memberId);
  await insertRecoveryCodes(
    tx,
    codes.map((code) => ({
      id: randomUUID(),
      memberId,
      codeHash: keyedHash(ctx.secrets.serverKey, 'recovery', code),
      now,
    })),
  );
  return codes;
}

export interface Enrolled {
  member: { id: string; handle: string };
  token: string;
  sessionId: string;
  recoveryCodes: string[];
}

/**
 * Turns an invite into a member: a random handle, probation under the sponsor (an admin
 * bootstrap invite makes an active admin), the invite's area and role, ten recovery codes and a
 * session. `addCredential` stores the first credential (device key or passkey) in the same
 * transaction, so a failed enrollment leaves the invite unused. `handle` is one picked earlier
 * (a passkey carries it as its user name); it is used unless someone took it in the meantime.
 */
export async function enrollWithInvite(
  ctx: AppContext,
  inviteCode: string,
  method: 'device_key' | 'passkey',
  addCredential: (tx: Tx, memberId: string) => Promise<string>,
  options: { handle?: string } = {},
): Promise<Enrolled> {
  return transact(ctx, async (tx) => {
    const now = ctx.clock.now();
    let handle = '';
    const memberId = randomUUID();
    const invite = await redeemInvite(ctx, tx, inviteCode, async (inv) => {
      handle =
        options.handle && !(await handleTaken(tx, options.handle))
          ? options.handle
          : await uniqueHandle(tx);
      const bootstrapAdmin = inv.sponsorId === null && inv.role === 'admin';
      await insertMember(tx, {
        id: memberId,
        handle,
        status: bootstrapAdmin ? 'active' : 'probation',
        sponsorId: inv.sponsorId,
        now,
      });
      return memberId;
    });
    if (invite.areaId) {
      const roles =
        invite.role && invite.role !== 'member'
          ? (['member', invite.role] as const)
          : (['member'] as const);
      await grantRoles(tx, memberId, invite.areaId, [...roles], invite.sponsorId, now);
    }
    const credentialId = await addCredential(tx, memberId);
    const recoveryCodes = await issueRecoveryCodes(ctx, tx, memberId);
    const { token, sessionId } = await openSession(ctx, tx, memberId, method, credentialId);
    await audit(tx, {
      at: now,
      actorId: memberId,
      action: 'member.joined',
      areaId: invite.areaId,
      targetId: invite.inviteId,
      details: { sponsorId: invite.sponsorId, role: invite.role },
    });
    await enqueueEvents(
      ctx,
      tx,
      [{ name: 'member.joined', payload: { memberId, sponsorId: invite.sponsorId } }],
      now,
    );
    return { member: { id: memberId, handle }, token, sessionId, recoveryCodes };
  });
}

/** Guards a credential insert against a key that is already registered. */
export function credentialConflict(): ConflictError {
  return new ConflictError('credential_taken', 'This key is already registered');
}
