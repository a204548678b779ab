import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { apiV1 } from '@tocsin/core';
import type { AppContext } from '../../platform';
import { principalOf } from '../../membership';
import { respondToDispatch } from './dispatch.service';

/** Responders answer dispatches. */
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
  };
}
