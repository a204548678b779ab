import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import type { RealtimeGateway } from './gateway';
import { takeStreamUpgrades, type UpgradePasser } from './stream-upgrade';

/**
 * `GET /api/v1/stream`: the live alert stream over WebSocket. Authentication happens in the
 * first message (hello, with a token or the session cookie of the upgrade request). The upgrade
 * itself is taken from the HTTP server beside Fastify (stream-upgrade.ts); the route stays in the
 * API's table and documentation, and a GET without an upgrade is told what it lacks.
 */
export function streamRoutes(
  ctx: AppContext,
  gateway: RealtimeGateway,
  workers: UpgradePasser | null = null,
): FastifyPluginAsync {
  return async (app) => {
    takeStreamUpgrades(ctx, app.server, gateway, workers);
    app.get(
      '/stream',
      {
        config: { auth: 'public', rateLimit: false },
        // Not an operation of the HTTP contract (as before, when @fastify/websocket served it):
        // the stream's messages are core's (api/stream.ts).
        schema: {
          hide: true,
          tags: ['stream'],
          summary: 'Live alerts (WebSocket; first message: hello)',
        },
      },
      (_request, reply) => {
        void reply.header('upgrade', 'websocket');
        throw new AppError(
          426,
          'upgrade_required',
          'upgrade: the stream is a WebSocket (Upgrade: websocket)',
        );
      },
    );
  };
}
