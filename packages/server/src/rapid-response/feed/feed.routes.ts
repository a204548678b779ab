import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { homeFeedViewSchema } from '@tocsin/core';
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
          response: { 200: homeFeedViewSchema },
        },
      },
      async (request) => homeFeed(ctx, principalOf(request)),
    );
  };
}
