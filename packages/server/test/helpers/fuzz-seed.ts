import { randomInt } from 'node:crypto';

/** Set to the seed a failing run named, to generate the same inputs again. */
export const FUZZ_SEED_ENV = 'TOCSIN_FUZZ_SEED';

const INT32 = 2 ** 31;

/**
 * The seed of a test's random inputs: TOCSIN_FUZZ_SEED when it is set, a new one otherwise. Pass
 * it to fast-check (`seed`) and name it in every assertion message (`replayWith`), so that a
 * failing run says how to make the same inputs again.
 */
export function fuzzSeed(): number {
  const set = process.env[FUZZ_SEED_ENV]?.trim();
  if (!set) return randomInt(-INT32, INT32);
  const seed = Number(set);
  if (!Number.isInteger(seed) || seed < -INT32 || seed >= INT32) {
    throw new Error(`${FUZZ_SEED_ENV} must be a 32-bit integer, not ${JSON.stringify(set)}`);
  }
  return seed;
}

/** What to set to run the same inputs again, for assertion messages. */
export function replayWith(seed: number): string {
  return `${FUZZ_SEED_ENV}=${seed}`;
}
