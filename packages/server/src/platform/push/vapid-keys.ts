import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import webpush from 'web-push';
import { ConfigError, type TocsinEnv, type VapidKeys } from '../config';

/** Defined with the secrets it is one of (platform/config); named here too for the callers of this file. */
export type { VapidKeys };

const VAPID_FILE = 'vapid.json';

/** A fresh P-256 key pair for signing pushes. */
export function generateVapidKeys(): VapidKeys {
  return webpush.generateVAPIDKeys();
}

/** Whether the strings are a P-256 key pair that belongs together; null when they are, else why. */
export function vapidKeysProblem(keys: VapidKeys): string | null {
  const pub = Buffer.from(keys.publicKey, 'base64url');
  const d = Buffer.from(keys.privateKey, 'base64url');
  if (pub.length !== 65 || pub[0] !== 4) return 'public key: must be a raw P-256 point (65 bytes)';
  if (d.length !== 32) return 'private key: must be a raw P-256 scalar (32 bytes)';
  const jwk = {
    kty: 'EC',
    crv: 'P-256',
    x: pub.subarray(1, 33).toString('base64url'),
    y: pub.subarray(33).toString('base64url'),
  };
  try {
    const message = Buffer.from('tocsin-vapid-check');
    const signature = sign('sha256', message, {
      key: createPrivateKey({ key: { ...jwk, d: keys.privateKey }, format: 'jwk' }),
    });
    const publicKey = createPublicKey({ key: jwk, format: 'jwk' });
    return verify('sha256', message, publicKey, signature) ? null : 'the keys are not a pair';
  } catch {
    return 'the keys are not a P-256 pair';
  }
}

function configError(line: string): ConfigError {
  return new ConfigError(`Invalid configuration:\n  ${line}`);
}

/**
 * The VAPID keys: from TOCSIN_VAPID_PUBLIC_KEY/PRIVATE_KEY (several nodes must share one pair), or
 * from `vapid.json` in the data dir, generated on first start. Changing them orphans every
 * browser subscription, so they are kept like the server key.
 */
export async function loadVapidKeys(env: TocsinEnv, dataDir: string): Promise<VapidKeys> {
  const { TOCSIN_VAPID_PUBLIC_KEY: publicKey, TOCSIN_VAPID_PRIVATE_KEY: privateKey } = env;
  if (publicKey || privateKey) {
    if (!publicKey) throw configError('TOCSIN_VAPID_PUBLIC_KEY: required with the private key');
    if (!privateKey) throw configError('TOCSIN_VAPID_PRIVATE_KEY: required with the public key');
    const problem = vapidKeysProblem({ publicKey, privateKey });
    if (problem) throw configError(`TOCSIN_VAPID_PRIVATE_KEY: ${problem}`);
    return { publicKey, privateKey };
  }
  const file = path.join(dataDir, VAPID_FILE);
  const existing = await readKeysFile(file);
  if (existing) return existing;
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  await writeFile(file, JSON.stringify(generateVapidKeys()), { mode: 0o600, flag: 'wx' }).catch(
    (error: NodeJS.ErrnoException) => {
      // Another node or process created it first: use theirs.
      if (error.code !== 'EEXIST') throw error;
    },
  );
  const created = await readKeysFile(file);
  if (!created) throw configError(`${file}: unreadable VAPID keys`);
  return created;
}

async function readKeysFile(file: string): Promise<VapidKeys | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let keys: Partial<VapidKeys>;
  try {
    keys = JSON.parse(text) as Partial<VapidKeys>;
  } catch {
    throw configError(`${file}: not JSON; remove it to generate new keys`);
  }
  const pair = { publicKey: String(keys.publicKey), privateKey: String(keys.privateKey) };
  const problem = vapidKeysProblem(pair);
  if (problem) throw configError(`${file}: ${problem}`);
  return pair;
}
