import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { apiV1 } from '@tocsin/core';
import type { AppContext } from '../../platform';
import { getCityPlaces } from './city-places';
import { getPublicCity } from './city.service';

/** The city's public settings: what the join page shows before an account exists. */
export function cityRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/city',
      {
        schema: {
          tags: ['city'],
          summary: 'The city: name, time zone, languages, hotline and know-your-rights cards',
          ...apiV1['GET /api/v1/city'],
        },
        config: { auth: 'public' },
      },
      () => getPublicCity(ctx),
    );
    app.get(
      '/city/places',
      {
        schema: {
          tags: ['city'],
          summary: 'The street gazetteer: streets, landmarks, source and license (public data)',
          ...apiV1['GET /api/v1/city/places'],
        },
        config: { auth: 'public' },
      },
      // Like every API answer it is not cached by HTTP caches; the app keeps its own copy.
      () => getCityPlaces(ctx),
    );
  };
}
