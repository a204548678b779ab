import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { apiV1 } from '@tocsin/core';
import type { AppContext } from '../../platform';
import { principalOf } from '../auth';
import {
  approveMember,
  listAreaMembers,
  reinstateMember,
  suspendMember,
  vouchFor,
} from './members.service';
import {
  countersignRoleGrant,
  listRoleGrants,
  refuseRoleGrant,
  setAreaRoles,
} from './role-grants.service';
import { vouchForHandle } from './vouch-by-handle.service';

/** Vouching, approval, suspension and roles: the organization's own governance. */
export function membersRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/members/vouch',
      {
        schema: {
          tags: ['members'],
          summary:
            'Vouch in person for a member on probation, by the handle in their QR code (active members other than their sponsor)',
          ...apiV1['POST /api/v1/members/vouch'],
        },
      },
      async (request) => ({
        status: await vouchForHandle(ctx, principalOf(request), request.body.handle),
      }),
    );

    app.post(
      '/members/:id/vouch',
      {
        schema: {
          tags: ['members'],
          summary: 'Vouch for a member on probation (active members other than their sponsor)',
          ...apiV1['POST /api/v1/members/:id/vouch'],
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
          ...apiV1['POST /api/v1/members/:id/approve'],
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
          ...apiV1['POST /api/v1/members/:id/suspend'],
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
          ...apiV1['POST /api/v1/members/:id/reinstate'],
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
          summary:
            "Set a member's roles in an area (organizer of the area, or admin); verifier, dispatcher, organizer and admin wait for a countersign",
          ...apiV1['PUT /api/v1/areas/:areaId/members/:memberId/roles'],
        },
      },
      async (request) =>
        setAreaRoles(
          ctx,
          principalOf(request),
          request.params.areaId,
          request.params.memberId,
          request.body.roles,
        ),
    );

    app.get(
      '/role-grants',
      {
        schema: {
          tags: ['members'],
          summary: 'Role grants waiting for a countersign (organizers of their areas, admins)',
          ...apiV1['GET /api/v1/role-grants'],
        },
      },
      async (request) => listRoleGrants(ctx, principalOf(request)),
    );

    app.post(
      '/role-grants/:id/countersign',
      {
        schema: {
          tags: ['members'],
          summary:
            'Countersign a role grant: a second organizer of the area or admin, not the one who asked nor the sponsor',
          ...apiV1['POST /api/v1/role-grants/:id/countersign'],
        },
      },
      async (request) => countersignRoleGrant(ctx, principalOf(request), request.params.id),
    );

    app.post(
      '/role-grants/:id/refuse',
      {
        schema: {
          tags: ['members'],
          summary: 'Refuse a role grant (or withdraw one you asked for)',
          ...apiV1['POST /api/v1/role-grants/:id/refuse'],
        },
      },
      async (request) => refuseRoleGrant(ctx, principalOf(request), request.params.id),
    );

    app.get(
      '/areas/:areaId/members',
      {
        schema: {
          tags: ['members'],
          summary: 'Members of an area with their roles (organizers of the area)',
          ...apiV1['GET /api/v1/areas/:areaId/members'],
        },
      },
      async (request) => listAreaMembers(ctx, principalOf(request), request.params.areaId),
    );
  };
}
