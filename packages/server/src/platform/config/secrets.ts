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
  /** Server key for keyed hashes (tokens, invite codes) — 32 bytes. */
  serverKey: Buffer;
  /**
   * Key of the plate hash (≥ 32 bytes). Absent only in contexts built by hand (tests, benches),
   * which then derive one from the server key.
   */
  plateKey?: Buffer;
  /** The file the plate key was read from; null when it came from TOCSIN_PLATE_KEY. */
  plateKeyFile?: string | null;
  /** Web push signing keys (loadVapidKeys); without them push is off (contexts built by hand). */
  vapid?: VapidKeys;
}

const SECRET_FILE = 'server.key';

function parseKey(variable: string, value: string): Buffer {
  const key = Buffer.from(value, 'base64url');
  if (key.length < 32) {
    throw new ConfigError(
      `Invalid configuration:\n  ${variable}: must be at least 32 bytes, base64url-encoded`,
    );
  }
  return key;
}

/** Reads a base64url key from `file`, creating a random one (0600) when there is none. */
async function loadOrCreateKey(file: string): Promise<Buffer> {
  try {
    const existing = Buffer.from((await readFile(file, 'utf8')).trim(), 'base64url');
    if (existing.length >= 32) return existing;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  await writeFile(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' }).catch(
    async (error: NodeJS.ErrnoException) => {
      // Another node or process created it first: use theirs.
      if (error.code !== 'EEXIST') throw error;
    },
  );
  return Buffer.from((await readFile(file, 'utf8')).trim(), 'base64url');
}

/**
 * Reads the server key from TOCSIN_SECRET (base64url, ≥ 32 bytes) or from the data dir, and the
 * plate key from TOCSIN_PLATE_KEY or its key file, creating random ones on first start so a
 * zero-config install is still keyed; several nodes must share both.
 */
export async function envToSecrets(
  env: TocsinEnv,
  dataDir: string,
  plateKeyFile: string = path.join(dataDir, 'plate.key'),
): Promise<TocsinSecrets> {
  const serverKey = env.TOCSIN_SECRET
    ? parseKey('TOCSIN_SECRET', env.TOCSIN_SECRET)
    : await loadOrCreateKey(path.join(dataDir, SECRET_FILE));
  if (env.TOCSIN_PLATE_KEY) {
    return {
      serverKey,
      plateKey: parseKey('TOCSIN_PLATE_KEY', env.TOCSIN_PLATE_KEY),
      plateKeyFile: null,
    };
  }
  return { serverKey, plateKey: await loadOrCreateKey(plateKeyFile), plateKeyFile };
}

/**
 * Whether a plate key file sits where a seizure of the data would find it too: inside the data
 * dir, or beside it in the same folder.
 */
export function isPlateKeyCoLocated(plateKeyFile: string, dataDir: string): boolean {
  const file = path.resolve(plateKeyFile);
  const data = path.resolve(dataDir);
  const inside =
    !path.relative(data, file).startsWith('..') && !path.isAbsolute(path.relative(data, file));
  return inside || path.dirname(file) === path.dirname(data);
}
