import { webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  blindToken,
  finalizeToken,
  generateElectionKey,
  signBlinded,
  verifyToken,
} from './ballot-token';

const random = (n: number): Uint8Array => webcrypto.getRandomValues(new Uint8Array(n));

describe('blind-signed ballot tokens (RFC 9474, webcrypto)', () => {
  it('round-trips: the server signs blinded, the client finalizes, the box verifies', async () => {
    const { publicKey, privateKey } = await generateElectionKey();
    const message = random(32);
    const { prepared, blindedMsg, inv } = await blindToken(publicKey, message);
    expect(Buffer.from(blindedMsg).includes(Buffer.from(message))).toBe(false);
    const blindSig = await signBlinded(privateKey, blindedMsg);
    const signature = await finalizeToken(publicKey, prepared, blindSig, inv);
    expect(await verifyToken(publicKey, prepared, signature)).toBe(true);
  }, 60_000);

  it('refuses a forged signature, a changed message and another election key', async () => {
    const key = await generateElectionKey();
    const other = await generateElectionKey();
    const { prepared, blindedMsg, inv } = await blindToken(key.publicKey, random(32));
    const signature = await finalizeToken(
      key.publicKey,
      prepared,
      await signBlinded(key.privateKey, blindedMsg),
      inv,
    );
    const forged = random(signature.length);
    expect(await verifyToken(key.publicKey, prepared, forged)).toBe(false);
    const changed = prepared.slice();
    changed[0] = (changed[0] ?? 0) ^ 1;
    expect(await verifyToken(key.publicKey, changed, signature)).toBe(false);
    expect(await verifyToken(other.publicKey, prepared, signature)).toBe(false);
  }, 60_000);
});
