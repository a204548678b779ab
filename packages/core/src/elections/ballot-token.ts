/**
 * Ballot tokens (issue 16): RFC 9474 RSABSSA-SHA384-PSS-Randomized via @cloudflare/blindrsa-ts.
 * The voter's client blinds a random message, the server signs it blinded (it never sees the
 * message), the client finalizes; the ballot box later checks message + signature with the
 * election's public key. The private key only signs: nothing it produces links a token to a voter.
 */
import type { webcrypto } from 'node:crypto';
import { RSABSSA } from '@cloudflare/blindrsa-ts';

type CryptoKey = webcrypto.CryptoKey;
type CryptoKeyPair = webcrypto.CryptoKeyPair;

const suite = (): ReturnType<typeof RSABSSA.SHA384.PSS.Randomized> =>
  RSABSSA.SHA384.PSS.Randomized();

/** A fresh key pair for one election (extractable, so the server can store it). */
export function generateElectionKey(modulusLength = 2048): Promise<CryptoKeyPair> {
  return suite().generateKey({
    modulusLength,
    publicExponent: new Uint8Array([1, 0, 1]),
  });
}

/** Client: blind a prepared random token message. */
export async function blindToken(
  publicKey: CryptoKey,
  message: Uint8Array,
): Promise<{ prepared: Uint8Array; blindedMsg: Uint8Array; inv: Uint8Array }> {
  const s = suite();
  const prepared = s.prepare(message);
  const { blindedMsg, inv } = await s.blind(publicKey, prepared);
  return { prepared, blindedMsg, inv };
}

/** Server: sign a blinded message with the election's private key. */
export function signBlinded(privateKey: CryptoKey, blindedMsg: Uint8Array): Promise<Uint8Array> {
  return suite().blindSign(privateKey, blindedMsg);
}

/** Client: unblind the server's answer into the token's signature. */
export function finalizeToken(
  publicKey: CryptoKey,
  prepared: Uint8Array,
  blindSig: Uint8Array,
  inv: Uint8Array,
): Promise<Uint8Array> {
  return suite().finalize(publicKey, prepared, blindSig, inv);
}

/** Ballot box: is this (message, signature) a token the election's key signed? */
export async function verifyToken(
  publicKey: CryptoKey,
  prepared: Uint8Array,
  signature: Uint8Array,
): Promise<boolean> {
  try {
    return await suite().verify(publicKey, signature, prepared);
  } catch {
    return false;
  }
}
