import { ApiError, endpoints } from './api';
import type { Enrolled } from '@tocsin/core/api/auth';
import { createDeviceKey, deleteDeviceKey, loadDeviceKey, signChallenge } from './keys';
import type { LocalStore } from './local-store';
import { createPasskey, assertPasskey } from './passkeys';

/** Joins with an invite and a new device key; the key stays on this device. */
export async function joinWithDeviceKey(store: LocalStore, invite: string): Promise<Enrolled> {
  const key = await createDeviceKey(store);
  try {
    return await endpoints.registerDeviceKey(invite, key.publicKey);
  } catch (error) {
    await deleteDeviceKey(store);
    throw error;
  }
}

/** Joins with an invite and a new passkey. */
export async function joinWithPasskey(invite: string): Promise<Enrolled> {
  const { ceremonyId, options } = await endpoints.passkeyRegisterOptions(invite);
  const response = await createPasskey(options);
  const answer = await endpoints.passkeyRegisterVerify({ ceremonyId, invite, response });
  if (!('recoveryCodes' in answer)) throw new ApiError(500, 'unexpected', 'no member was made');
  return answer;
}

/**
 * Logs in silently with this device's key, if it has one. Returns false when there is no key
 * or the server no longer knows it (the account was recovered on another phone).
 */
export async function loginWithDeviceKey(store: LocalStore): Promise<boolean> {
  const key = await loadDeviceKey(store);
  if (!key) return false;
  const { challenge } = await endpoints.deviceChallenge(key.publicKey);
  const signature = await signChallenge(key, challenge);
  try {
    await endpoints.deviceLogin({ publicKey: key.publicKey, challenge, signature });
    return true;
  } catch (error) {
    if (error instanceof ApiError && error.code === 'login_failed') return false;
    throw error;
  }
}

/** Logs in with a passkey (no user name: the authenticator offers the account). */
export async function loginWithPasskey(): Promise<void> {
  const { ceremonyId, options } = await endpoints.passkeyLoginOptions();
  const response = await assertPasskey(options);
  await endpoints.passkeyLoginVerify({ ceremonyId, response });
}

/**
 * Uses a recovery code with the account's nickname (handle): every other session, device key and passkey of the account ends, and
 * a new key for this device is registered in the same call.
 */
export async function recoverWithCode(
  store: LocalStore,
  handle: string,
  code: string,
): Promise<void> {
  const key = await createDeviceKey(store);
  try {
    await endpoints.recover(handle, code, key.publicKey);
  } catch (error) {
    await deleteDeviceKey(store);
    throw error;
  }
}
