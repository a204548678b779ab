import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { apiV1 } from '@tocsin/core';
import type { AppContext } from '../../platform';
import { principalOf } from '../../membership';
import type { BulletinJobs } from './bulletin.jobs';
import { memberLanguage } from './bulletin.repository';
import { digestFor, digestSettings, saveDigestSettings } from './digest.service';
import {
  approvePost,
  bulletinOf,
  createPost,
  followBodyAs,
  pendingPosts,
  withdrawPost,
} from './posts.service';

const tags = ['bulletin'];

/**
 * The bulletin: bodies' posts (city-wide ones approved by a second person), each member's one
 * calm list, follows and mutes, the daily digest and its settings. Starts the bulletin's jobs
 * (automatic posts, calm pushes, digests) with the app.
 */
export function bulletinRoutes(ctx: AppContext, jobs: BulletinJobs): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('onReady', () => jobs.start());
    app.addHook('preClose', () => jobs.stop());

    app.get(
      '/me/bulletin',
      {
        schema: {
          tags,
          summary: 'My bulletin: city-wide, my areas, my bodies, newest first, pinned on top',
          ...apiV1['GET /api/v1/me/bulletin'],
        },
      },
      (request) => bulletinOf(ctx, principalOf(request), request.query),
    );

    app.post(
      '/bodies/:bodyId/posts',
      {
        schema: {
          tags,
          summary:
            'Post for a body (its officers, or Info & Events); city-wide posts wait for a second person',
          ...apiV1['POST /api/v1/bodies/:bodyId/posts'],
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await createPost(ctx, principalOf(request), request.params.bodyId, request.body)),
    );

    app.get(
      '/posts/pending',
      {
        schema: {
          tags,
          summary: 'City-wide posts waiting for a second person that I may approve',
          ...apiV1['GET /api/v1/posts/pending'],
        },
      },
      (request) => pendingPosts(ctx, principalOf(request)),
    );

    app.post(
      '/posts/:id/approve',
      {
        schema: {
          tags,
          summary: 'Approve a city-wide post as the second person (never its author)',
          ...apiV1['POST /api/v1/posts/:id/approve'],
        },
      },
      (request) => approvePost(ctx, principalOf(request), request.params.id),
    );

    app.post(
      '/posts/:id/withdraw',
      {
        schema: {
          tags,
          summary: "Withdraw a post (its author or the body's officers)",
          ...apiV1['POST /api/v1/posts/:id/withdraw'],
        },
      },
      (request) => withdrawPost(ctx, principalOf(request), request.params.id),
    );

    app.put(
      '/bodies/:bodyId/follow',
      {
        schema: {
          tags,
          summary: 'Follow or mute a body, or go back to the default',
          ...apiV1['PUT /api/v1/bodies/:bodyId/follow'],
        },
      },
      (request) => followBodyAs(ctx, principalOf(request), request.params.bodyId, request.body),
    );

    app.get(
      '/me/digest',
      {
        schema: {
          tags,
          summary: "A day's digest (today by default), in my language",
          ...apiV1['GET /api/v1/me/digest'],
        },
      },
      async (request) => {
        const principal = principalOf(request);
        const language = await memberLanguage(ctx.db, principal.memberId);
        return digestFor(ctx, principal, request.query.day, language);
      },
    );

    app.get(
      '/me/digest/settings',
      {
        schema: {
          tags,
          summary: 'My digest time, quiet hours and follows',
          ...apiV1['GET /api/v1/me/digest/settings'],
        },
      },
      (request) => digestSettings(ctx, principalOf(request)),
    );

    app.put(
      '/me/digest',
      {
        schema: {
          tags,
          summary: 'Set my digest time and quiet hours (city time)',
          ...apiV1['PUT /api/v1/me/digest'],
        },
      },
      (request) => saveDigestSettings(ctx, principalOf(request), request.body),
    );
  };
}
