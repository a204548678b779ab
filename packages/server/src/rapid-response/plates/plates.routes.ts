import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { apiV1 } from '@tocsin/core';
import type { AppContext } from '../../platform';
import { principalOf } from '../../membership';
import { approvePlate, lookupPlate, removePlate } from './plates.service';

/** Licence plates of vehicles seen in confirmed incidents: lookup, approval, correction. */
export function platesRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/plates/:plate',
      {
        schema: {
          tags: ['plates'],
          summary:
            'Is this plate listed? Only listed or not, confirmed incidents, last day seen, areas',
          ...apiV1['GET /api/v1/plates/:plate'],
        },
      },
      (request) => lookupPlate(ctx, principalOf(request), request.params.plate),
    );

    app.post(
      '/plates/:plate/approvals',
      {
        schema: {
          tags: ['plates'],
          summary: "A verifier's approval; two verifiers and a confirmed incident list a plate",
          ...apiV1['POST /api/v1/plates/:plate/approvals'],
        },
      },
      (request) => approvePlate(ctx, principalOf(request), request.params.plate),
    );

    app.delete(
      '/plates/:plate',
      {
        schema: {
          tags: ['plates'],
          summary: 'Remove a wrong plate and its links (organizers of its areas, admins)',
          ...apiV1['DELETE /api/v1/plates/:plate'],
        },
      },
      async (request, reply) => {
        await removePlate(ctx, principalOf(request), request.params.plate, request.body.reason);
        return reply.status(204).send();
      },
    );
  };
}
