import { ballotReceipt, fromBase64Url, toBase64Url } from '@tocsin/core/elections/receipt';
import { ApiError } from '../../lib/api';
import { endpoints } from '../../lib/api';

// The voter's side of the secret ballot (ADR 0011, 0013). The phone blinds a random token
// message and has the election's key sign it blinded (a request with the session: the roll
// records that a token was issued); it unblinds the signature, waits a random while, then casts
// the ballot with the token alone on a request with credentials: 'omit' (no cookie, no session,
// no device key), and keeps the receipt to find in the published list.

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

const tokenKey = (electionId: string) => `tocsin.ballot-token.${electionId}`;
const receiptKey = (electionId: string) => `tocsin.ballot-receipt.${electionId}`;

function read<T>(key: string): T | null {
  try {
    const text = localStorage.getItem(key);
    return text ? (JSON.parse(text) as T) : null;
  } catch {
    return null;
  }
}

/** A token got but not yet cast (kept so a reload or a failed send can still cast it). */
export const heldToken = (electionId: string) => read<HeldToken>(tokenKey(electionId));
/** The receipt of my ballot in this election, once cast. */
export const myReceipt = (electionId: string) => read<CastRecord>(receiptKey(electionId));

/** Blinds a fresh token, has it signed (once per member), unblinds and keeps it. */
export async function getToken(
  electionId: string,
  publicKeySpki: string,
  requestId: string,
): Promise<HeldToken> {
  const held = heldToken(electionId);
  if (held) return held;
  const spki = fromBase64Url(publicKeySpki);
  if (!spki) throw new Error('bad election key');
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
  const { blindSignature } = await endpoints.ballotToken(electionId, {
    requestId,
    blindedMessage: toBase64Url(blindedMsg),
  });
  const blindSig = fromBase64Url(blindSignature);
  if (!blindSig) throw new Error('bad blind signature');
  const signature = await s.finalize(publicKey, prepared, blindSig, inv);
  const token = { message: toBase64Url(prepared), signature: toBase64Url(signature) };
  localStorage.setItem(tokenKey(electionId), JSON.stringify(token));
  return token;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A delay drawn uniformly from the range, with the browser's random source. */
export function castDelay(range: { min: number; max: number } = CAST_DELAY_MS): number {
  const [n] = crypto.getRandomValues(new Uint32Array(1));
  return range.min + Math.floor(((n ?? 0) / 2 ** 32) * (range.max - range.min));
}

/**
 * Casts the ballot with the token only, after `delayMs`. The receipt is computed here too and
 * must match the box's answer.
 */
export async function castBallot(
  electionId: string,
  token: HeldToken,
  ranking: string[],
  delayMs: number,
): Promise<CastRecord> {
  await sleep(delayMs);
  const expected = await ballotReceipt(electionId, token.message, ranking);
  let response: Response;
  try {
    response = await fetch(`/api/v1/elections/${encodeURIComponent(electionId)}/ballots`, {
      method: 'POST',
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...token, ranking }),
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
  localStorage.setItem(receiptKey(electionId), JSON.stringify(record));
  localStorage.removeItem(tokenKey(electionId));
  return record;
}
