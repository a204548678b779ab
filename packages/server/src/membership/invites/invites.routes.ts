import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { apiV1 } from '@tocsin/core';
import type { AppContext } from '../../platform';
import { baseUrlOf, principalOf } from '../auth';
import { createInvite, listOwnInvites, revokeOwnInvite } from './invites.service';

export const INVITE_RATE_LIMIT = 20;

/** Invites: the only way in. */
export function invitesRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/invites',
      {
        config: { rateLimit: { max: INVITE_RATE_LIMIT, timeWindow: 60_000 } },
        schema: {
          tags: ['invites'],
          summary:
            'Invite someone (active members; binding to an area and role: its organizers); with uses, expiresInHours and label: a meeting invite for up to 1,000 people (organizers)',
          ...apiV1['POST /api/v1/invites'],
        },
      },
      async (request, reply) => {
        const invite = await createInvite(
          ctx,
          principalOf(request),
          request.body,
          baseUrlOf(ctx, request),
        );
        return reply.status(201).send({ ...invite, expiresAt: invite.expiresAt.toISOString() });
      },
    );

    app.get(
      '/invites',
      {
        schema: {
          tags: ['invites'],
          summary: 'Invites I made (codes are never shown again)',
          ...apiV1['GET /api/v1/invites'],
        },
      },
      async (request) => {
        const now = ctx.clock.now();
        const invites = await listOwnInvites(ctx, principalOf(request));
        return invites.map((i) => ({
          id: i.id,
          areaId: i.area_id,
          role: i.role,
          createdAt: i.created_at.toISOString(),
          expiresAt: i.expires_at.toISOString(),
          uses: i.max_uses,
          used: i.use_count,
          label: i.label,
          state:
            i.used_at || i.use_count >= i.max_uses
              ? 'used'
              : i.revoked_at
                ? 'revoked'
                : i.expires_at <= now
                  ? 'expired'
                  : 'open',
        }));
      },
    );

    app.delete(
      '/invites/:id',
      {
        schema: {
          tags: ['invites'],
          summary: 'Withdraw an invite not yet used up: nobody else can join with it',
          ...apiV1['DELETE /api/v1/invites/:id'],
        },
      },
      async (request, reply) => {
        await revokeOwnInvite(ctx, principalOf(request), request.params.id);
        return reply.status(204).send();
      },
    );
  };
}
