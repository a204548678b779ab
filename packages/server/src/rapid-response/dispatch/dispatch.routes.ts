import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { apiV1 } from '@tocsin/core';
import type { AppContext } from '../../platform';
import { principalOf } from '../../membership';
import { dispatchBoard, dispatchByHand, standDownByHand } from './console.service';
import { respondToDispatch } from './dispatch.service';

/** Responders answer dispatches; dispatchers dispatch and stand down by hand (ADR 0023). */
export function dispatchRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/dispatches/:id',
      {
        schema: {
          tags: ['dispatch'],
          summary: 'Answer a dispatch: accept, decline, on scene, clear',
          ...apiV1['POST /api/v1/dispatches/:id'],
        },
      },
      async (request) =>
        respondToDispatch(ctx, principalOf(request), request.params.id, request.body.response),
    );
    app.post(
      '/dispatches/:id/stand-down',
      {
        schema: {
          tags: ['dispatch'],
          summary: 'Dispatchers: stand a responder down from an incident',
          ...apiV1['POST /api/v1/dispatches/:id/stand-down'],
        },
      },
      async (request) => standDownByHand(ctx, principalOf(request), request.params.id),
    );
    app.post(
      '/incidents/:id/dispatches',
      {
        schema: {
          tags: ['dispatch'],
          summary: 'Dispatchers: offer an incident to one on-shift responder by hand',
          ...apiV1['POST /api/v1/incidents/:id/dispatches'],
        },
      },
      async (request) =>
        dispatchByHand(ctx, principalOf(request), request.params.id, request.body.memberId),
    );
    app.get(
      '/dispatch/responders',
      {
        schema: {
          tags: ['dispatch'],
          summary:
            "Dispatchers: an area's on-shift responders, as coarse cells, and their dispatches",
          ...apiV1['GET /api/v1/dispatch/responders'],
        },
      },
      async (request) => dispatchBoard(ctx, principalOf(request), request.query.areaId),
    );
  };
}
