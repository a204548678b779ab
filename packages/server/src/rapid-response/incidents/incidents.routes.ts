import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { apiV1 } from '@tocsin/core';
import type { AppContext } from '../../platform';
import { principalOf } from '../../membership';
import {
  endIncident,
  getIncident,
  listIncidents,
  mergeIncident,
  verifyIncident,
} from './incidents.service';

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
          ...apiV1['GET /api/v1/incidents'],
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
          ...apiV1['GET /api/v1/incidents/:id'],
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
          ...apiV1['POST /api/v1/incidents/:id/verification'],
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
          ...apiV1['POST /api/v1/incidents/:id/end'],
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
          ...apiV1['POST /api/v1/incidents/:id/merge'],
        },
      },
      async (request) =>
        mergeIncident(ctx, principalOf(request), request.params.id, request.body.into),
    );
  };
}
