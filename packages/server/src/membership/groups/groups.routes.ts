import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { groupMemberViewSchema, groupViewSchema } from '@tocsin/core';
import type { AppContext } from '../../platform';
import { principalOf } from '../auth';
import { createGroup, joinGroup, leaveGroup, listGroupMembers, listGroups } from './groups.service';

const areaParams = z.strictObject({ areaId: z.uuid() });
const groupParams = z.strictObject({ groupId: z.uuid() });
const newGroup = z.strictObject({
  id: z.uuid().optional().describe('Client-generated, so a retry does not create twice'),
  name: z.string().trim().min(1).max(100),
});

/** Working groups of an area: list, create, join, leave, and who is in one. */
export function groupsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/areas/:areaId/groups',
      {
        schema: {
          tags: ['groups'],
          summary: 'The working groups of an area you belong to',
          params: areaParams,
          response: { 200: z.array(groupViewSchema) },
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
          params: areaParams,
          body: newGroup,
          response: { 200: groupViewSchema, 201: groupViewSchema },
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
          params: groupParams,
          response: { 200: groupViewSchema },
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
          params: groupParams,
          response: { 200: groupViewSchema },
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
          params: groupParams,
          response: { 200: z.array(groupMemberViewSchema) },
        },
      },
      (request) => listGroupMembers(ctx, principalOf(request), request.params.groupId),
    );
  };
}
