import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import websocket from '@fastify/websocket';
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { AppContext } from './context';
import { AppError } from './errors';
import { createClientKeyer } from './http/client-key';
import { installDocs } from './http/docs';
import { configureZodMessages, installErrorHandler } from './http/error-handler';
import { installSecurity } from './http/security';
import { installWeb } from './http/web';
import { RequestLogController } from './http/request-log';
import { authPlugin, SESSION_COOKIE } from './modules/auth/auth.plugin';
import { areasRoutes } from './modules/areas/areas.routes';
import { authRoutes } from './modules/auth/auth.routes';
import { passkeyRoutes } from './modules/auth/passkeys.routes';
import { cityRoutes } from './modules/city/city.routes';
import { groupsRoutes } from './modules/groups/groups.routes';
import { alertsRoutes } from './modules/alerts/alerts.routes';
import { dispatchRoutes } from './modules/dispatch/dispatch.routes';
import { healthRoutes } from './modules/health/health.routes';
import { platesRoutes } from './modules/plates/plates.routes';
import { incidentsRoutes } from './modules/incidents/incidents.routes';
import { reportsRoutes } from './modules/reports/reports.routes';
import { statsRoutes } from './modules/stats/stats.routes';
import { RealtimeGateway } from './realtime/gateway';
import { streamRoutes } from './realtime/stream.routes';
import { invitesRoutes } from './modules/invites/invites.routes';
import { feedRoutes } from './modules/feed/feed.routes';
import { meRoutes } from './modules/members/me.routes';
import { membersRoutes } from './modules/members/members.routes';
import { photosRoutes } from './modules/photos/photos.routes';
import { pushRoutes } from './modules/push/push.routes';

export interface ApiRoute {
  method: string;
  url: string;
  auth: 'public' | 'member';
}

declare module 'fastify' {
  interface FastifyInstance {
    apiRoutes: ApiRoute[];
    gateway: RealtimeGateway;
  }
}

/** Every module's routes, mounted under /api/v1. */
function apiRoutes(ctx: AppContext, gateway: RealtimeGateway) {
  return [
    streamRoutes(ctx, gateway),
    reportsRoutes(ctx),
    photosRoutes(ctx),
    incidentsRoutes(ctx),
    platesRoutes(ctx),
    alertsRoutes(ctx),
    feedRoutes(ctx),
    dispatchRoutes(ctx),
    healthRoutes(ctx),
    authRoutes(ctx),
    passkeyRoutes(ctx),
    meRoutes(ctx),
    membersRoutes(ctx),
    invitesRoutes(ctx),
    cityRoutes(ctx),
    areasRoutes(ctx),
    groupsRoutes(ctx),
    statsRoutes(ctx),
    pushRoutes(ctx),
  ];
}

/** Builds the HTTP app on a context; nothing listens until the caller says so. */
export async function createApp(
  ctx: AppContext,
  gateway: RealtimeGateway = new RealtimeGateway(ctx),
): Promise<FastifyInstance> {
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
  await app.register(websocket, { options: { maxPayload: 16 * 1024 } });
  app.decorate('gateway', gateway);
  // The gateway consumes this node's events while the app is up, and closes its sockets first.
  app.addHook('onReady', () => gateway.start());
  app.addHook('preClose', () => gateway.stop());
  await installSecurity(app, ctx.config);
  await app.register(rateLimit, {
    global: true,
    max: ctx.config.rateLimitPerMinute,
    timeWindow: 60_000,
    keyGenerator: createClientKeyer(SESSION_COOKIE),
    errorResponseBuilder: (_request, context) =>
      new AppError(429, 'rate_limited', `Too many requests; retry in ${context.after}`),
  });
  await installDocs(app);

  await app.register(
    async (api) => {
      // Inside /api/v1 only: docs and the web app's files need no session.
      await api.register(authPlugin, { ctx });
      for (const routes of apiRoutes(ctx, gateway)) await api.register(routes);
    },
    { prefix: '/api/v1' },
  );

  await installWeb(app, ctx.config.webDir);
  return app;
}
