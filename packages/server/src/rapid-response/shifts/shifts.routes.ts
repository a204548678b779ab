import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { apiV1 } from '@tocsin/core';
import type { AppContext } from '../../platform';
import { principalOf } from '../../membership';
import { setShift } from './shifts.service';

/** A responder's shift. */
export function shiftsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.put(
      '/me/shift',
      {
        schema: {
          tags: ['alerts'],
          summary: 'Responders: go on or off shift (location kept only as a coarse cell)',
          ...apiV1['PUT /api/v1/me/shift'],
        },
      },
      async (request) => setShift(ctx, principalOf(request), request.body),
    );
  };
}
