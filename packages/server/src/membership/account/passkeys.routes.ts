import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform';
import { baseUrlOf, principalOf, setSessionCookie, tokenResponse } from '../auth';
import { AUTH_LIMITS } from './auth.routes';
import { relyingParty } from './passkeys.ceremony';
import { presentPasskey } from './passkeys.presenter';
import {
  loginOptionsBody,
  loginOptionsResponse,
  loginVerifyBody,
  passkeyParams,
  passkeySchema,
  registerOptionsBody,
  registerOptionsResponse,
  registerVerifyBody,
  registerVerifyResponse,
} from './passkeys.schemas';
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
 * Passkeys (WebAuthn): join with an invite, add one to an account, log in without a user name,
 * list and remove. The RP ID and origin come from TOCSIN_PUBLIC_URL, else from the request.
 */
export function passkeyRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/auth/passkey/register/options',
      {
        config: { auth: 'public', rateLimit: limit(AUTH_LIMITS.register) },
        schema: {
          tags: ['auth'],
          summary:
            'Start a passkey registration: with an invite to join (not yet used), or signed in to add one',
          body: registerOptionsBody,
          response: { 200: registerOptionsResponse },
        },
      },
      async (request) =>
        startPasskeyRegistration(ctx, relyingParty(baseUrlOf(ctx, request)), {
          invite: request.body?.invite,
          principal: request.principal,
        }),
    );

    app.post(
      '/auth/passkey/register/verify',
      {
        config: { auth: 'public', rateLimit: limit(AUTH_LIMITS.register) },
        schema: {
          tags: ['auth'],
          summary: 'Finish a passkey registration: joins (uses the invite) or adds the passkey',
          body: registerVerifyBody,
          response: { 201: registerVerifyResponse },
        },
      },
      async (request, reply) => {
        const result = await finishPasskeyRegistration(ctx, {
          ...request.body,
          principal: request.principal,
        });
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
          body: loginOptionsBody,
          response: { 200: loginOptionsResponse },
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
          body: loginVerifyBody,
          response: { 200: tokenResponse },
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
        schema: {
          tags: ['me'],
          summary: 'My passkeys',
          response: { 200: z.array(passkeySchema) },
        },
      },
      async (request) => (await listOwnPasskeys(ctx, principalOf(request))).map(presentPasskey),
    );

    app.delete(
      '/me/passkeys/:id',
      {
        schema: {
          tags: ['me'],
          summary: 'Remove one of my passkeys',
          params: passkeyParams,
        },
      },
      async (request, reply) => {
        await deleteOwnPasskey(ctx, principalOf(request), request.params.id);
        return reply.status(204).send();
      },
    );
  };
}
