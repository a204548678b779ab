import { randomUUID, type KeyObject } from 'node:crypto';
import type { Principal } from '@tocsin/core';
import {
  AppError,
  RateLimitedError,
  ValidationError,
  transact,
  type AppContext,
} from '../../platform';
import {
  countAuthFailure,
  keyedHash,
  normalizeRecoveryCode,
  openSession,
  parseEd25519PublicKey,
  randomToken,
  revokeAllSessions,
  verifyEd25519,
} from '../auth';
import {
  consumeChallenge,
  consumeRecoveryCode,
  countUnusedRecoveryCodes,
  deleteExpiredChallenges,
  deviceKeyExists,
  findDeviceKey,
  insertChallenge,
  insertDeviceKey,
  revokeDeviceKeys,
  touchDeviceKey,
} from './device-auth.repository';
import { credentialConflict, enrollWithInvite, type Enrolled } from './enrollment.service';
import { findMemberByHandle } from '../members';
import { deletePasskeys } from './passkeys.repository';
import { recoveryLockout } from './recovery-lockout';

export const CHALLENGE_TTL_MS = 2 * 60_000;

function requireKey(publicKey: string): KeyObject {
  const key = parseEd25519PublicKey(publicKey);
  if (!key) {
    throw new ValidationError('publicKey: not a base64url raw 32-byte Ed25519 public key', [
      { path: 'publicKey', message: 'not a base64url raw 32-byte Ed25519 public key' },
    ]);
  }
  return key;
}

/** One answer for every failed login, so a failure tells nothing about which part was wrong. */
export class LoginFailedError extends AppError {
  constructor() {
    super(401, 'login_failed', 'Login failed');
  }
}

/** `POST /auth/device/register`: an invite and a device public key make a new member. */
export async function registerDeviceKey(
  ctx: AppContext,
  invite: string,
  publicKey: string,
): Promise<Enrolled> {
  requireKey(publicKey);
  return enrollWithInvite(ctx, invite, 'device_key', async (tx, memberId) => {
    if (await deviceKeyExists(tx, publicKey)) throw credentialConflict();
    const id = randomUUID();
    await insertDeviceKey(tx, { id, memberId, publicKey, now: ctx.clock.now() });
    return id;
  });
}

/**
 * A single-use login challenge for a device key, valid for two minutes. Unknown keys get a
 * challenge too, made and stored the same way, so the answer does not tell who is registered.
 */
export async function createDeviceChallenge(ctx: AppContext, publicKey: string): Promise<string> {
  requireKey(publicKey);
  const now = ctx.clock.now();
  const challenge = randomToken(32);
  await deleteExpiredChallenges(ctx.db, now);
  await insertChallenge(ctx.db, {
    hash: keyedHash(ctx.secrets.serverKey, 'challenge', challenge),
    purpose: 'device_login',
    subject: publicKey,
    expiresAt: new Date(now.getTime() + CHALLENGE_TTL_MS),
  });
  return challenge;
}

/** `POST /auth/device/login`: a signature over the challenge opens a session. */
export async function loginWithDeviceKey(
  ctx: AppContext,
  input: { publicKey: string; challenge: string; signature: string },
): Promise<{ token: string; sessionId: string }> {
  const key = parseEd25519PublicKey(input.publicKey);
  if (!key) throw new LoginFailedError();
  return transact(ctx, async (tx) => {
    const now = ctx.clock.now();
    // Used up first, whatever follows: a challenge is good for one attempt.
    const challenge = await consumeChallenge(tx, {
      hash: keyedHash(ctx.secrets.serverKey, 'challenge', input.challenge),
      purpose: 'device_login',
      subject: input.publicKey,
      now,
    });
    const device = await findDeviceKey(tx, input.publicKey);
    const valid =
      challenge !== undefined &&
      device !== undefined &&
      device.status !== 'suspended' &&
      verifyEd25519(key, input.challenge, input.signature);
    if (!valid || !device) return Promise.reject(new LoginFailedError());
    await touchDeviceKey(tx, device.id, now);
    return openSession(ctx, tx, device.member_id, 'device_key', device.id);
  }).catch(async (error: unknown) => {
    if (!(error instanceof LoginFailedError)) throw error;
    // The challenge must stay used even though the login failed: consume it outside the
    // rolled-back transaction.
    await consumeChallenge(ctx.db, {
      hash: keyedHash(ctx.secrets.serverKey, 'challenge', input.challenge),
      purpose: 'device_login',
      subject: input.publicKey,
      now: ctx.clock.now(),
    });
    throw error;
  });
}

