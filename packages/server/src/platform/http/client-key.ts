import { createHmac, randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';

const ROTATE_MS = 6 * 3_600_000;

/**
 * A key for an anonymous client that never is an IP address: the address is keyed with a random
 * in-memory secret that is replaced every six hours, so neither memory nor a heap dump can be
 * mapped back to addresses afterwards.
 */
export function createAddressKeyer(): (request: Pick<FastifyRequest, 'ip'>) => string {
  let secret = randomBytes(32);
  let rotatedAt = Date.now();
  return (request) => {
    if (Date.now() - rotatedAt > ROTATE_MS) {
      secret = randomBytes(32);
      rotatedAt = Date.now();
    }
    return `a:${createHmac('sha256', secret)
      .update(request.ip ?? '')
      .digest('base64url')
      .slice(0, 22)}`;
  };
}

/** One address keyer per process: every limit on anonymous clients shares it. */
export const addressKey = createAddressKeyer();

/**
 * The rate-limit key: who, not what was typed. A request whose token the auth hook validated is
 * keyed by its member (every session and device of a member shares one bucket); anything else,
 * an unknown or forged token included, by its client address. A new bearer string therefore
 * never makes a new bucket.
 */
export function clientKey(request: FastifyRequest): string {
  const memberId = (request as { principal?: { memberId: string } | null }).principal?.memberId;
  return memberId ? `m:${memberId}` : addressKey(request);
}
