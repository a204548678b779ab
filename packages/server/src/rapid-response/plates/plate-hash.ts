import { createHmac, hkdfSync, scrypt } from 'node:crypto';
import type { AppContext } from '../../platform';

// Fixed: the key makes the hash the deployment's own, and lookups need the same hash every time.
const SALT = 'tocsin plate hash v1';

/** scrypt's parameters (the cost) and the plate key. */
export interface PlateHashParams {
  cost: { N: number; r: number; p: number };
  key: Buffer;
}

/**
 * scrypt over an HMAC of a plate's key ("MN:ABC123") under the plate key. Without the key a
 * guess cannot even be started; with it, every guess costs one scrypt. Runs on libuv's thread
 * pool, not the event loop.
 */
export function hashPlateWith(params: PlateHashParams, plateKey: string): Promise<string> {
  const { N, r, p } = params.cost;
  const keyed = createHmac('sha256', params.key).update(`plate\0${plateKey}`).digest();
  return new Promise((resolve, reject) => {
    scrypt(keyed, SALT, 32, { N, r, p, maxmem: 256 * N * r + 1024 * 1024 }, (error, hash) => {
      if (error) reject(error);
      else resolve(hash.toString('base64url'));
    });
  });
}

/** The plate key, or for contexts built by hand without one, a key derived from the server key. */
function plateKeyOf(ctx: AppContext): Buffer {
  return (
    ctx.secrets.plateKey ??
    Buffer.from(hkdfSync('sha256', ctx.secrets.serverKey, SALT, 'plate key', 32))
  );
}

/**
 * The only stored form of a plate (PRODUCTION_PLATE_HASH: 32 MiB and tens of milliseconds of
 * one core each, so a copy of the database and the key still costs that much per guess).
 */
export function hashPlate(ctx: AppContext, plateKey: string): Promise<string> {
  return hashPlateWith({ cost: ctx.config.plateHash, key: plateKeyOf(ctx) }, plateKey);
}

/** The hashes of several plates, in their order (one at a time: each takes 32 MiB). */
export async function hashPlates(ctx: AppContext, keys: readonly string[]): Promise<string[]> {
  const hashes: string[] = [];
  for (const key of keys) hashes.push(await hashPlate(ctx, key));
  return hashes;
}
