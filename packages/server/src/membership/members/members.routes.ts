import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { roleSchema } from '@tocsin/core';
import type { AppContext } from '../../platform';
import { principalOf } from '../auth';
import {
  approveMember,
  listAreaMembers,
  reinstateMember,
  setAreaRoles,
  suspendMember,
  vouchFor,
} from './members.service';

const memberParams = z.strictObject({ id: z.uuid() });
const statusResponse = z.object({ status: z.enum(['probation', 'active', 'suspended']) });

/** Vouching, approval, suspension and roles: the organization's own governance. */
export function membersRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/members/:id/vouch',
      {
        schema: {
          tags: ['members'],
          summary: 'Vouch for a member on probation (active members other than their sponsor)',
          params: memberParams,
          response: { 200: statusResponse },
        },
      },
      async (request) => ({ status: await vouchFor(ctx, principalOf(request), request.params.id) }),
    );

    app.post(
      '/members/:id/approve',
      {
        schema: {
          tags: ['members'],
          summary: "End a member's probation (organizer of one of their areas, or admin)",
          params: memberParams,
          response: { 200: statusResponse },
        },
      },
      async (request) => ({
        status: await approveMember(ctx, principalOf(request), request.params.id),
      }),
    );

    app.post(
      '/members/:id/suspend',
      {
        schema: {
          tags: ['members'],
          summary: 'Suspend a member: all their sessions and unused invites end at once',
          params: memberParams,
          body: z.strictObject({ reason: z.string().trim().min(1).max(500) }),
          response: {
            200: z.object({
              status: z.literal('suspended'),
              sessionsRevoked: z.number().int(),
              invitesRevoked: z.number().int(),
            }),
          },
        },
      },
      async (request) => ({
        status: 'suspended' as const,
        ...(await suspendMember(ctx, principalOf(request), request.params.id, request.body.reason)),
      }),
    );

    app.post(
      '/members/:id/reinstate',
      {
        schema: {
          tags: ['members'],
          summary: 'Lift a suspension',
          params: memberParams,
          response: { 200: statusResponse },
        },
      },
      async (request) => ({
        status: await reinstateMember(ctx, principalOf(request), request.params.id),
      }),
    );

    app.put(
      '/areas/:areaId/members/:memberId/roles',
      {
        schema: {
          tags: ['members'],
          summary: "Set a member's roles in an area (organizer of the area, or admin)",
          params: z.strictObject({ areaId: z.uuid(), memberId: z.uuid() }),
          body: z.strictObject({ roles: z.array(roleSchema).max(6) }),
          response: { 200: z.object({ roles: z.array(roleSchema) }) },
        },
      },
      async (request) => ({
        roles: await setAreaRoles(
          ctx,
          principalOf(request),
          request.params.areaId,
          request.params.memberId,
          request.body.roles,
        ),
      }),
    );

    app.get(
      '/areas/:areaId/members',
      {
        schema: {
          tags: ['members'],
          summary: 'Members of an area with their roles (organizers of the area)',
          params: z.strictObject({ areaId: z.uuid() }),
          response: {
            200: z.array(
              z.object({
                id: z.uuid(),
                handle: z.string(),
                displayName: z.string().nullable(),
                status: z.enum(['probation', 'active', 'suspended']),
                roles: z.array(roleSchema),
              }),
            ),
          },
        },
      },
      async (request) => listAreaMembers(ctx, principalOf(request), request.params.areaId),
    );
  };
}
