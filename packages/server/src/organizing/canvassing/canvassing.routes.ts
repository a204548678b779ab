import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { apiV1 } from '@tocsin/core';
import type { AppContext } from '../../platform';
import { baseUrlOf, principalOf } from '../../membership';
import { coverage, createTurf, getTurf, listTurfs, recordDoor } from './canvassing.service';

const tags = ['canvassing'];

/** Turfs (H3 cells), door outcomes as per-cell counts, and the progress map. */
export function canvassingRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/turfs',
      {
        schema: {
          tags,
          summary: 'Draw a turf (cells) or pick an area, and assign it to a pair for a day',
          ...apiV1['POST /api/v1/turfs'],
        },
      },
      async (request, reply) => {
        const { status, turf } = await createTurf(ctx, principalOf(request), request.body);
        return reply.status(status).send(turf);
      },
    );

    app.get(
      '/turfs',
      {
        schema: {
          tags,
          summary: "An area's turfs (the group: all; a canvasser: their own)",
          ...apiV1['GET /api/v1/turfs'],
        },
      },
      (request) => listTurfs(ctx, principalOf(request), request.query.areaId),
    );

    app.get(
      '/turfs/:id',
      {
        schema: {
          tags,
          summary: 'A turf with its cells, coverage and notes',
          ...apiV1['GET /api/v1/turfs/:id'],
        },
      },
      (request) => getTurf(ctx, principalOf(request), request.params.id),
    );

    app.post(
      '/turfs/:id/doors',
      {
        schema: {
          tags,
          summary: 'Record a door: an outcome in a cell, counted once per id',
          ...apiV1['POST /api/v1/turfs/:id/doors'],
        },
      },
      async (request, reply) => {
        const { status, answer } = await recordDoor(
          ctx,
          principalOf(request),
          request.params.id,
          request.body,
          baseUrlOf(ctx, request),
        );
        return reply.status(status).send(answer);
      },
    );

    app.get(
      '/canvass/coverage',
      {
        schema: {
          tags,
          summary: 'The progress map: cells by coverage and outcome, per-turf and area totals',
          ...apiV1['GET /api/v1/canvass/coverage'],
        },
      },
      (request) => coverage(ctx, principalOf(request), request.query.areaId),
    );
  };
}
