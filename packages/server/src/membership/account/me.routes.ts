import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { roleSchema } from '@tocsin/core';
import { NotFoundError, transact, type AppContext } from '../../platform';
import {
  clearSessionCookie,
  listActiveSessions,
  principalOf,
  publicKeySchema,
  revokeAllSessions,
  revokeSession,
} from '../auth';
import { addDeviceKey } from './device-auth.service';
import { issueRecoveryCodes } from './enrollment.service';
import { getMe, updateMe } from '../members';

export const meSchema = z.object({
  id: z.uuid(),
  handle: z.string(),
  displayName: z.string().nullable(),
  status: z.enum(['probation', 'active', 'suspended']),
  sponsorId: z.uuid().nullable(),
  language: z.string().nullable(),
  roles: z.array(z.object({ areaId: z.uuid(), role: roleSchema })),
});

const sessionSchema = z.object({
  id: z.uuid(),
  method: z.string(),
  createdAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  current: z.boolean(),
});

/** The caller's own account: profile, sessions, credentials. */
export function meRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/me',
      {
        schema: {
          tags: ['me'],
          summary: 'Who am I: handle, status, sponsor, roles',
          response: { 200: meSchema },
        },
      },
      async (request) => getMe(ctx, principalOf(request)),
    );

    app.patch(
      '/me',
      {
        schema: {
          tags: ['me'],
          summary: 'Change display name or language',
          body: z.strictObject({
            displayName: z.string().trim().min(1).max(60).nullable().optional(),
            language: z
              .string()
              .trim()
              .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, 'a language tag like es or hmn')
              .nullable()
              .optional(),
          }),
          response: { 200: meSchema },
        },
      },
      async (request) => updateMe(ctx, principalOf(request), request.body),
    );

    app.get(
      '/me/sessions',
      {
        schema: {
          tags: ['me'],
          summary: 'My open sessions',
          response: { 200: z.array(sessionSchema) },
        },
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
          params: z.strictObject({ sessionId: z.uuid() }),
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
      { schema: { tags: ['me'], summary: 'Log out everywhere, this session included' } },
      async (request, reply) => {
        await revokeAllSessions(ctx.db, principalOf(request).memberId, ctx.clock.now());
        clearSessionCookie(reply);
        return reply.status(204).send();
      },
    );

    app.post(
      '/me/device-keys',
      {
        schema: {
          tags: ['me'],
          summary: 'Add a device key to my account',
          body: z.strictObject({ publicKey: publicKeySchema }),
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
          response: { 201: z.object({ recoveryCodes: z.array(z.string()).length(10) }) },
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
