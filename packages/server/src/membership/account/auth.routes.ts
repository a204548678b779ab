import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { apiV1 } from '@tocsin/core';
import { addressKey, type AppContext } from '../../platform';
import { clearSessionCookie, principalOf, revokeSession, setSessionCookie } from '../auth';
import { limitInviteFailures } from '../invites';
import {
  createDeviceChallenge,
  loginWithDeviceKey,
  recoverAccount,
  registerDeviceKey,
} from './device-auth.service';

/**
 * Per-client limits on the endpoints a guesser or a flood would use (per minute). Joining with
 * an invite has none of its own: only refused invite codes are limited (limitInviteFailures),
 * so a valid invite is never refused for its address. Recovery is limited per handle too.
 */
export const AUTH_LIMITS = { challenge: 20, login: 20, recover: 5 } as const;

const limit = (max: number) => ({ max, timeWindow: 60_000 });

/** Device-key enrollment and login, recovery, logout. */
export function authRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/auth/device/register',
      {
        config: { auth: 'public', rateLimit: false },
        schema: {
          tags: ['auth'],
          summary: 'Join with an invite and a device key (Ed25519)',
          ...apiV1['POST /api/v1/auth/device/register'],
        },
      },
      async (request, reply) => {
        const enrolled = await limitInviteFailures(ctx, request, () =>
          registerDeviceKey(ctx, request.body.invite, request.body.publicKey),
        );
        setSessionCookie(reply, enrolled.token, ctx.config.sessions.maxMs);
        return reply.status(201).send({
          member: enrolled.member,
          token: enrolled.token,
          recoveryCodes: enrolled.recoveryCodes,
        });
      },
    );

    app.post(
      '/auth/device/challenge',
      {
        config: { auth: 'public', rateLimit: limit(AUTH_LIMITS.challenge) },
        schema: {
          tags: ['auth'],
          summary: 'A single-use login challenge for a device key (expires in 2 minutes)',
          ...apiV1['POST /api/v1/auth/device/challenge'],
        },
      },
      async (request) => ({ challenge: await createDeviceChallenge(ctx, request.body.publicKey) }),
    );

    app.post(
      '/auth/device/login',
      {
        config: { auth: 'public', rateLimit: limit(AUTH_LIMITS.login) },
        schema: {
          tags: ['auth'],
          summary: 'Log in with a signature of the challenge',
          ...apiV1['POST /api/v1/auth/device/login'],
        },
      },
      async (request, reply) => {
        const { token } = await loginWithDeviceKey(ctx, request.body);
        setSessionCookie(reply, token, ctx.config.sessions.maxMs);
        return { token };
      },
    );

    app.post(
      '/auth/recover',
      {
        config: { auth: 'public', rateLimit: limit(AUTH_LIMITS.recover) },
        schema: {
          tags: ['auth'],
          summary:
            'Restore access with your handle and a recovery code; ends every other session and device key (5 tries an hour per account from one address, then a growing lock-out)',
          ...apiV1['POST /api/v1/auth/recover'],
        },
      },
      async (request, reply) => {
        const recovered = await recoverAccount(ctx, request.body, addressKey(request));
        setSessionCookie(reply, recovered.token, ctx.config.sessions.maxMs);
        return {
          token: recovered.token,
          member: recovered.member,
          recoveryCodesLeft: recovered.recoveryCodesLeft,
        };
      },
    );

    app.post(
      '/auth/logout',
      {
        schema: {
          tags: ['auth'],
          summary: 'End this session',
          ...apiV1['POST /api/v1/auth/logout'],
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        if (request.sessionId) {
          await revokeSession(ctx.db, principal.memberId, request.sessionId, ctx.clock.now());
        }
        clearSessionCookie(reply);
        // The browser drops what it kept of this session: cached answers and cookies. Not
        // "storage": it holds this phone's device key (a member logs back in with it; a lost phone
        // is revoked from /me/devices) and the outbox of reports not yet acknowledged.
        void reply.header('clear-site-data', '"cache", "cookies"');
        return reply.status(204).send();
      },
    );
  };
}
