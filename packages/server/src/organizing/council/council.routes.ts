import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import { apiV1 } from '@tocsin/core';
import type { AppContext } from '../../platform';
import { principalOf } from '../../membership';
import type { Answer } from '../assemblies';
import {
  appointDelegate,
  bodyMandates,
  getCouncil,
  listRatifications,
  ratify,
  reportBack,
  requireRatification,
  setCouncilSettings,
  setMandate,
  toCouncilAgenda,
} from './council.service';

const tags = ['council'];

function send<T>(reply: FastifyReply, answer: Answer<T>) {
  return reply.status(answer.status).send(answer.body);
}

/** The citywide council: seats, delegates, mandates, report-back and ratification (issue 17). */
export function councilRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/council',
      {
        schema: {
          tags,
          summary: 'The council: seats per committee, seated delegates, next meeting, my mandates',
          ...apiV1['GET /api/v1/council'],
        },
      },
      (request) => getCouncil(ctx, principalOf(request)),
    );
    app.put(
      '/council/settings',
      {
        schema: {
          tags,
          summary: "Weigh delegates' votes by seats or not (city organizer)",
          ...apiV1['PUT /api/v1/council/settings'],
        },
      },
      async (request, reply) =>
        send(reply, await setCouncilSettings(ctx, principalOf(request), request.body)),
    );
    app.post(
      '/bodies/:bodyId/delegates',
      {
        schema: {
          tags,
          summary: "Appoint a delegate by the body's carried motion (until its first election)",
          ...apiV1['POST /api/v1/bodies/:bodyId/delegates'],
        },
      },
      async (request, reply) =>
        send(
          reply,
          await appointDelegate(ctx, principalOf(request), request.params.bodyId, request.body),
        ),
    );
    app.get(
      '/bodies/:bodyId/mandates',
      {
        schema: {
          tags,
          summary: "The next council agenda and the committee's mandates (its roll)",
          ...apiV1['GET /api/v1/bodies/:bodyId/mandates'],
        },
      },
      (request) => bodyMandates(ctx, principalOf(request), request.params.bodyId),
    );
    app.put(
      '/bodies/:bodyId/mandates/:itemId',
      {
        schema: {
          tags,
          summary: "Set the committee's mandate on a council item (after its carried motion)",
          ...apiV1['PUT /api/v1/bodies/:bodyId/mandates/:itemId'],
        },
      },
      async (request, reply) =>
        send(
          reply,
          await setMandate(
            ctx,
            principalOf(request),
            request.params.bodyId,
            request.params.itemId,
            request.body,
          ),
        ),
    );
    app.get(
      '/bodies/:bodyId/report-back/:meetingId',
      {
        schema: {
          tags,
          summary: "How the committee's delegates voted in a council meeting, per item",
          ...apiV1['GET /api/v1/bodies/:bodyId/report-back/:meetingId'],
        },
      },
      (request) =>
        reportBack(ctx, principalOf(request), request.params.bodyId, request.params.meetingId),
    );
    app.post(
      '/bodies/:bodyId/council-agenda',
      {
        schema: {
          tags,
          summary: "Send the committee's carried motion to the next council agenda",
          ...apiV1['POST /api/v1/bodies/:bodyId/council-agenda'],
        },
      },
      async (request, reply) =>
        send(
          reply,
          await toCouncilAgenda(ctx, principalOf(request), request.params.bodyId, request.body),
        ),
    );
    app.get(
      '/council/ratifications',
      {
        schema: {
          tags,
          summary: 'Council decisions awaiting, passing or failing ratification by the committees',
          ...apiV1['GET /api/v1/council/ratifications'],
        },
      },
      (request) => listRatifications(ctx, principalOf(request)),
    );
    app.post(
      '/council/decisions/:decisionId/ratification',
      {
        schema: {
          tags,
          summary: 'Require the committees to ratify a council decision (council chair)',
          ...apiV1['POST /api/v1/council/decisions/:decisionId/ratification'],
        },
      },
      async (request, reply) =>
        send(
          reply,
          await requireRatification(
            ctx,
            principalOf(request),
            request.params.decisionId,
            request.body,
          ),
        ),
    );
    app.put(
      '/bodies/:bodyId/ratifications/:decisionId',
      {
        schema: {
          tags,
          summary: "The committee's carried motion ratifies or rejects a council decision",
          ...apiV1['PUT /api/v1/bodies/:bodyId/ratifications/:decisionId'],
        },
      },
      async (request, reply) =>
        send(
          reply,
          await ratify(
            ctx,
            principalOf(request),
            request.params.bodyId,
            request.params.decisionId,
            request.body,
          ),
        ),
    );
  };
}
