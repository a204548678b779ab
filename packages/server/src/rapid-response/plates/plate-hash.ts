import { createHmac, hkdfSync, scrypt } from 'node:crypto';
import type { AppContext } from '../../platform';

// Fixed: the key makes the hash the deployment's own, and lookups need the same hash every time.
const SALT = 'tocsin plate hash v1';

/** The plate key, or for contexts built by hand without one, a key derived from the server key. */
function plateKeyOf(ctx: AppContext): Buffer {
  return (
    ctx.secrets.plateKey ??
    Buffer.from(hkdfSync('sha256', ctx.secrets.serverKey, SALT, 'plate key', 32))
  );
}

/**
 * The only stored form of a plate: scrypt over an HMAC of its key ("MN:ABC123") under the plate
 * key. Without the key a guess cannot even be started; with it, every guess costs one scrypt
 * (32 MiB, tens of milliseconds: PRODUCTION_PLATE_HASH). Runs on libuv's thread pool, not the
 * event loop.
 */
export function hashPlate(ctx: AppContext, key: string): Promise<string> {
  const { N, r, p } = ctx.config.plateHash;
  const keyed = createHmac('sha256', plateKeyOf(ctx)).update(`plate\0${key}`).digest();
  return new Promise((resolve, reject) => {
    scrypt(keyed, SALT, 32, { N, r, p, maxmem: 256 * N * r + 1024 * 1024 }, (error, hash) => {
      if (error) reject(error);
      else resolve(hash.toString('base64url'));
    });
  });
}

/** The hashes of several plates, in their order (one at a time: each takes 32 MiB). */
export async function hashPlates(ctx: AppContext, keys: readonly string[]): Promise<string[]> {
  const hashes: string[] = [];
  for (const key of keys) hashes.push(await hashPlate(ctx, key));
  return hashes;
}
