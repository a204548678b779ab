import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { apiV1 } from '@tocsin/core';
import type { AppContext } from '../../platform';
import { principalOf } from '../../membership';
import { areaStats } from './stats.service';

/** Statistics for organizers: how the network is doing in their area, no one named. */
export function statsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/areas/:areaId/stats',
      {
        schema: {
          tags: ['stats'],
          summary:
            'Incidents, false-alarm rate, median minutes to corroborate and confirm, alerts ' +
            'delivered, for an area and the areas under it (organizers, admins)',
          ...apiV1['GET /api/v1/areas/:areaId/stats'],
        },
      },
      (request) => areaStats(ctx, principalOf(request), request.params.areaId, request.query.days),
    );
  };
}
