import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { areaStatsViewSchema } from '@tocsin/core';
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
          params: z.strictObject({ areaId: z.uuid() }),
          querystring: z.strictObject({
            days: z.coerce.number().int().min(1).max(366).default(30),
          }),
          response: { 200: areaStatsViewSchema },
        },
      },
      (request) => areaStats(ctx, principalOf(request), request.params.areaId, request.query.days),
    );
  };
}
