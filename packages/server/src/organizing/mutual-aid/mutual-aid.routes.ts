import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { apiV1 } from '@tocsin/core';
import type { AppContext } from '../../platform';
import { principalOf } from '../../membership';
import {
  aidBoard,
  aidQueue,
  aidStatsOf,
  closeAidRequest,
  getAidMatch,
  matchAidRequest,
  myAid,
  offerAid,
  openAidRequest,
  postAidMessage,
  takeAidRequest,
  withdrawAidOffer,
} from './mutual-aid.service';

const tags = ['mutual-aid'];

/**
 * Mutual aid: requests and offers, the public board (category, area, urgency, age), the
 * coordinators' queue, private matching and the thread of the matched pair. Writes carry the
 * client's requestId.
 */
export function mutualAidRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/aid/requests',
      {
        schema: {
          tags,
          summary: 'Ask for aid (for yourself or on behalf of someone without an account)',
          ...apiV1['POST /api/v1/aid/requests'],
        },
      },
      async (request, reply) => {
        const answer = await openAidRequest(ctx, principalOf(request), {
          ...request.body,
          description: request.body.description,
          autoMatch: request.body.autoMatch ?? false,
          onBehalf: request.body.onBehalf ?? false,
        });
        return reply.status(201).send(answer.body);
      },
    );

    app.post(
      '/aid/offers',
      {
        schema: {
          tags,
          summary: 'Offer aid in a category and area',
          ...apiV1['POST /api/v1/aid/offers'],
        },
      },
      async (request, reply) => {
        const answer = await offerAid(ctx, principalOf(request), request.body);
        return reply.status(201).send(answer.body);
      },
    );

    app.delete(
      '/aid/offers/:id',
      {
        schema: { tags, summary: 'Withdraw your offer', ...apiV1['DELETE /api/v1/aid/offers/:id'] },
      },
      (request) => withdrawAidOffer(ctx, principalOf(request), request.params.id),
    );

    app.get(
      '/aid/board',
      {
        schema: {
          tags,
          summary: 'Open requests of an area: category, area, urgency and age only',
          ...apiV1['GET /api/v1/aid/board'],
        },
      },
      (request) => aidBoard(ctx, principalOf(request), request.query.areaId),
    );

    app.get(
      '/aid/mine',
      {
        schema: {
          tags,
          summary: 'Your requests, offers and the requests you took',
          ...apiV1['GET /api/v1/aid/mine'],
        },
      },
      (request) => myAid(ctx, principalOf(request)),
    );

    app.get(
      '/aid/queue',
      {
        schema: {
          tags,
          summary: 'The coordinators’ queue: open requests, requester as a handle, who offered',
          ...apiV1['GET /api/v1/aid/queue'],
        },
      },
      (request) => aidQueue(ctx, principalOf(request), request.query.areaId),
    );

    app.get(
      '/aid/stats',
      {
        schema: {
          tags,
          summary: 'Requests by category (counts under 5 shown as null)',
          ...apiV1['GET /api/v1/aid/stats'],
        },
      },
      (request) => aidStatsOf(ctx, principalOf(request), request.query.areaId),
    );

    app.post(
      '/aid/requests/:id/take',
      {
        schema: {
          tags,
          summary: 'Offer to take a request',
          ...apiV1['POST /api/v1/aid/requests/:id/take'],
        },
      },
      async (request, reply) => {
        const answer = await takeAidRequest(
          ctx,
          principalOf(request),
          request.params.id,
          request.body.requestId,
        );
        return reply.status(200).send(answer.body);
      },
    );

    app.post(
      '/aid/requests/:id/match',
      {
        schema: {
          tags,
          summary: 'Pair a request with a volunteer who offered (coordinators)',
          ...apiV1['POST /api/v1/aid/requests/:id/match'],
        },
      },
      async (request, reply) => {
        const answer = await matchAidRequest(
          ctx,
          principalOf(request),
          request.params.id,
          request.body,
        );
        return reply.status(200).send(answer.body);
      },
    );

    app.post(
      '/aid/requests/:id/close',
      {
        schema: {
          tags,
          summary: 'Close a request as fulfilled or withdrawn',
          ...apiV1['POST /api/v1/aid/requests/:id/close'],
        },
      },
      async (request, reply) => {
        const answer = await closeAidRequest(
          ctx,
          principalOf(request),
          request.params.id,
          request.body,
        );
        return reply.status(200).send(answer.body);
      },
    );

    app.get(
      '/aid/matches/:id',
      {
        schema: {
          tags,
          summary: 'A match and its thread (its two people only)',
          ...apiV1['GET /api/v1/aid/matches/:id'],
        },
      },
      (request) => getAidMatch(ctx, principalOf(request), request.params.id),
    );

    app.post(
      '/aid/matches/:id/messages',
      {
        schema: {
          tags,
          summary: 'A short message in the match’s private thread',
          ...apiV1['POST /api/v1/aid/matches/:id/messages'],
        },
      },
      async (request, reply) => {
        const answer = await postAidMessage(
          ctx,
          principalOf(request),
          request.params.id,
          request.body,
        );
        return reply.status(201).send(answer.body);
      },
    );
  };
}
