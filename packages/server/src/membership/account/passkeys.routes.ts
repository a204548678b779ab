import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { apiV1 } from '@tocsin/core';
import type { AppContext } from '../../platform';
import { baseUrlOf, principalOf, setSessionCookie } from '../auth';
import { limitInviteFailures } from '../invites';
import { AUTH_LIMITS } from './auth.routes';
import { relyingParty } from './passkeys.ceremony';
import { presentPasskey } from './passkeys.presenter';
import {
  deleteOwnPasskey,
  finishPasskeyRegistration,
  listOwnPasskeys,
  loginWithPasskey,
  startPasskeyLogin,
  startPasskeyRegistration,
} from './passkeys.service';

const limit = (max: number) => ({ max, timeWindow: 60_000 });

/**
 * Registration: a member adding a passkey is limited (per member); someone joining with an
 * invite is not (only refused invite codes are, per address: limitInviteFailures).
 */
const addingOnly = {
  max: 10,
  timeWindow: 60_000,
  allowList: (request: FastifyRequest) => !request.principal,
};

/**
 * Passkeys (WebAuthn): join with an invite, add one to an account, log in without a user name,
 * list and remove. The RP ID and origin come from TOCSIN_PUBLIC_URL, else from the request.
 */
export function passkeyRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/auth/passkey/register/options',
      {
        config: { auth: 'public', rateLimit: addingOnly },
        schema: {
          tags: ['auth'],
          summary:
            'Start a passkey registration: with an invite to join (not yet used), or signed in to add one',
          ...apiV1['POST /api/v1/auth/passkey/register/options'],
        },
      },
      async (request) =>
        limitInviteFailures(ctx, request, () =>
          startPasskeyRegistration(ctx, relyingParty(baseUrlOf(ctx, request)), {
            invite: request.body?.invite,
            principal: request.principal,
          }),
        ),
    );

    app.post(
      '/auth/passkey/register/verify',
      {
        config: { auth: 'public', rateLimit: addingOnly },
        schema: {
          tags: ['auth'],
          summary: 'Finish a passkey registration: joins (uses the invite) or adds the passkey',
          ...apiV1['POST /api/v1/auth/passkey/register/verify'],
        },
      },
      async (request, reply) => {
        const result = await limitInviteFailures(ctx, request, () =>
          finishPasskeyRegistration(ctx, {
            ...request.body,
            principal: request.principal,
          }),
        );
        if (result.kind === 'added') {
          return reply.status(201).send({ credentialId: result.credentialId });
        }
        const { member, token, recoveryCodes } = result.enrolled;
        setSessionCookie(reply, token, ctx.config.sessions.maxMs);
        return reply.status(201).send({ member, token, recoveryCodes });
      },
    );

    app.post(
      '/auth/passkey/login/options',
      {
        config: { auth: 'public', rateLimit: limit(AUTH_LIMITS.challenge) },
        schema: {
          tags: ['auth'],
          summary: 'Start a passkey login (no user name; expires in 2 minutes)',
          ...apiV1['POST /api/v1/auth/passkey/login/options'],
        },
      },
      async (request) => startPasskeyLogin(ctx, relyingParty(baseUrlOf(ctx, request))),
    );

    app.post(
      '/auth/passkey/login/verify',
      {
        config: { auth: 'public', rateLimit: limit(AUTH_LIMITS.login) },
        schema: {
          tags: ['auth'],
          summary: 'Log in with a passkey assertion',
          ...apiV1['POST /api/v1/auth/passkey/login/verify'],
        },
      },
      async (request, reply) => {
        const { token } = await loginWithPasskey(ctx, request.body);
        setSessionCookie(reply, token, ctx.config.sessions.maxMs);
        return { token };
      },
    );

    app.get(
      '/me/passkeys',
      {
        schema: { tags: ['me'], summary: 'My passkeys', ...apiV1['GET /api/v1/me/passkeys'] },
      },
      async (request) => (await listOwnPasskeys(ctx, principalOf(request))).map(presentPasskey),
    );

    app.delete(
      '/me/passkeys/:id',
      {
        schema: {
          tags: ['me'],
          summary: 'Remove one of my passkeys',
          ...apiV1['DELETE /api/v1/me/passkeys/:id'],
        },
      },
      async (request, reply) => {
        await deleteOwnPasskey(ctx, principalOf(request), request.params.id);
        return reply.status(204).send();
      },
    );
  };
}