/** Adds another device key to the caller's account. */
export async function addDeviceKey(
  ctx: AppContext,
  principal: Principal,
  publicKey: string,
): Promise<void> {
  requireKey(publicKey);
  await transact(ctx, async (tx) => {
    if (await deviceKeyExists(tx, publicKey)) throw credentialConflict();
    await insertDeviceKey(tx, {
      id: randomUUID(),
      memberId: principal.memberId,
      publicKey,
      now: ctx.clock.now(),
    });
  });
}

/** One answer for every failed recovery: unknown handle, wrong code or used code alike. */
export class RecoveryFailedError extends AppError {
  constructor() {
    super(401, 'recovery_failed', 'Recovery failed');
  }
}

/**
 * A recovery code restores access when a phone is lost or seized: it names the account (its
 * handle) and one of its unused codes. It opens a new session, ends every other session and
 * retires every device key and passkey (a seized phone's key must stop working); a new device
 * key can be registered in the same call. Each client address gets 5 failures an hour on an
 * account, then a lock-out that grows (core's lockoutWaitMs; see RecoveryLockout for why per
 * address); every failure is counted (a number per day, nothing else).
 */
export async function recoverAccount(
  ctx: AppContext,
  input: { handle: string; code: string; publicKey?: string | undefined },
  addressKey: string,
): Promise<{
  token: string;
  sessionId: string;
  member: { id: string; handle: string };
  recoveryCodesLeft: number;
}> {
  if (input.publicKey) requireKey(input.publicKey);
  const now = ctx.clock.now();
  const member = await findMemberByHandle(ctx.db, input.handle.trim().toLowerCase());
  if (!member) {
    await countAuthFailure(ctx.db, 'recovery_failed', now);
    throw new RecoveryFailedError();
  }
  const lockout = recoveryLockout(ctx);
  const wait = lockout.waitMs(addressKey, member.id);
  if (wait !== null) {
    await countAuthFailure(ctx.db, 'recovery_locked', now);
    throw new RateLimitedError(
      'recovery_locked',
      'Too many failed recovery attempts for this account; try again later',
      wait / 1000,
    );
  }
  try {
    const recovered = await transact(ctx, async (tx) => {
      const code = normalizeRecoveryCode(input.code);
      const used = await consumeRecoveryCode(
        tx,
        member.id,
        keyedHash(ctx.secrets.serverKey, 'recovery', code),
        now,
      );
      if (!used || member.status === 'suspended') throw new RecoveryFailedError();
      await revokeAllSessions(tx, member.id, now);
      await revokeDeviceKeys(tx, member.id, now);
      await deletePasskeys(tx, member.id);
      let credentialId: string | null = null;
      if (input.publicKey) {
        if (await deviceKeyExists(tx, input.publicKey)) throw credentialConflict();
        credentialId = randomUUID();
        await insertDeviceKey(tx, {
          id: credentialId,
          memberId: member.id,
          publicKey: input.publicKey,
          now,
        });
      }
      const session = await openSession(ctx, tx, member.id, 'recovery', credentialId);
      return {
        ...session,
        member: { id: member.id, handle: member.handle },
        recoveryCodesLeft: await countUnusedRecoveryCodes(tx, member.id),
      };
    });
    lockout.clear(addressKey, member.id);
    return recovered;
  } catch (error) {
    if (error instanceof RecoveryFailedError) {
      lockout.fail(addressKey, member.id);
      await countAuthFailure(ctx.db, 'recovery_failed', now);
    }
    throw error;
  }
}
