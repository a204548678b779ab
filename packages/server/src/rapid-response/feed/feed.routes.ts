import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { apiV1 } from '@tocsin/core';
import type { AppContext } from '../../platform';
import { principalOf } from '../../membership';
import { homeFeed } from './feed.service';

/** The home screen's data in one answer. */
export function feedRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/me/feed',
      {
        schema: {
          tags: ['alerts'],
          summary: 'My alert settings and the incidents of the last day they cover',
          ...apiV1['GET /api/v1/me/feed'],
        },
      },
      async (request) => homeFeed(ctx, principalOf(request)),
    );
  };
}
