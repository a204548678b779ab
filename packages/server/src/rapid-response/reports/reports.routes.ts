import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { reportInputSchema } from '@tocsin/core';
import type { AppContext } from '../../platform';
import { principalOf } from '../../membership';
import { submitReport } from './reports.service';

const saluteOut = z.object({
  size: z.string().optional(),
  activity: z.string().optional(),
  location: z
    .object({ lat: z.number().optional(), lng: z.number().optional(), text: z.string().optional() })
    .optional(),
  uniform: z.string().optional(),
  time: z.string().optional(),
  equipment: z.string().optional(),
});

const reportResponse = z.object({
  report: z.object({ id: z.uuid(), salute: saluteOut, plates: z.array(z.string()) }),
  incident: z.object({ id: z.uuid(), state: z.string(), reporters: z.number().int() }),
});

/** Sighting reports: the way information enters Tocsin. */
export function reportsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/reports',
      {
        schema: {
          tags: ['reports'],
          summary: 'Report a sighting (SALUTE fields and/or pasted text); idempotent by id',
          body: reportInputSchema,
          response: { 200: reportResponse, 201: reportResponse },
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
