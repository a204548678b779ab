import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from './platform/context';
import { AppError } from './platform/errors';
import { clientKey } from './platform/http/client-key';
import { installDocs } from './platform/http/docs';
import { configureZodMessages, installErrorHandler } from './platform/http/error-handler';
import { installSecurity } from './platform/http/security';
import { validatorCompiler } from './platform/http/validator';
import { installWeb } from './platform/http/web';
import { RequestLogController } from './platform/http/request-log';
import { authPlugin } from './membership/auth/auth.plugin';
import { areasRoutes } from './membership/areas/areas.routes';
import { authRoutes } from './membership/account/auth.routes';
import { passkeyRoutes } from './membership/account/passkeys.routes';
import { cityRoutes } from './membership/city/city.routes';
import { groupsRoutes } from './membership/groups/groups.routes';
import { alertsRoutes } from './rapid-response/alerts/alerts.routes';
import { shiftsRoutes } from './rapid-response/shifts/shifts.routes';
import { dispatchRoutes } from './rapid-response/dispatch/dispatch.routes';
import { healthRoutes } from './platform/health/health.routes';
import { platesRoutes } from './rapid-response/plates/plates.routes';
import { incidentsRoutes } from './rapid-response/incidents/incidents.routes';
import { reportsRoutes } from './rapid-response/reports/reports.routes';
import { statsRoutes } from './rapid-response/stats/stats.routes';
import { StreamWorkers, streamRoutes, type RealtimeGateway } from './platform/realtime';
import { createGateway } from './stream';
import { invitesRoutes } from './membership/invites/invites.routes';
import { feedRoutes } from './rapid-response/feed/feed.routes';
import { meRoutes } from './membership/account/me.routes';
import { membersRoutes } from './membership/members/members.routes';
import { photosRoutes } from './rapid-response/photos/photos.routes';
import { pushRoutes } from './membership/push/push.routes';
import { PushDispatcher } from './rapid-response/alerts/push.dispatcher';
import {
  assembliesRoutes,
  canvassingRoutes,
  electionsRoutes,
  councilRoutes,
  mandateCalmSource,
  MeetingFeed,
  mutualAidRoutes,
  pledgesRoutes,
  BulletinJobs,
  bulletinRoutes,
  calendarUrl,
  eventsRoutes,
  eventsTicker,
  publicEventPage,
} from './organizing';

/** The program of a stream worker's process (src/stream-worker.ts through tsx). */
const STREAM_WORKER = fileURLToPath(new URL('../bin/stream-worker.js', import.meta.url));

export interface ApiRoute {
  method: string;
  url: string;
  auth: 'public' | 'member';
}

declare module 'fastify' {
  interface FastifyInstance {
    apiRoutes: ApiRoute[];
    gateway: RealtimeGateway;
    /** The processes holding the stream's sockets (TOCSIN_STREAM_WORKERS), or none. */
    streamWorkers: StreamWorkers | null;
    /** The bulletin's timed work (tests tick it on an injected clock). */
    bulletinJobs: BulletinJobs;
  }
}

/** Every module's routes, mounted under /api/v1. */
function apiRoutes(
  ctx: AppContext,
  gateway: RealtimeGateway,
  workers: StreamWorkers | null,
  meetings: MeetingFeed,
  bulletin: BulletinJobs,
) {
  return [
    streamRoutes(ctx, gateway, workers),
    reportsRoutes(ctx),
    photosRoutes(ctx),
    incidentsRoutes(ctx),
    platesRoutes(ctx),
    alertsRoutes(ctx),
    shiftsRoutes(ctx),
    feedRoutes(ctx),
    dispatchRoutes(ctx),
    healthRoutes(ctx),
    authRoutes(ctx),
    passkeyRoutes(ctx),
    // The calendar feed's URL comes from organizing/events; membership does not import it.
    meRoutes(ctx, async (principal) => ({
      calendarUrl: (await calendarUrl(ctx, principal)).url,
    })),
    membersRoutes(ctx),
    invitesRoutes(ctx),
    cityRoutes(ctx),
    areasRoutes(ctx),
    groupsRoutes(ctx),
    statsRoutes(ctx),
    pushRoutes(ctx, (context, settings) => new PushDispatcher(context, settings)),
    assembliesRoutes(ctx, meetings),
    pledgesRoutes(ctx),
    electionsRoutes(ctx),
    councilRoutes(ctx),
    mutualAidRoutes(ctx),
    canvassingRoutes(ctx),
    bulletinRoutes(ctx, bulletin),
    eventsRoutes(ctx),
  ];
}

