import type { DeviceInfo, Principal } from '@tocsin/core';
import { NotFoundError, transact, type AppContext } from '../../platform';
import { revokeAllSessions, revokeSessionsOfCredential, sessionCredential } from '../auth';
import { listDeviceKeys, revokeDeviceKey, revokeDeviceKeys } from './device-auth.repository';
import { deletePasskey, deletePasskeys, listPasskeys } from './passkeys.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const day = (at: Date | null): string | null => (at ? at.toISOString().slice(0, 10) : null);

/**
 * The caller's credentials that can open a session: device keys and passkeys, with the day each
 * was added and last used (days only), and which one this session was opened with.
 */
export async function listDevices(
  ctx: AppContext,
  principal: Principal,
  sessionId: string | null,
): Promise<DeviceInfo[]> {
  const current = sessionId ? await sessionCredential(ctx.db, sessionId) : null;
  const keys = await listDeviceKeys(ctx.db, principal.memberId);
  const passkeys = await listPasskeys(ctx.db, principal.memberId);
  return [
    ...keys.map((k) => ({
      id: k.id,
      kind: 'device_key' as const,
      // The key's first characters: enough to tell two phones apart, nothing more.
      name: `Device key ${k.public_key.slice(0, 6)}`,
      createdDay: day(k.created_at) ?? '',
      lastUsedDay: day(k.last_used_at),
      current: k.id === current,
    })),
    ...passkeys.map((p) => ({
      id: p.id,
      kind: 'passkey' as const,
      name: `Passkey ${p.id.slice(0, 6)}`,
      createdDay: day(p.created_at) ?? '',
      lastUsedDay: day(p.last_used_at),
      current: p.id === current,
    })),
  ];
}

/**
 * Revokes one of the caller's device keys or passkeys and ends every session it opened: a lost
 * or seized phone can no longer log in. Another member's id answers 404 like an unknown one.
 */
export async function revokeDevice(
  ctx: AppContext,
  principal: Principal,
  id: string,
): Promise<void> {
  const now = ctx.clock.now();
  await transact(ctx, async (tx) => {
    // Device key ids are uuids (the column is one); anything else can only be a passkey.
    const revoked =
      (UUID.test(id) && (await revokeDeviceKey(tx, principal.memberId, id, now))) ||
      (await deletePasskey(tx, principal.memberId, id));
    if (!revoked) throw new NotFoundError('No such device');
    await revokeSessionsOfCredential(tx, principal.memberId, id, now);
  });
}

/**
 * "Log out everywhere": every session ends (this one too) and every device key and passkey but
 * the one this session was opened with is revoked, so a seized phone cannot log back in while
 * the caller's own device can.
 */
export async function logOutEverywhere(
  ctx: AppContext,
  principal: Principal,
  sessionId: string | null,
): Promise<void> {
  const now = ctx.clock.now();
  await transact(ctx, async (tx) => {
    const keep = sessionId ? await sessionCredential(tx, sessionId) : null;
    await revokeAllSessions(tx, principal.memberId, now);
    await revokeDeviceKeys(tx, principal.memberId, now, keep);
    await deletePasskeys(tx, principal.memberId, keep);
  });
}
