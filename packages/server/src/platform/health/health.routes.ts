import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context';
import { checkReadiness } from './health.service';

const check = z.enum(['ok', 'failing']);
const readinessSchema = z.object({
  status: z.enum(['ready', 'not_ready']),
  checks: z.object({ database: check, bus: check }),
});

/** Liveness and readiness probes for load balancers and orchestrators. */
export function healthRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/health',
      {
        schema: {
          tags: ['health'],
          summary: 'Liveness: the process answers',
          response: { 200: z.object({ status: z.literal('ok') }) },
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
          response: { 200: readinessSchema, 503: readinessSchema },
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
