import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../context';
import type { RealtimeGateway } from './gateway';
import { STREAM_CLOSE as CLOSE } from '@tocsin/core';
import { addressKey, badTokenLimiter } from '../http';

/**
 * `GET /api/v1/stream`: the live alert stream over WebSocket. Authentication happens in the
 * first message (hello, with a token or the session cookie of the upgrade request).
 */
export function streamRoutes(ctx: AppContext, gateway: RealtimeGateway): FastifyPluginAsync {
  const publicOrigin = ctx.config.publicUrl ? new URL(ctx.config.publicUrl).origin : null;
  const badTokens = badTokenLimiter(ctx);
  return async (app) => {
    app.get(
      '/stream',
      {
        websocket: true,
        // A reconnect storm is thousands of upgrades at once, a hall of phones on one Wi-Fi
        // among them: the stream limits failed hellos per address itself (below) and never
        // refuses a valid token, so the API's per-address request limit does not apply here; nor
        // do the page security headers, which a 101 answer does not carry.
        helmet: false,
        config: { auth: 'public', rateLimit: false },
        schema: { tags: ['stream'], summary: 'Live alerts (WebSocket; first message: hello)' },
      },
      (socket, request) => {
        const origin = request.headers.origin;
        const expected = publicOrigin ?? `${request.protocol}://${request.host}`;
        if (origin && origin !== expected) {
          socket.close(CLOSE.forbiddenOrigin, 'origin: not this server');
          return;
        }
        // A hello whose token fails counts against its address, with the API's failed tokens;
        // over that limit it is told to come back later. A valid token is never refused. The key
        // is made only for a failed hello (a keyed hash: a reconnect storm's 10,000 good hellos
        // need none). The address is read now: the socket keeps no hold on its request.
        const ip = request.ip;
        gateway.accept(socket, request.cookies[gateway.cookie] ?? null, () => {
          const key = addressKey({ ip });
          if (badTokens.waitSeconds(key) !== null) return 'limited';
          badTokens.fail(key);
          return 'counted';
        });
      },
    );
  };
}
