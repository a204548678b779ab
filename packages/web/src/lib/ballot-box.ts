import { fromBase64Url, toBase64Url } from '@tocsin/core/elections/receipt';
import { ApiError } from './api';

// The voter's side of a secret ballot box (ADR 0011, 0013, 0025), for elections and for secret
// votes on motions. The phone blinds a random token message and has the box's key sign it blinded
// (a request with the session: the roll records that a token was issued); it unblinds the
// signature, waits a random while, then casts the ballot with the token alone on a request with
// credentials: 'omit' (no cookie, no session, no device key), and keeps the receipt to find in the
// published list. Imported only by lazy screens.

/** The blind-RSA library is loaded when the member votes, not with the page (its big numbers are heavy). */
const suite = async () => (await import('@cloudflare/blindrsa-ts')).RSABSSA.SHA384.PSS.Randomized();
const KEY_ALGORITHM = { name: 'RSA-PSS', hash: 'SHA-384' } as const;

/** The random wait before casting: the box must not see the ballot right after the token. */
export const CAST_DELAY_MS = { min: 2_000, max: 12_000 } as const;

export interface HeldToken {
  message: string;
  signature: string;
}

export interface CastRecord {
  receipt: string;
  day: string;
}

/** Where one box's token (until cast) and receipt (once cast) are kept on this phone. */
export interface BoxStorage {
  token: string;
  receipt: string;
}

function read<T>(key: string): T | null {
  try {
    const text = localStorage.getItem(key);
    return text ? (JSON.parse(text) as T) : null;
  } catch {
    return null;
  }
}

/** A token got but not yet cast (kept so a reload or a failed send can still cast it). */
export const readToken = (storage: BoxStorage) => read<HeldToken>(storage.token);
/** The receipt of my ballot in this box, once cast. */
export const readReceipt = (storage: BoxStorage) => read<CastRecord>(storage.receipt);

/** Blinds a fresh token, has it signed by `sign` (once per voter), unblinds and keeps it. */
export async function obtainToken(
  storage: BoxStorage,
  publicKeySpki: string,
  sign: (blindedMessage: string) => Promise<{ blindSignature: string }>,
): Promise<HeldToken> {
  const held = readToken(storage);
  if (held) return held;
  const spki = fromBase64Url(publicKeySpki);
  if (!spki) throw new Error('bad ballot box key');
  const publicKey = await crypto.subtle.importKey(
    'spki',
    new Uint8Array(spki),
    KEY_ALGORITHM,
    true,
    ['verify'],
  );
  const s = await suite();
  const prepared = s.prepare(crypto.getRandomValues(new Uint8Array(32)));
  const { blindedMsg, inv } = await s.blind(publicKey, prepared);
  const { blindSignature } = await sign(toBase64Url(blindedMsg));
  const blindSig = fromBase64Url(blindSignature);
  if (!blindSig) throw new Error('bad blind signature');
  const signature = await s.finalize(publicKey, prepared, blindSig, inv);
  const token = { message: toBase64Url(prepared), signature: toBase64Url(signature) };
  localStorage.setItem(storage.token, JSON.stringify(token));
  return token;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A delay drawn uniformly from the range, with the browser's random source. */
export function castDelay(range: { min: number; max: number } = CAST_DELAY_MS): number {
  const [n] = crypto.getRandomValues(new Uint32Array(1));
  return range.min + Math.floor(((n ?? 0) / 2 ** 32) * (range.max - range.min));
}

/**
 * Casts the ballot (`body`, the token added) to the box at `url` with no credentials, after
 * `delayMs`. The box's receipt must equal `expected`, computed here from the ballot.
 */
export async function castToBox(
  url: string,
  storage: BoxStorage,
  token: HeldToken,
  body: object,
  expected: string,
  delayMs: number,
): Promise<CastRecord> {
  await sleep(delayMs);
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...token, ...body }),
    });
  } catch {
    throw new ApiError(0, 'network', 'The server could not be reached');
  }
  const payload = (await response.json().catch(() => null)) as
    | { receipt: string; day: string }
    | { error: { code: string; message: string; details?: unknown } }
    | null;
  if (!response.ok || !payload || 'error' in payload) {
    const error = payload && 'error' in payload ? payload.error : null;
    throw new ApiError(
      response.status,
      error?.code ?? `http_${response.status}`,
      error?.message ?? response.statusText,
      error?.details,
    );
  }
  if (payload.receipt !== expected) throw new Error('the receipt does not match the ballot');
  const record = { receipt: payload.receipt, day: payload.day };
  localStorage.setItem(storage.receipt, JSON.stringify(record));
  localStorage.removeItem(storage.token);
  return record;
}
