import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Principal } from '@tocsin/core';
import {
  RateLimitedError,
  UnauthorizedError,
  addressKey,
  badTokenLimiter,
  type AppContext,
} from '../../platform';
import { authenticateToken } from './sessions.service';

/** Who may call a route: anyone, or a member with a valid session (the default). */
export type RouteAuth = 'public' | 'member';

declare module 'fastify' {
  interface FastifyContextConfig {
    auth?: RouteAuth;
  }
  interface FastifyRequest {
    principal: Principal | null;
    sessionId: string | null;
  }
}

export const SESSION_COOKIE = '__Host-tocsin';

export { BAD_TOKEN_QUOTA } from '../../platform';

/** The token a request carries: `Authorization: Bearer …` first, then the session cookie. */
export function requestToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim() || null;
  return request.cookies[SESSION_COOKIE] ?? null;
}

/** Sets the browser session cookie: __Host-, Secure, HttpOnly, SameSite=Strict, whole site. */
export function setSessionCookie(reply: FastifyReply, token: string, maxAgeMs: number): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    secure: true,
    httpOnly: true,
    sameSite: 'strict',
    maxAge: Math.floor(maxAgeMs / 1000),
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, {
    path: '/',
    secure: true,
    httpOnly: true,
    sameSite: 'strict',
  });
}

/**
 * Authenticates every request that carries a token and refuses member routes without a valid
 * one. A bad token on a public route is treated as no token.
 */
export const authPlugin = fp(async (app: FastifyInstance, opts: { ctx: AppContext }) => {
  app.decorateRequest('principal', null);
  app.decorateRequest('sessionId', null);
  // Before validation: a caller who is not allowed learns nothing about what a valid body is.
  // A token that fails counts against the client's address (whatever string it was), never
  // against a bucket of its own; a valid one is never refused for its address.
  const badTokens = badTokenLimiter(opts.ctx);
  app.addHook('preValidation', async (request) => {
    const token = requestToken(request);
    if (token) {
      const auth = await authenticateToken(opts.ctx, token);
      if (auth) {
        request.principal = auth.principal;
        request.sessionId = auth.sessionId;
      } else {
        const key = addressKey(request);
        const wait = badTokens.waitSeconds(key);
        if (wait !== null) {
          throw new RateLimitedError(
            'rate_limited',
            `Too many failed logins; retry in ${wait} s`,
            wait,
          );
        }
        badTokens.fail(key);
      }
    }
    const mode = request.routeOptions.config.auth ?? 'member';
    if (mode === 'member' && !request.principal) throw new UnauthorizedError();
  });
});

/** The authenticated principal of a member route (the auth hook guarantees it). */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new UnauthorizedError();
  return request.principal;
}

/** Base URL for links we hand out: the configured public URL, else this request's origin. */
export function baseUrlOf(ctx: AppContext, request: FastifyRequest): string {
  return ctx.config.publicUrl ?? `${request.protocol}://${request.host}`;
}
