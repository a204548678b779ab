import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import { apiV1 } from '@tocsin/core';
import { refuseCredentials, type AppContext } from '../../platform';
import { principalOf } from '../../membership';
import { appointOfficers, bodyRoll, listBodies, listMeetings } from './bodies.service';
import type { MeetingFeed } from './meeting-feed';
import {
  approveMinutes,
  callNextSpeaker,
  checkInToMeeting,
  closeMeeting,
  editMinutes,
  getMeeting,
  getMinutes,
  nextAgendaItem,
  openMeeting,
  requestToSpeak,
  scheduleMeeting,
  setSpeakerOrder,
  withdrawFromQueue,
} from './meetings.service';
import {
  addActionItem,
  castVote,
  closeVote,
  listDecisions,
  moveMotion,
  openVote,
  secondMotion,
  setActionItem,
  withdrawMotion,
} from './motions.service';
import type { Answer } from './requests';
import { castSecretBallot, issueMotionToken, listReceipts } from './secret-votes.service';

const tags = ['assemblies'];

function send<T>(reply: FastifyReply, answer: Answer<T>) {
  return reply.status(answer.status).send(answer.body);
}

/**
 * Bodies, meetings, speakers, motions, votes, minutes and the decisions register. Every write
 * carries the client's requestId; each change to a meeting tells its live followers.
 */
