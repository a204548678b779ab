import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';

const ROTATE_MS = 6 * 3_600_000;

/**
 * A rate-limit key that never is an IP address: a bearer token or session cookie is hashed;
 * an anonymous client's address is keyed with a random in-memory secret that is replaced every
 * six hours, so neither memory nor a heap dump can be mapped back to addresses afterwards.
 */
export function createClientKeyer(sessionCookie: string): (request: FastifyRequest) => string {
  let secret = randomBytes(32);
  let rotatedAt = Date.now();
  return (request) => {
    const auth = request.headers.authorization;
    const token = auth?.startsWith('Bearer ') ? auth.slice(7) : request.cookies?.[sessionCookie];
    if (token) return `t:${createHash('sha256').update(token).digest('base64url').slice(0, 22)}`;
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
