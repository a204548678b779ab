import { toBase64Url } from './base64url';
import type { LocalStore, StoredDeviceKey } from './local-store';

const ED25519 = { name: 'Ed25519' } as const;

let support: Promise<boolean> | null = null;

/** Whether this browser can make Ed25519 keys in WebCrypto (Chromium 137+, Firefox, Safari 17+). */
export function deviceKeysSupported(): Promise<boolean> {
  support ??= crypto.subtle
    .generateKey(ED25519, false, ['sign', 'verify'])
    .then(() => true)
    .catch(() => false);
  return support;
}

/** This device's key, if it has one. */
export async function loadDeviceKey(store: LocalStore): Promise<StoredDeviceKey | null> {
  return (await (await store.db()).get('keys', 'device')) ?? null;
}

/**
 * Makes a new Ed25519 key pair whose private half cannot leave the browser (non-extractable)
 * and keeps it in IndexedDB, replacing any previous one.
 */
export async function createDeviceKey(store: LocalStore): Promise<StoredDeviceKey> {
  const keyPair = await crypto.subtle.generateKey(ED25519, false, ['sign', 'verify']);
  const raw = await crypto.subtle.exportKey('raw', keyPair.publicKey);
  const key: StoredDeviceKey = {
    id: 'device',
    keyPair,
    publicKey: toBase64Url(raw),
    createdAt: Date.now(),
  };
  await (await store.db()).put('keys', key);
  return key;
}

/** Forgets the device key (its registration failed, or the account was recovered elsewhere). */
export async function deleteDeviceKey(store: LocalStore): Promise<void> {
  await (await store.db()).delete('keys', 'device');
}

/** Signs the UTF-8 bytes of a server challenge; base64url, as the login call takes it. */
export async function signChallenge(key: StoredDeviceKey, challenge: string): Promise<string> {
  const signature = await crypto.subtle.sign(
    ED25519,
    key.keyPair.privateKey,
    new TextEncoder().encode(challenge),
  );
  return toBase64Url(signature);
}
