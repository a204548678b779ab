import { webcrypto } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import {
  fromBase64Url,
  generateElectionKey,
  signBlinded,
  tokenHash,
  toBase64Url,
  verifyToken,
} from '@tocsin/core';
import type { AppContext } from './context';
import { vacuumFull } from './db';
import { AppError, ValidationError } from './errors';

// The secret ballot box's server side (ADR 0011, 0013, 0025), shared by elections and secret votes
// on motions: the box's RSA key pair (RFC 9474 RSABSSA-SHA384-PSS-Randomized) as stored (SPKI and
// PKCS#8, base64url), blind-signing a voter's token, checking a token at the box, and the hook
// that keeps every credential off the box's route.

const ALGORITHM = { name: 'RSA-PSS', hash: 'SHA-384' } as const;

/** A fresh key pair for one box (an election, or one secret vote on a motion). */
export async function newBallotKey(): Promise<{ publicKey: string; privateKey: string }> {
  const pair = await generateElectionKey();
  const spki = new Uint8Array(await webcrypto.subtle.exportKey('spki', pair.publicKey));
  const pkcs8 = new Uint8Array(await webcrypto.subtle.exportKey('pkcs8', pair.privateKey));
  return { publicKey: toBase64Url(spki), privateKey: toBase64Url(pkcs8) };
}

// Imported extractable because the blind-RSA library reads the modulus.
export function importPublicKey(text: string): Promise<webcrypto.CryptoKey> {
  return webcrypto.subtle.importKey(
    'spki',
    fromBase64Url(text) ?? new Uint8Array(),
    ALGORITHM,
    true,
    ['verify'],
  );
}

export function importPrivateKey(text: string): Promise<webcrypto.CryptoKey> {
  return webcrypto.subtle.importKey(
    'pkcs8',
    fromBase64Url(text) ?? new Uint8Array(),
    ALGORITHM,
    true,
    ['sign'],
  );
}

/**
 * Signs a voter's blinded token message with the box's private key (stored text). Bad input is a
 * 400 naming `blindedMessage`; the caller runs this inside the transaction that records the token
 * as issued, so a refusal rolls that back and the voter may try again.
 */
export async function signBlindedToken(
  privateKeyText: string,
  blindedMessage: string,
): Promise<string> {
  const blinded = fromBase64Url(blindedMessage);
  if (!blinded) {
    throw new ValidationError('blindedMessage is not base64url', [
      { path: 'blindedMessage', message: 'expected base64url text' },
    ]);
  }
  const privateKey = await importPrivateKey(privateKeyText);
  try {
    return toBase64Url(await signBlinded(privateKey, blinded));
  } catch {
    throw new ValidationError('blindedMessage is not a blinded message for this key', [
      { path: 'blindedMessage', message: 'not a blinded message of the right size' },
    ]);
  }
}

/**
 * The box's check of a token (message and finalized signature, base64url): 400 naming the field
 * when it is not base64url, 403 `token_invalid` when the box's key did not sign it. Answers the
 * hash of the message, which the box keeps to refuse the token's second use.
 */
export async function checkToken(
  publicKeyText: string,
  token: { message: string; signature: string },
  what: string,
): Promise<string> {
  const message = fromBase64Url(token.message);
  const signature = fromBase64Url(token.signature);
  if (!message || !signature) {
    throw new ValidationError('The token is not base64url', [
      { path: message ? 'signature' : 'message', message: 'expected base64url text' },
    ]);
  }
  if (!(await verifyToken(await importPublicKey(publicKeyText), message, signature))) {
    throw new AppError(403, 'token_invalid', `This token was not issued by this ${what}`);
  }
  return tokenHash(message);
}

/**
 * The box takes nothing that names the voter: a request carrying a session (Authorization or a
 * cookie) is refused before the auth hook can look at it, so no session is touched. Use as the
 * route's `onRequest`, with `config: { auth: 'public' }`.
 */
export async function refuseCredentials(request: FastifyRequest): Promise<void> {
  if (request.headers.authorization !== undefined || request.headers.cookie !== undefined) {
    throw new AppError(
      400,
      'credentials_not_allowed',
      'Ballots are cast without a session: send the token alone (credentials: omit)',
    );
  }
}

/**
 * The boxes and their rolls, whose rows the count rewrites (elections) or the close rewrites
 * (secret votes on motions) in an order that says nothing of time.
 */
const BOX_TABLES = [
  'election_ballots',
  'election_tokens',
  'motion_secret_ballots',
  'motion_tokens',
] as const;

/**
 * After a count has rewritten a box's rows (one transaction, so one `xmin`, in receipt order),
 * the old row versions still sit in the table's file in cast order, each with the id of the
 * transaction that cast it, until VACUUM FULL writes the tables afresh and unlinks the old files
 * (ADR 0026). Called once the count's transaction has committed; a failure (the lock not had in
 * time) is logged and left to the next count's vacuum, which rewrites the whole tables again.
 */
export async function sealBallotBoxes(ctx: AppContext): Promise<boolean> {
  try {
    await vacuumFull(ctx.db, BOX_TABLES);
    return true;
  } catch (error) {
    ctx.logger.warn({ err: error }, 'ballot boxes not vacuumed after a count; the next count will');
    return false;
  }
}
