import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { apiV1 } from '@tocsin/core';
import { AppError, defaultPushTransport, type AppContext, type PushSettings } from '../../platform';
import { principalOf } from '../auth';
import { subscribe, unsubscribe } from './push.service';

/** What pushes the alerts (rapid-response's dispatcher); handed in so membership never imports it. */
export interface PushDispatch {
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Builds the dispatcher for these push settings; the composition root supplies it. */
export type PushDispatchFactory = (
  ctx: AppContext,
  settings: Pick<PushSettings, 'vapid' | 'subject' | 'transport'>,
) => PushDispatch;

/**
 * Web push: the server's public key for the app, members' browser subscriptions, and the
 * dispatcher that pushes them (started and stopped with the app, like the realtime gateway).
 */
export function pushRoutes(
  ctx: AppContext,
  createDispatcher: PushDispatchFactory,
): FastifyPluginAsyncZod {
  return async (app) => {
    const transport = ctx.pushTransport ?? defaultPushTransport();
    const vapid = ctx.secrets.vapid;
    const disabled = () => new AppError(404, 'push_disabled', 'Web push is not set up here');
    if (vapid) {
      const dispatcher = createDispatcher(ctx, {
        vapid,
        subject: ctx.config.vapidSubject,
        transport,
      });
      app.addHook('onReady', () => dispatcher.start());
      app.addHook('preClose', () => dispatcher.stop());
    }
    if (!ctx.pushTransport) app.addHook('onClose', () => transport.agent.destroy());

    app.get(
      '/push/key',
      {
        schema: {
          tags: ['push'],
          summary: "The server's VAPID public key, for PushManager.subscribe",
          ...apiV1['GET /api/v1/push/key'],
        },
        config: { auth: 'public' },
      },
      () => {
        if (!vapid) throw disabled();
        return { publicKey: vapid.publicKey };
      },
    );

    app.post(
      '/me/push-subscriptions',
      {
        schema: {
          tags: ['push'],
          summary: 'Push this browser when an alert is for me (pushes carry no incident data)',
          ...apiV1['POST /api/v1/me/push-subscriptions'],
        },
      },
      async (request, reply) => {
        if (!vapid) throw disabled();
        const row = await subscribe(ctx, transport, principalOf(request), request.body);
        return reply.status(201).send({ id: row.id, createdAt: row.createdAt.toISOString() });
      },
    );

    app.delete(
      '/me/push-subscriptions',
      {
        schema: {
          tags: ['push'],
          summary: 'Stop pushing this browser',
          ...apiV1['DELETE /api/v1/me/push-subscriptions'],
        },
      },
      async (request, reply) => {
        await unsubscribe(ctx, principalOf(request), request.body.endpoint);
        return reply.status(204).send();
      },
    );
  };
}
