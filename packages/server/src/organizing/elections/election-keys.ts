import { webcrypto } from 'node:crypto';
import { fromBase64Url, generateElectionKey, toBase64Url } from '@tocsin/core';

// An election's RSA key pair (RFC 9474 RSABSSA-SHA384-PSS-Randomized) as stored: SPKI and
// PKCS#8, base64url. Imported extractable because the blind-RSA library reads the modulus.

const ALGORITHM = { name: 'RSA-PSS', hash: 'SHA-384' } as const;

export async function newElectionKey(): Promise<{ publicKey: string; privateKey: string }> {
  const pair = await generateElectionKey();
  const spki = new Uint8Array(await webcrypto.subtle.exportKey('spki', pair.publicKey));
  const pkcs8 = new Uint8Array(await webcrypto.subtle.exportKey('pkcs8', pair.privateKey));
  return { publicKey: toBase64Url(spki), privateKey: toBase64Url(pkcs8) };
}

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
