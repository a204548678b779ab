import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { apiV1 } from '@tocsin/core';
import { defaultPushTransport, type AppContext } from '../../platform';
import { principalOf } from '../../membership';
import { CampaignPusher } from './campaign-notice';
import {
  campaignHistory,
  campaignsFor,
  changePledge,
  closeCampaign,
  createCampaign,
  getCampaign,
  getMyPledge,
} from './campaigns.service';
import {
  addWorkplaceUnit,
  confirmMember,
  createWorkplaceProfile,
  declareWorkplace,
  getWorkplace,
  myWorkplace,
  pendingMembers,
  structureOf,
  updateWorkplace,
} from './workplaces.service';

const tags = ['workplaces'];
const campaignTags = ['campaigns'];

/**
 * Workplaces (profile, departments and shifts, declared and confirmed members) and strike pledge
 * campaigns. No answer names a pledger; the one per-member pledge fact is the caller's own.
 */
export function pledgesRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const vapid = ctx.secrets.vapid;
    if (vapid) {
      const transport = ctx.pushTransport ?? defaultPushTransport();
      const pusher = new CampaignPusher(ctx, {
        vapid,
        subject: ctx.config.vapidSubject,
        transport,
      });
      app.addHook('onReady', () => pusher.start());
      app.addHook('preClose', () => pusher.stop());
      if (!ctx.pushTransport) app.addHook('onClose', () => transport.agent.destroy());
    }

    app.post(
      '/workplaces',
      {
        schema: {
          tags,
          summary: 'An organizer of the parent area adds a workplace with its profile',
          ...apiV1['POST /api/v1/workplaces'],
        },
      },
      async (request, reply) => {
        const { view, created } = await createWorkplaceProfile(
          ctx,
          principalOf(request),
          request.body,
        );
        return reply.status(created ? 201 : 200).send(view);
      },
    );

    app.get(
      '/workplaces/:id',
      {
        schema: {
          tags,
          summary: "A workplace's profile (its members and organizers)",
          ...apiV1['GET /api/v1/workplaces/:id'],
        },
      },
      (request) => getWorkplace(ctx, principalOf(request), request.params.id),
    );

    app.put(
      '/workplaces/:id',
      {
        schema: {
          tags,
          summary: "Change a workplace's profile (its organizers)",
          ...apiV1['PUT /api/v1/workplaces/:id'],
        },
      },
      (request) => updateWorkplace(ctx, principalOf(request), request.params.id, request.body),
    );

    app.post(
      '/workplaces/:id/units',
      {
        schema: {
          tags,
          summary: 'Add a department or shift (its organizers)',
          ...apiV1['POST /api/v1/workplaces/:id/units'],
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await addWorkplaceUnit(ctx, principalOf(request), request.params.id, request.body)),
    );

    app.get(
      '/workplaces/:id/structure',
      {
        schema: {
          tags,
          summary: 'The structure chart: counts per department and shift (its organizers)',
          ...apiV1['GET /api/v1/workplaces/:id/structure'],
        },
      },
      (request) => structureOf(ctx, principalOf(request), request.params.id),
    );

    app.get(
      '/workplaces/:id/members/pending',
      {
        schema: {
          tags,
          summary: 'Members who declared this workplace and wait for confirmation (its organizers)',
          ...apiV1['GET /api/v1/workplaces/:id/members/pending'],
        },
      },
      (request) => pendingMembers(ctx, principalOf(request), request.params.id),
    );

    app.post(
      '/workplaces/:id/members/:memberId/confirm',
      {
        schema: {
          tags,
          summary: "Confirm a member's declared workplace (its organizers)",
          ...apiV1['POST /api/v1/workplaces/:id/members/:memberId/confirm'],
        },
      },
      (request) =>
        confirmMember(
          ctx,
          principalOf(request),
          request.params.id,
          request.params.memberId,
          request.body,
        ),
    );

    app.get(
      '/me/workplace',
      {
        schema: {
          tags,
          summary: 'Where I said I work, and whether it is confirmed',
          ...apiV1['GET /api/v1/me/workplace'],
        },
      },
      (request) => myWorkplace(ctx, principalOf(request)),
    );

    app.put(
      '/me/workplace',
      {
        schema: {
          tags,
          summary: 'Say where I work (by the id its organizers gave me); they confirm it',
          ...apiV1['PUT /api/v1/me/workplace'],
        },
      },
      (request) => declareWorkplace(ctx, principalOf(request), request.body.workplaceId),
    );

    app.post(
      '/campaigns',
      {
        schema: {
          tags: campaignTags,
          summary:
            'Start a strike pledge campaign (city organizers for the council, or a workplace)',
          ...apiV1['POST /api/v1/campaigns'],
        },
      },
      async (request, reply) => {
        const { view, created } = await createCampaign(ctx, principalOf(request), request.body);
        return reply.status(created ? 201 : 200).send(view);
      },
    );

    app.get(
      '/campaigns',
      {
        schema: {
          tags: campaignTags,
          summary: 'The campaigns I may see, with published counts',
          ...apiV1['GET /api/v1/campaigns'],
        },
      },
      (request) => campaignsFor(ctx, principalOf(request)),
    );

    app.get(
      '/campaigns/:id',
      {
        schema: {
          tags: campaignTags,
          summary:
            'A campaign: state, published counts (k-anonymous, stepped), triggered workplaces',
          ...apiV1['GET /api/v1/campaigns/:id'],
        },
      },
      (request) => getCampaign(ctx, principalOf(request), request.params.id),
    );

    app.get(
      '/campaigns/:id/history',
      {
        schema: {
          tags: campaignTags,
          summary: 'Pledges over time per sector, as published',
          ...apiV1['GET /api/v1/campaigns/:id/history'],
        },
      },
      (request) => campaignHistory(ctx, principalOf(request), request.params.id),
    );

    app.post(
      '/campaigns/:id/close',
      {
        schema: {
          tags: campaignTags,
          summary: 'Close a campaign (its organizers)',
          ...apiV1['POST /api/v1/campaigns/:id/close'],
        },
      },
      (request) => closeCampaign(ctx, principalOf(request), request.params.id),
    );

    app.get(
      '/campaigns/:id/pledge',
      {
        schema: {
          tags: campaignTags,
          summary: 'Whether I pledged (only ever my own pledge)',
          ...apiV1['GET /api/v1/campaigns/:id/pledge'],
        },
      },
      (request) => getMyPledge(ctx, principalOf(request), request.params.id),
    );

    app.put(
      '/campaigns/:id/pledge',
      {
        schema: {
          tags: campaignTags,
          summary: 'Pledge, conditionally (members confirmed in a workplace of the campaign)',
          ...apiV1['PUT /api/v1/campaigns/:id/pledge'],
        },
      },
      (request) => changePledge(ctx, principalOf(request), request.params.id, 1),
    );

    app.delete(
      '/campaigns/:id/pledge',
      {
        schema: {
          tags: campaignTags,
          summary: 'Withdraw my pledge (until my workplace triggers)',
          ...apiV1['DELETE /api/v1/campaigns/:id/pledge'],
        },
      },
      (request) => changePledge(ctx, principalOf(request), request.params.id, -1),
    );
  };
}