/** Builds the HTTP app on a context; nothing listens until the caller says so. */
export async function createApp(
  ctx: AppContext,
  gateway?: RealtimeGateway,
): Promise<FastifyInstance> {
  // A meeting's routes tell this feed of changes; the gateway's meeting topic sends them.
  const meetings = new MeetingFeed(ctx);
  gateway ??= createGateway(ctx, { meetings });
  const workers =
    ctx.config.streamWorkers > 0
      ? new StreamWorkers({
          entry: STREAM_WORKER,
          count: ctx.config.streamWorkers,
          niceness: ctx.config.streamWorkerNiceness,
          config: ctx.config,
          secrets: ctx.secrets,
          logger: ctx.logger,
        })
      : null;
  // Automatic posts, calm pushes, digests, and the events' reminders on the same minute.
  const bulletin = new BulletinJobs(ctx);
  bulletin.addTicker(eventsTicker(ctx, bulletin.notifier));
  // A committee's new mandate reaches its delegates by the same calm rules as its posts.
  bulletin.addCalmSource(mandateCalmSource(ctx));
  configureZodMessages();
  // Typed as Fastify's logger so the instance keeps Fastify's default logger generic.
  const httpLogger: FastifyBaseLogger = ctx.logger.child({ sub: 'http' });
  const app = Fastify({
    loggerInstance: httpLogger,
    logController: new RequestLogController(),
    requestIdHeader: false,
    bodyLimit: ctx.config.bodyLimit,
    trustProxy: ctx.config.trustProxy,
    forceCloseConnections: 'idle',
    return503OnClosing: true,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();

  // The API's route table (method, path, who may call): the authorization matrix test checks
  // that every route has an entry.
  const routeTable: ApiRoute[] = [];
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1/')) return;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      routeTable.push({ method, url: route.url, auth: route.config?.auth ?? 'member' });
    }
  });
  app.decorate('apiRoutes', routeTable);

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);

  await app.register(cookie);
  app.decorate('gateway', gateway);
  app.decorate('streamWorkers', workers);
  app.decorate('bulletinJobs', bulletin);
  // The gateway consumes this node's events while the app is up, and closes its sockets first;
  // stream workers, when there are some, hold the sockets instead and close theirs alike.
  app.addHook('onReady', async () => {
    await gateway.start();
    await workers?.start();
  });
  app.addHook('preClose', async () => {
    await Promise.all([gateway.stop(), workers?.stop()]);
  });
  await installSecurity(app, ctx.config);
  await app.register(rateLimit, {
    global: true,
    // After the auth hook (preValidation): a request is counted against its validated member,
    // and a bad token is refused before it can make a bucket of its own.
    hook: 'preHandler',
    max: ctx.config.rateLimitPerMinute,
    timeWindow: 60_000,
    // Only the API is limited. The web app's files are static, cached by the service worker and
    // cost nothing to serve; counted, a hall of a hundred phones on one Wi-Fi (one address, one
    // anonymous bucket) loading the app at once would be refused the app itself.
    allowList: (request) => !request.url.startsWith('/api/'),
    keyGenerator: clientKey,
    errorResponseBuilder: (_request, context) =>
      new AppError(429, 'rate_limited', `Too many requests; retry in ${context.after}`),
  });
  await installDocs(app);

  await app.register(
    async (api) => {
      // Inside /api/v1 only: docs and the web app's files need no session.
      await api.register(authPlugin, { ctx });
      for (const routes of apiRoutes(ctx, gateway, workers, meetings, bulletin))
        await api.register(routes);
    },
    { prefix: '/api/v1' },
  );

  // A public event's page: plain HTML, no session (outside /api/v1).
  await app.register(publicEventPage(ctx));
  await installWeb(app, ctx.config.webDir);
  return app;
}
