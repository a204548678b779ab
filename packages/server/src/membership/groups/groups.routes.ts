import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { apiV1 } from '@tocsin/core';
import type { AppContext } from '../../platform';
import { principalOf } from '../auth';
import { createGroup, joinGroup, leaveGroup, listGroupMembers, listGroups } from './groups.service';

/** Working groups of an area: list, create, join, leave, and who is in one. */
export function groupsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/areas/:areaId/groups',
      {
        schema: {
          tags: ['groups'],
          summary: 'The working groups of an area you belong to',
          ...apiV1['GET /api/v1/areas/:areaId/groups'],
        },
      },
      (request) => listGroups(ctx, principalOf(request), request.params.areaId),
    );

    app.post(
      '/areas/:areaId/groups',
      {
        schema: {
          tags: ['groups'],
          summary: 'Add a working group to an area you organize',
          ...apiV1['POST /api/v1/areas/:areaId/groups'],
        },
      },
      async (request, reply) => {
        const { group, created } = await createGroup(
          ctx,
          principalOf(request),
          request.params.areaId,
          request.body,
        );
        return reply.status(created ? 201 : 200).send(group);
      },
    );

    app.post(
      '/groups/:groupId/join',
      {
        schema: {
          tags: ['groups'],
          summary: 'Join a working group of an area you belong to',
          ...apiV1['POST /api/v1/groups/:groupId/join'],
        },
      },
      (request) => joinGroup(ctx, principalOf(request), request.params.groupId),
    );

    app.post(
      '/groups/:groupId/leave',
      {
        schema: {
          tags: ['groups'],
          summary: 'Leave a working group',
          ...apiV1['POST /api/v1/groups/:groupId/leave'],
        },
      },
      (request) => leaveGroup(ctx, principalOf(request), request.params.groupId),
    );

    app.get(
      '/groups/:groupId/members',
      {
        schema: {
          tags: ['groups'],
          summary: "Who is in a group: for its members and its area's organizers",
          ...apiV1['GET /api/v1/groups/:groupId/members'],
        },
      },
      (request) => listGroupMembers(ctx, principalOf(request), request.params.groupId),
    );
  };
}
