import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { apiV1, type Principal } from '@tocsin/core';
import { NotFoundError, transact, type AppContext } from '../../platform';
import { clearSessionCookie, listActiveSessions, principalOf, revokeSession } from '../auth';
import { getMe, updateMe } from '../members';
import { addDeviceKey } from './device-auth.service';
import { listDevices, logOutEverywhere, revokeDevice } from './devices.service';
import { issueRecoveryCodes } from './enrollment.service';

/** What other modules add to the caller's `GET /me`, given at composition (app.ts). */
export type MeExtras = (principal: Principal) => Promise<{ calendarUrl: string }>;

/** The caller's own account: profile, sessions, credentials. */
export function meRoutes(ctx: AppContext, extras: MeExtras): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/me',
      {
        schema: {
          tags: ['me'],
          summary: 'Who am I: handle, status, sponsor, roles',
          ...apiV1['GET /api/v1/me'],
        },
      },
      async (request) => {
        const principal = principalOf(request);
        return { ...(await getMe(ctx, principal)), ...(await extras(principal)) };
      },
    );

    app.patch(
      '/me',
      {
        schema: {
          tags: ['me'],
          summary: 'Change display name or language',
          ...apiV1['PATCH /api/v1/me'],
        },
      },
      async (request) => {
        const principal = principalOf(request);
        return { ...(await updateMe(ctx, principal, request.body)), ...(await extras(principal)) };
      },
    );

    app.get(
      '/me/sessions',
      {
        schema: { tags: ['me'], summary: 'My open sessions', ...apiV1['GET /api/v1/me/sessions'] },
      },
      async (request) => {
        const sessions = await listActiveSessions(
          ctx.db,
          principalOf(request).memberId,
          ctx.clock.now(),
        );
        return sessions.map((s) => ({
          id: s.id,
          method: s.method,
          createdAt: s.created_at.toISOString(),
          lastSeenAt: s.last_seen_at.toISOString(),
          expiresAt: s.expires_at.toISOString(),
          current: s.id === request.sessionId,
        }));
      },
    );

    app.delete(
      '/me/sessions/:sessionId',
      {
        schema: {
          tags: ['me'],
          summary: 'End one of my sessions',
          ...apiV1['DELETE /api/v1/me/sessions/:sessionId'],
        },
      },
      async (request, reply) => {
        const ok = await revokeSession(
          ctx.db,
          principalOf(request).memberId,
          request.params.sessionId,
          ctx.clock.now(),
        );
        if (!ok) throw new NotFoundError('No such session');
        if (request.params.sessionId === request.sessionId) clearSessionCookie(reply);
        return reply.status(204).send();
      },
    );

    app.post(
      '/me/sessions/revoke-all',
      {
        schema: {
          tags: ['me'],
          summary:
            'Log out everywhere, this session included; revokes every device key and passkey but this one',
          ...apiV1['POST /api/v1/me/sessions/revoke-all'],
        },
      },
      async (request, reply) => {
        await logOutEverywhere(ctx, principalOf(request), request.sessionId);
        clearSessionCookie(reply);
        return reply.status(204).send();
      },
    );

    app.get(
      '/me/devices',
      {
        schema: {
          tags: ['me'],
          summary: 'My device keys and passkeys (added and last used: days only)',
          ...apiV1['GET /api/v1/me/devices'],
        },
      },
      async (request) => listDevices(ctx, principalOf(request), request.sessionId),
    );

    app.delete(
      '/me/devices/:id',
      {
        schema: {
          tags: ['me'],
          summary: 'Revoke one of my device keys or passkeys; the sessions it opened end',
          ...apiV1['DELETE /api/v1/me/devices/:id'],
        },
      },
      async (request, reply) => {
        await revokeDevice(ctx, principalOf(request), request.params.id);
        return reply.status(204).send();
      },
    );

    app.post(
      '/me/device-keys',
      {
        schema: {
          tags: ['me'],
          summary: 'Add a device key to my account',
          ...apiV1['POST /api/v1/me/device-keys'],
        },
      },
      async (request, reply) => {
        await addDeviceKey(ctx, principalOf(request), request.body.publicKey);
        return reply.status(201).send();
      },
    );

    app.post(
      '/me/recovery-codes',
      {
        schema: {
          tags: ['me'],
          summary: 'Replace my recovery codes with ten new ones (shown once)',
          ...apiV1['POST /api/v1/me/recovery-codes'],
        },
      },
      async (request, reply) => {
        const memberId = principalOf(request).memberId;
        const recoveryCodes = await transact(ctx, (tx) => issueRecoveryCodes(ctx, tx, memberId));
        return reply.status(201).send({ recoveryCodes });
      },
    );
  };
}
