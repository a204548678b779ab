import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { apiV1 } from '@tocsin/core';
import type { AppContext } from '../../platform';
import { principalOf } from '../../membership';
import { submitReport } from './reports.service';

/** Sighting reports: the way information enters Tocsin. */
export function reportsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/reports',
      {
        schema: {
          tags: ['reports'],
          summary: 'Report a sighting (SALUTE fields and/or pasted text); idempotent by id',
          ...apiV1['POST /api/v1/reports'],
        },
      },
      async (request, reply) => {
        const result = await submitReport(ctx, principalOf(request), request.body);
        return reply
          .status(result.created ? 201 : 200)
          .send({ report: result.report, incident: result.incident });
      },
    );
  };
}
