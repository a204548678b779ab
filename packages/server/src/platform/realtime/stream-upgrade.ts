import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import cookie from '@fastify/cookie';
import { STREAM_CLOSE as CLOSE } from '@tocsin/core';
import { WebSocketServer } from 'ws';
import type { AppContext } from '../context';
import { addressKey, badTokenLimiter } from '../http';
import type { RealtimeGateway } from './gateway';

/** Where the stream is served (its GET route, without an upgrade, says so: 426). */
export const STREAM_PATH = '/api/v1/stream';
/** A client message is small: a hello, an ack, a location. */
const MAX_PAYLOAD = 16 * 1024;

/** What an upgrade request says of where it came from, read as Fastify reads a request. */
export interface UpgradeOrigin {
  /** The client's address: the socket's peer, or with a trusted proxy the first forwarded one. */
  ip: string;
  /** The origin the page must have come from when no public URL is configured. */
  self: string;
}

/**
 * The client's address and this server's own origin for an upgrade, as Fastify's `request.ip`,
 * `request.protocol` and `request.host` give them for any other request: behind a trusted proxy
 * (TOCSIN_TRUST_PROXY) from its X-Forwarded-* headers, otherwise from the socket and Host.
 */
export function upgradeOrigin(request: IncomingMessage, trustProxy: boolean): UpgradeOrigin {
  const entries = (header: string | string[] | undefined) =>
    (Array.isArray(header) ? header.join(',') : (header ?? ''))
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '');
  // As Fastify: the client is the first forwarded address (every proxy trusted), while the host
  // and protocol are the last proxy's.
  const first = (header: string | string[] | undefined) => entries(header)[0];
  const last = (header: string | string[] | undefined) => entries(header).at(-1);
  const encrypted = (request.socket as { encrypted?: boolean } | undefined)?.encrypted === true;
  const peer = request.socket?.remoteAddress ?? '';
  if (!trustProxy)
    return { ip: peer, self: `${encrypted ? 'https' : 'http'}://${request.headers.host ?? ''}` };
  const forwardedFor = first(request.headers['x-forwarded-for']);
  const protocol = last(request.headers['x-forwarded-proto']) ?? (encrypted ? 'https' : 'http');
  const host = last(request.headers['x-forwarded-host']) ?? request.headers.host ?? '';
  return { ip: forwardedFor ?? peer, self: `${protocol}://${host}` };
}

/** Answers an upgrade that is not taken with a plain HTTP status, and drops the connection. */
function refuse(socket: Duplex, status: 404 | 503, reason: string): void {
  socket.on('error', () => undefined);
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/** What takes one upgrade request: its socket and the bytes already read past its headers. */
export type UpgradeHandler = (request: IncomingMessage, socket: Duplex, head: Buffer) => void;

/** Hands a stream upgrade to another process that holds sockets (stream-workers.ts). */
export interface UpgradePasser {
  /**
   * False when no other process can take it now: this one then serves it itself, as it does
   * with `fallback` when the handing over fails.
   */
  pass(request: IncomingMessage, socket: Duplex, head: Buffer, fallback: UpgradeHandler): boolean;
}

/**
 * The stream's own handling of an upgrade to its path: the page's origin is checked, the
 * session cookie read, the WebSocket handshake made, and the socket handed to the gateway, which
 * waits for its hello. Upgrades once the gateway has begun to stop (the server is closing) get
 * 503. A stream worker serves the upgrades handed to it with the same function.
 */
export function streamUpgrades(ctx: AppContext, gateway: RealtimeGateway): UpgradeHandler {
  const publicOrigin = ctx.config.publicUrl ? new URL(ctx.config.publicUrl).origin : null;
  const badTokens = badTokenLimiter(ctx);
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_PAYLOAD,
    // The gateway keeps its own sockets; a second set of 10,000 would only cost memory.
    clientTracking: false,
  });
  const logger = ctx.logger.child({ sub: 'realtime' });
  return (request, socket, head) => {
    if (!gateway.accepting) return refuse(socket, 503, 'Service Unavailable');
    const { ip, self } = upgradeOrigin(request, ctx.config.trustProxy);
    const origin = request.headers.origin;
    const cookies = request.headers.cookie ? cookie.parse(request.headers.cookie) : {};
    const cookieToken = cookies[gateway.cookie] ?? null;
    wss.handleUpgrade(request, socket, head, (ws) => {
      // A frame ws cannot take (too large, malformed) is an error on the socket, which ws then
      // closes: heard here, or it would be an uncaught exception that ends the process.
      ws.on('error', (error) => logger.debug({ err: error }, 'stream socket error'));
      if (origin && origin !== (publicOrigin ?? self)) {
        ws.close(CLOSE.forbiddenOrigin, 'origin: not this server');
        return;
      }
      // A hello whose token fails counts against its address, with this process's failed API
      // tokens (a stream worker counts its own); over that limit it is told to come back later.
      // A valid token is never refused. The key is made only for a failed hello (a keyed hash:
      // a reconnect storm's 10,000 good hellos need none); the address is read now, while the
      // socket surely has its peer.
      gateway.accept(ws, cookieToken, () => {
        const key = addressKey({ ip });
        if (badTokens.waitSeconds(key) !== null) return 'limited';
        badTokens.fail(key);
        return 'counted';
      });
    });
  };
}

/**
 * Takes the stream's WebSocket upgrades straight from the HTTP server, beside Fastify: a
 * reconnect storm is thousands of upgrades at once, and routed through Fastify each one paid for
 * a request's whole life (hooks, logger, reply) before the WebSocket existed, about a tenth of the
 * node's CPU in the storm bench's profile. Nothing of the API's request handling applies to it:
 * the stream authenticates in its first message (hello: a token, or the session cookie of the
 * upgrade), limits failed hellos per address itself, and a 101 answer carries no page headers.
 * Other upgrade paths get 404. With stream workers (TOCSIN_STREAM_WORKERS), each upgrade is
 * handed to one of them, and served here only while none can take it.
 */
export function takeStreamUpgrades(
  ctx: AppContext,
  server: Server,
  gateway: RealtimeGateway,
  workers: UpgradePasser | null = null,
): void {
  const serve = streamUpgrades(ctx, gateway);
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = (request.url ?? '').split('?')[0]!;
    if (path !== STREAM_PATH && path !== `${STREAM_PATH}/`) return refuse(socket, 404, 'Not Found');
    if (!gateway.accepting) return refuse(socket, 503, 'Service Unavailable');
    if (workers?.pass(request, socket, head, serve)) return;
    serve(request, socket, head);
  });
}
