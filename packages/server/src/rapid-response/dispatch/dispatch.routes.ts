import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
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
          params: z.strictObject({ id: z.uuid() }),
          body: z.strictObject({ response: z.enum(['accept', 'decline', 'on_scene', 'clear']) }),
          response: { 200: z.object({ id: z.uuid(), state: z.string() }) },
        },
      },
      async (request) =>
        respondToDispatch(ctx, principalOf(request), request.params.id, request.body.response),
    );
  };
}
