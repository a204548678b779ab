import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { apiV1 } from '@tocsin/core';
import type { AppContext } from '../../platform';
import { principalOf } from '../../membership';
import { preferencesOf, presentPreferences, setPreferences } from './preferences.service';

/** Where a member wants alerts from. */
export function alertsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/me/alerts',
      {
        schema: {
          tags: ['alerts'],
          summary: 'My alert areas, places, radius and level',
          ...apiV1['GET /api/v1/me/alerts'],
        },
      },
      async (request) => presentPreferences(await preferencesOf(ctx, principalOf(request))),
    );

    app.put(
      '/me/alerts',
      {
        schema: {
          tags: ['alerts'],
          summary:
            'Choose alert areas, places (kept only as coarse cells), radius and minimum level',
          ...apiV1['PUT /api/v1/me/alerts'],
        },
      },
      async (request) =>
        presentPreferences(await setPreferences(ctx, principalOf(request), request.body)),
    );
  };
}
