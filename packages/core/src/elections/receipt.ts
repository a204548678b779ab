/**
 * Bytes as text for the ballot box (base64url, no padding), and the two hashes it keeps: the token
 * hash (to refuse a token used twice) and the receipt (the ballot's hash, shown in the published
 * list). WebCrypto only, so the voter's browser computes the same receipt the server stores.
 */

const encoder = new TextEncoder();

export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** null when the text is not base64url. */
export function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(
    await globalThis.crypto.subtle.digest('SHA-256', new Uint8Array(bytes)),
  );
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The hash of a token's message: what the box keeps to refuse its second use. */
export function tokenHash(message: Uint8Array): Promise<string> {
  return sha256Hex(message);
}

/**
 * The receipt of a ballot: SHA-256 over the election, the token's message and the ranking. The
 * token makes it unique (two equal rankings get different receipts); the voter's browser computes
 * it before sending and finds it in the published list.
 */
export function ballotReceipt(
  electionId: string,
  message: string,
  ranking: readonly string[],
): Promise<string> {
  return sha256Hex(
    encoder.encode(`tocsin-ballot-v1\n${electionId}\n${message}\n${ranking.join(',')}`),
  );
}
