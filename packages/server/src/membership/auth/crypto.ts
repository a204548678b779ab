import {
  createHmac,
  createPublicKey,
  randomBytes,
  randomInt,
  verify,
  type KeyObject,
} from 'node:crypto';

/** A random secret as base64url; 32 bytes = 256 bits unless told otherwise. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/**
 * The stored form of a token, code or key: an HMAC under the server key, so a copy of the
 * database alone cannot be used to log in or to test guesses offline. `purpose` separates uses.
 */
export function keyedHash(serverKey: Buffer, purpose: string, value: string): string {
  return createHmac('sha256', serverKey).update(`${purpose}\0${value}`).digest('base64url');
}

// DER prefix of an SPKI-wrapped Ed25519 public key; the raw 32 bytes follow it.
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** Parses base64url of a raw 32-byte Ed25519 public key; null when it is not one. */
export function parseEd25519PublicKey(base64url: string): KeyObject | null {
  if (!/^[A-Za-z0-9_-]{43}$/.test(base64url)) return null;
  const raw = Buffer.from(base64url, 'base64url');
  if (raw.length !== 32) return null;
  try {
    return createPublicKey({
      key: Buffer.concat([ED25519_SPKI_PREFIX, raw]),
      format: 'der',
      type: 'spki',
    });
  } catch {
    return null;
  }
}

/** Verifies an Ed25519 signature (base64url) over the UTF-8 bytes of `message`. */
export function verifyEd25519(key: KeyObject, message: string, signature: string): boolean {
  if (!/^[A-Za-z0-9_-]{86}$/.test(signature)) return false;
  try {
    return verify(null, Buffer.from(message, 'utf8'), key, Buffer.from(signature, 'base64url'));
  } catch {
    return false;
  }
}

// Crockford base32 without I, L, O, U: easy to copy by hand from a screen or paper.
const RECOVERY_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A recovery code like `7KQ2-MXW4-PD9T-R3HE`: 16 characters of 32, 80 random bits. Codes made
 * before issue 14 have 10 characters (50 bits); they still work, tried only against their own
 * handle (see normalizeRecoveryCode and docs/SECURITY-REPORT.md).
 */
export function recoveryCode(): string {
  let code = '';
  for (let i = 0; i < 16; i++) {
    if (i > 0 && i % 4 === 0) code += '-';
    code += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
  }
  return code;
}

/**
 * Normalizes a typed recovery code: case, spaces and dashes do not matter; I/L→1, O→0. Gives
 * the stored form: 16 characters in groups of four, or an older 10-character code as 5-5.
 */
export function normalizeRecoveryCode(input: string): string {
  const clean = input.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  if (clean.length === 16) return clean.match(/.{4}/g)?.join('-') ?? clean;
  return clean.length === 10 ? `${clean.slice(0, 5)}-${clean.slice(5)}` : clean;
}
