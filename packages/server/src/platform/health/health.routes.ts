import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { apiV1 } from '@tocsin/core';
import type { AppContext } from '../context';
import { checkReadiness } from './health.service';

/** Liveness and readiness probes for load balancers and orchestrators. */
export function healthRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/health',
      {
        schema: {
          tags: ['health'],
          summary: 'Liveness: the process answers',
          ...apiV1['GET /api/v1/health'],
        },
        config: { rateLimit: false, auth: 'public' },
      },
      () => ({ status: 'ok' as const }),
    );

    app.get(
      '/ready',
      {
        schema: {
          tags: ['health'],
          summary: 'Readiness: the database and the bus are reachable',
          ...apiV1['GET /api/v1/ready'],
        },
        config: { rateLimit: false, auth: 'public' },
      },
      async (_request, reply) => {
        const readiness = await checkReadiness(ctx);
        return reply.status(readiness.ready ? 200 : 503).send({
          status: readiness.ready ? 'ready' : 'not_ready',
          checks: readiness.checks,
        });
      },
    );
  };
}
