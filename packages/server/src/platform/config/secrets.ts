import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError } from './config';
import type { TocsinEnv } from './env';

/** The VAPID key pair (RFC 8292), base64url: a raw P-256 point (65 bytes) and scalar (32). */
export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

export interface TocsinSecrets {
  /** Server key for keyed hashes (tokens, invite codes, plate audit) — 32 bytes. */
  serverKey: Buffer;
  /** Web push signing keys (loadVapidKeys); without them push is off (contexts built by hand). */
  vapid?: VapidKeys;
}

const SECRET_FILE = 'server.key';

/**
 * Reads the server key from TOCSIN_SECRET (base64url, ≥ 32 bytes) or from the data dir, creating
 * a random one on first start so a zero-config install is still keyed; several nodes must share it.
 */
export async function envToSecrets(env: TocsinEnv, dataDir: string): Promise<TocsinSecrets> {
  if (env.TOCSIN_SECRET) {
    const key = Buffer.from(env.TOCSIN_SECRET, 'base64url');
    if (key.length < 32) {
      throw new ConfigError(
        'Invalid configuration:\n  TOCSIN_SECRET: must be at least 32 bytes, base64url-encoded',
      );
    }
    return { serverKey: key };
  }
  const file = path.join(dataDir, SECRET_FILE);
  try {
    const existing = Buffer.from((await readFile(file, 'utf8')).trim(), 'base64url');
    if (existing.length >= 32) return { serverKey: existing };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = randomBytes(32);
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  await writeFile(file, key.toString('base64url'), { mode: 0o600, flag: 'wx' }).catch(
    async (error: NodeJS.ErrnoException) => {
      // Another node or process created it first: use theirs.
      if (error.code !== 'EEXIST') throw error;
    },
  );
  return { serverKey: Buffer.from((await readFile(file, 'utf8')).trim(), 'base64url') };
}
