import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import { apiV1 } from '@tocsin/core';
import { refuseCredentials, type AppContext } from '../../platform';
import { principalOf } from '../../membership';
import type { Answer } from '../assemblies';
import {
  acceptNomination,
  ballotFile,
  castBallot,
  createElection,
  getElection,
  issueToken,
  listBallots,
  nominate,
} from './elections.service';
import { appointHolder, bodyElections, signRecall } from './recall.service';

const tags = ['elections'];

function send<T>(reply: FastifyReply, answer: Answer<T>) {
  return reply.status(answer.status).send(answer.body);
}

/** Elections of a body, nominations, ballot tokens, the ballot box, results, holders, recall. */
export function electionsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/bodies/:bodyId/elections',
      {
        schema: {
          tags,
          summary: "A body's elections, office holders (with recall petitions) and ending terms",
          ...apiV1['GET /api/v1/bodies/:bodyId/elections'],
        },
      },
      (request) => bodyElections(ctx, principalOf(request), request.params.bodyId),
    );

    app.post(
      '/bodies/:bodyId/elections',
      {
        schema: {
          tags,
          summary: 'Call an election for seats of an office (chair or organizer of the area)',
          ...apiV1['POST /api/v1/bodies/:bodyId/elections'],
        },
      },
      async (request, reply) =>
        send(
          reply,
          await createElection(ctx, principalOf(request), request.params.bodyId, request.body),
        ),
    );

    app.post(
      '/bodies/:bodyId/office-holders',
      {
        schema: {
          tags,
          summary: 'Appoint an office holder for a term (organizer of the area)',
          ...apiV1['POST /api/v1/bodies/:bodyId/office-holders'],
        },
      },
      async (request, reply) =>
        send(
          reply,
          await appointHolder(ctx, principalOf(request), request.params.bodyId, request.body),
        ),
    );

    app.get(
      '/elections/:id',
      {
        schema: {
          tags,
          summary: 'An election: nominations, ballot options, key, results (members of the body)',
          ...apiV1['GET /api/v1/elections/:id'],
        },
      },
      (request) => getElection(ctx, principalOf(request), request.params.id),
    );

    app.post(
      '/elections/:id/nominations',
      {
        schema: {
          tags,
          summary: 'Nominate a member of the body, or yourself',
          ...apiV1['POST /api/v1/elections/:id/nominations'],
        },
      },
      async (request, reply) =>
        send(reply, await nominate(ctx, principalOf(request), request.params.id, request.body)),
    );

    app.post(
      '/nominations/:id/accept',
      {
        schema: {
          tags,
          summary: 'Accept your nomination, with a statement',
          ...apiV1['POST /api/v1/nominations/:id/accept'],
        },
      },
      async (request, reply) =>
        send(
          reply,
          await acceptNomination(ctx, principalOf(request), request.params.id, request.body),
        ),
    );

    app.post(
      '/elections/:id/tokens',
      {
        schema: {
          tags,
          summary: 'Get your ballot token blind-signed (once per member of the roll)',
          ...apiV1['POST /api/v1/elections/:id/tokens'],
        },
      },
      async (request, reply) =>
        send(reply, await issueToken(ctx, principalOf(request), request.params.id, request.body)),
    );

    app.post(
      '/elections/:id/ballots',
      {
        config: { auth: 'public' },
        onRequest: refuseCredentials,
        schema: {
          tags,
          summary: 'The ballot box: cast with the token only, no session',
          ...apiV1['POST /api/v1/elections/:id/ballots'],
        },
      },
      async (request, reply) =>
        reply.status(201).send(await castBallot(ctx, request.params.id, request.body)),
    );

    app.get(
      '/elections/:id/ballots',
      {
        schema: {
          tags,
          summary: 'The published ballot list: every receipt, the rankings once voting closed',
          ...apiV1['GET /api/v1/elections/:id/ballots'],
        },
      },
      (request) => listBallots(ctx, principalOf(request), request.params.id),
    );

    app.get(
      '/elections/:id/blt',
      {
        schema: {
          tags,
          summary: 'The counted ballots as a BLT file (recount with `tocsin count` or droop)',
          ...apiV1['GET /api/v1/elections/:id/blt'],
        },
      },
      async (request, reply) => {
        const blt = await ballotFile(ctx, principalOf(request), request.params.id);
        return reply
          .type('text/plain; charset=utf-8')
          .header('content-disposition', `attachment; filename="election-${request.params.id}.blt"`)
          .send(blt);
      },
    );

    app.post(
      '/office-holders/:id/recall',
      {
        schema: {
          tags,
          summary: 'Sign the recall petition against an office holder',
          ...apiV1['POST /api/v1/office-holders/:id/recall'],
        },
      },
      async (request, reply) =>
        send(
          reply,
          await signRecall(ctx, principalOf(request), request.params.id, request.body.requestId),
        ),
    );
  };
}