export function assembliesRoutes(ctx: AppContext, feed: MeetingFeed): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/bodies',
      {
        schema: {
          tags,
          summary: 'The bodies you are on the roll of',
          ...apiV1['GET /api/v1/bodies'],
        },
      },
      (request) => listBodies(ctx, principalOf(request)),
    );

    app.get(
      '/bodies/:bodyId/roll',
      {
        schema: {
          tags,
          summary: "A body's roll by name and its area's working groups (officers, organizers)",
          ...apiV1['GET /api/v1/bodies/:bodyId/roll'],
        },
      },
      (request) => bodyRoll(ctx, principalOf(request), request.params.bodyId),
    );

    app.put(
      '/bodies/:bodyId/officers',
      {
        schema: {
          tags,
          summary: "An organizer of the body's area appoints its chair and secretary",
          ...apiV1['PUT /api/v1/bodies/:bodyId/officers'],
        },
      },
      async (request, reply) =>
        send(
          reply,
          await appointOfficers(ctx, principalOf(request), request.params.bodyId, request.body),
        ),
    );

    app.post(
      '/bodies/:bodyId/meetings',
      {
        schema: {
          tags,
          summary: 'Schedule a meeting of a body (chair or secretary)',
          ...apiV1['POST /api/v1/bodies/:bodyId/meetings'],
        },
      },
      async (request, reply) =>
        send(
          reply,
          await scheduleMeeting(ctx, principalOf(request), request.params.bodyId, request.body),
        ),
    );

    app.get(
      '/bodies/:bodyId/meetings',
      {
        schema: {
          tags,
          summary: "A body's meetings, newest first (its members)",
          ...apiV1['GET /api/v1/bodies/:bodyId/meetings'],
        },
      },
      (request) => listMeetings(ctx, principalOf(request), request.params.bodyId),
    );

    app.get(
      '/bodies/:bodyId/decisions',
      {
        schema: {
          tags,
          summary: "A body's decisions register, searchable (its members)",
          ...apiV1['GET /api/v1/bodies/:bodyId/decisions'],
        },
      },
      (request) => listDecisions(ctx, principalOf(request), request.params.bodyId, request.query.q),
    );

    app.get(
      '/meetings/:id',
      {
        schema: {
          tags,
          summary: "A meeting's live state (members of its body)",
          ...apiV1['GET /api/v1/meetings/:id'],
        },
      },
      (request) => getMeeting(ctx, principalOf(request), request.params.id),
    );

    // Meeting writes: the answer, then the meeting's followers hear of the change.
    const meetingWrite = <T>(meetingId: string, answer: Answer<T>, reply: FastifyReply) => {
      if (answer.fresh) feed.changed(meetingId);
      return send(reply, answer);
    };

    app.post(
      '/meetings/:id/open',
      {
        schema: {
          tags,
          summary: 'Open the meeting (chair)',
          ...apiV1['POST /api/v1/meetings/:id/open'],
        },
      },
      async (request, reply) =>
        meetingWrite(
          request.params.id,
          await openMeeting(ctx, principalOf(request), request.params.id, request.body.requestId),
          reply,
        ),
    );

    app.post(
      '/meetings/:id/close',
      {
        schema: {
          tags,
          summary: 'Close the meeting (chair)',
          ...apiV1['POST /api/v1/meetings/:id/close'],
        },
      },
      async (request, reply) =>
        meetingWrite(
          request.params.id,
          await closeMeeting(ctx, principalOf(request), request.params.id, request.body.requestId),
          reply,
        ),
    );

    app.post(
      '/meetings/:id/agenda/next',
      {
        schema: {
          tags,
          summary: 'Move to the next agenda item (chair)',
          ...apiV1['POST /api/v1/meetings/:id/agenda/next'],
        },
      },
      async (request, reply) =>
        meetingWrite(
          request.params.id,
          await nextAgendaItem(
            ctx,
            principalOf(request),
            request.params.id,
            request.body.requestId,
          ),
          reply,
        ),
    );

    app.post(
      '/meetings/:id/check-in',
      {
        schema: {
          tags,
          summary: 'Check in with the code on the screen, or remotely where allowed',
          ...apiV1['POST /api/v1/meetings/:id/check-in'],
        },
      },
      async (request, reply) =>
        meetingWrite(
          request.params.id,
          await checkInToMeeting(ctx, principalOf(request), request.params.id, request.body),
          reply,
        ),
    );

    app.post(
      '/meetings/:id/speakers',
      {
        schema: {
          tags,
          summary: 'Ask to speak, or raise a point',
          ...apiV1['POST /api/v1/meetings/:id/speakers'],
        },
      },
      async (request, reply) =>
        meetingWrite(
          request.params.id,
          await requestToSpeak(ctx, principalOf(request), request.params.id, request.body),
          reply,
        ),
    );

    app.delete(
      '/meetings/:id/speakers/me',
      {
        schema: {
          tags,
          summary: 'Take back your waiting requests to speak',
          ...apiV1['DELETE /api/v1/meetings/:id/speakers/me'],
        },
      },
      async (request) => {
        const answer = await withdrawFromQueue(ctx, principalOf(request), request.params.id);
        if (answer.withdrawn > 0) feed.changed(request.params.id);
        return answer;
      },
    );

    app.post(
      '/meetings/:id/speakers/next',
      {
        schema: {
          tags,
          summary: 'Call the next speaker (chair)',
          ...apiV1['POST /api/v1/meetings/:id/speakers/next'],
        },
      },
      async (request, reply) =>
        meetingWrite(
          request.params.id,
          await callNextSpeaker(
            ctx,
            principalOf(request),
            request.params.id,
            request.body.requestId,
          ),
          reply,
        ),
    );

    app.post(
      '/meetings/:id/speakers/order',
      {
        schema: {
          tags,
          summary: 'Progressive stack or first come (chair)',
          ...apiV1['POST /api/v1/meetings/:id/speakers/order'],
        },
      },
      async (request, reply) =>
        meetingWrite(
          request.params.id,
          await setSpeakerOrder(ctx, principalOf(request), request.params.id, request.body),
          reply,
        ),
    );

    app.post(
      '/meetings/:id/motions',
      {
        schema: {
          tags,
          summary: 'Move a motion or an amendment',
          ...apiV1['POST /api/v1/meetings/:id/motions'],
        },
      },
      async (request, reply) =>
        meetingWrite(
          request.params.id,
          await moveMotion(ctx, principalOf(request), request.params.id, request.body),
          reply,
        ),
    );

    const motionWrite = async <T>(motionId: string, answer: Answer<T>, reply: FastifyReply) => {
      if (answer.fresh) await feed.motionChanged(motionId);
      return send(reply, answer);
    };

    app.post(
      '/motions/:id/second',
      { schema: { tags, summary: 'Second a motion', ...apiV1['POST /api/v1/motions/:id/second'] } },
      async (request, reply) =>
        motionWrite(
          request.params.id,
          await secondMotion(ctx, principalOf(request), request.params.id, request.body.requestId),
          reply,
        ),
    );

    app.post(
      '/motions/:id/withdraw',
      {
        schema: {
          tags,
          summary: 'Withdraw a motion before its vote (mover or chair)',
          ...apiV1['POST /api/v1/motions/:id/withdraw'],
        },
      },
      async (request, reply) =>
        motionWrite(
          request.params.id,
          await withdrawMotion(
            ctx,
            principalOf(request),
            request.params.id,
            request.body.requestId,
          ),
          reply,
        ),
    );

    app.post(
      '/motions/:id/vote',
      {
        schema: {
          tags,
          summary: 'Open the vote (chair)',
          ...apiV1['POST /api/v1/motions/:id/vote'],
        },
      },
      async (request, reply) =>
        motionWrite(
          request.params.id,
          await openVote(ctx, principalOf(request), request.params.id, request.body),
          reply,
        ),
    );

    app.post(
      '/motions/:id/ballots',
      {
        schema: {
          tags,
          summary: 'Vote; a later ballot replaces yours while the vote is open',
          ...apiV1['POST /api/v1/motions/:id/ballots'],
        },
      },
      async (request, reply) =>
        motionWrite(
          request.params.id,
          await castVote(ctx, principalOf(request), request.params.id, request.body),
          reply,
        ),
    );

    app.post(
      '/motions/:id/close-vote',
      {
        schema: {
          tags,
          summary: 'Close the vote: tally, majority and quorum (chair)',
          ...apiV1['POST /api/v1/motions/:id/close-vote'],
        },
      },
      async (request, reply) =>
        motionWrite(
          request.params.id,
          await closeVote(ctx, principalOf(request), request.params.id, request.body.requestId),
          reply,
        ),
    );

    app.post(
      '/motions/:id/tokens',
      {
        schema: {
          tags,
          summary: 'Secret vote: get your ballot token blind-signed (once, checked-in members)',
          ...apiV1['POST /api/v1/motions/:id/tokens'],
        },
      },
      async (request, reply) =>
        send(
          reply,
          await issueMotionToken(ctx, principalOf(request), request.params.id, request.body),
        ),
    );

    app.post(
      '/motions/:id/secret-ballots',
      {
        config: { auth: 'public' },
        onRequest: refuseCredentials,
        schema: {
          tags,
          summary: 'Secret vote: the ballot box, cast with the token only, no session',
          ...apiV1['POST /api/v1/motions/:id/secret-ballots'],
        },
      },
      async (request, reply) => {
        const answer = await castSecretBallot(ctx, request.params.id, request.body);
        await feed.motionChanged(request.params.id);
        return reply.status(201).send(answer);
      },
    );

    app.get(
      '/motions/:id/receipts',
      {
        schema: {
          tags,
          summary: 'Secret vote: its key, every receipt, the choices once it closed (the roll)',
          ...apiV1['GET /api/v1/motions/:id/receipts'],
        },
      },
      (request) => listReceipts(ctx, principalOf(request), request.params.id),
    );

    app.get(
      '/meetings/:id/minutes',
      {
        schema: {
          tags,
          summary: 'The minutes, generated from the meeting or as the secretary edited them',
          ...apiV1['GET /api/v1/meetings/:id/minutes'],
        },
      },
      (request) => getMinutes(ctx, principalOf(request), request.params.id),
    );

    app.put(
      '/meetings/:id/minutes',
      {
        schema: {
          tags,
          summary: 'Edit the minutes of a closed meeting (secretary)',
          ...apiV1['PUT /api/v1/meetings/:id/minutes'],
        },
      },
      async (request, reply) =>
        send(reply, await editMinutes(ctx, principalOf(request), request.params.id, request.body)),
    );

    app.post(
      '/meetings/:id/minutes/approve',
      {
        schema: {
          tags,
          summary: 'A later open meeting approves the minutes (chair)',
          ...apiV1['POST /api/v1/meetings/:id/minutes/approve'],
        },
      },
      async (request, reply) =>
        send(
          reply,
          await approveMinutes(ctx, principalOf(request), request.params.id, request.body),
        ),
    );

    app.post(
      '/decisions/:decisionId/action-items',
      {
        schema: {
          tags,
          summary: 'Add an action item to a decision (secretary or chair)',
          ...apiV1['POST /api/v1/decisions/:decisionId/action-items'],
        },
      },
      async (request, reply) =>
        send(
          reply,
          await addActionItem(ctx, principalOf(request), request.params.decisionId, request.body),
        ),
    );

    app.put(
      '/action-items/:itemId/status',
      {
        schema: {
          tags,
          summary: 'Mark an action item open or done (secretary, chair or owner)',
          ...apiV1['PUT /api/v1/action-items/:itemId/status'],
        },
      },
      async (request, reply) =>
        send(
          reply,
          await setActionItem(ctx, principalOf(request), request.params.itemId, request.body),
        ),
    );
  };
}
