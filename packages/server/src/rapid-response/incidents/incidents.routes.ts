import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { incidentDetailViewSchema, incidentSummaryViewSchema } from '@tocsin/core';
import type { AppContext } from '../../platform';
import { principalOf } from '../../membership';
import {
  endIncident,
  getIncident,
  listIncidents,
  mergeIncident,
  verifyIncident,
} from './incidents.service';

const idParams = z.strictObject({ id: z.uuid() });
const note = z.string().trim().max(1000).optional();
const stateResponse = z.object({ id: z.uuid(), state: z.string() });

/** Incidents: the merged, verified picture. */
export function incidentsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/incidents',
      {
        schema: {
          tags: ['incidents'],
          summary:
            'Incidents of the last day near a point (lat, lng, radius) or in an area (areaId)',
          querystring: z.strictObject({
            lat: z.coerce.number().min(-90).max(90).optional(),
            lng: z.coerce.number().min(-180).max(180).optional(),
            radius: z.coerce.number().int().min(100).max(10_000).optional(),
            areaId: z.uuid().optional(),
          }),
          response: { 200: z.array(incidentSummaryViewSchema) },
        },
      },
      async (request) => listIncidents(ctx, principalOf(request), request.query),
    );

    app.get(
      '/incidents/:id',
      {
        schema: {
          tags: ['incidents'],
          summary: 'One incident with its timeline',
          params: idParams,
          response: { 200: incidentDetailViewSchema },
        },
      },
      async (request) => getIncident(ctx, principalOf(request), request.params.id),
    );

    app.post(
      '/incidents/:id/verification',
      {
        schema: {
          tags: ['incidents'],
          summary: 'Record a verification: confirmed, false alarm or not seen',
          params: idParams,
          body: z.strictObject({ outcome: z.enum(['confirmed', 'false_alarm', 'not_seen']), note }),
          response: { 200: stateResponse },
        },
      },
      async (request) =>
        verifyIncident(
          ctx,
          principalOf(request),
          request.params.id,
          request.body.outcome,
          request.body.note ?? null,
        ),
    );

    app.post(
      '/incidents/:id/end',
      {
        schema: {
          tags: ['incidents'],
          summary: 'All clear: the incident is over',
          params: idParams,
          body: z.strictObject({ note }).nullish(),
          response: { 200: stateResponse },
        },
      },
      async (request) =>
        endIncident(ctx, principalOf(request), request.params.id, request.body?.note ?? null),
    );

    app.post(
      '/incidents/:id/merge',
      {
        schema: {
          tags: ['incidents'],
          summary: 'Merge a duplicate into another incident (dispatchers, verifiers)',
          params: idParams,
          body: z.strictObject({ into: z.uuid() }),
          response: { 200: stateResponse.extend({ into: stateResponse }) },
        },
      },
      async (request) =>
        mergeIncident(ctx, principalOf(request), request.params.id, request.body.into),
    );
  };
}
