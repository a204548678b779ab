import { createServer, type IncomingMessage } from 'node:http';
import { STREAM_CLOSE, STREAM_PROTOCOL_VERSION } from '@tocsin/core';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { createApp } from '../src/app';
import { SESSION_COOKIE } from '../src/membership/auth/auth.plugin';
import type { RealtimeGateway } from '../src/platform/realtime/gateway';
import { takeStreamUpgrades, upgradeOrigin } from '../src/platform/realtime/stream-upgrade';
import { buildMember } from './helpers/factories';
import { createTestContext, type TestContext } from './helpers/harness';
import { injectStream } from './helpers/stream';

// The stream's upgrade is taken from the HTTP server beside Fastify (stream-upgrade.ts): what
// Fastify's routing did for it before must still hold.

/** The first message, or the close, whichever comes first. */
function firstAnswer(socket: WebSocket): Promise<{ message?: unknown; close?: number }> {
  return new Promise((resolve) => {
    socket.once('message', (raw: Buffer) => resolve({ message: JSON.parse(raw.toString()) }));
    socket.once('close', (code: number) => resolve({ close: code }));
  });
}

/** Says hello (with a token, or none) and waits for the first answer. */
function hello(socket: WebSocket, token?: string): Promise<{ message?: unknown; close?: number }> {
  const answer = firstAnswer(socket);
  socket.send(JSON.stringify({ type: 'hello', v: STREAM_PROTOCOL_VERSION, token }));
  return answer;
}

describe('the stream upgrade', () => {
  let t: TestContext;
  let app: FastifyInstance;

  beforeAll(async () => {
    t = await createTestContext();
    app = await createApp(t.ctx);
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it('answers a GET without an upgrade with 426, naming what it lacks', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/stream' });
    expect(response.statusCode).toBe(426);
    expect(response.headers.upgrade).toBe('websocket');
    expect(response.json()).toMatchObject({ error: { code: 'upgrade_required' } });
  });

  it('refuses an upgrade to any other path with 404', async () => {
    await expect(injectStream(app, '/api/v1/me')).rejects.toThrow('404');
    await expect(injectStream(app, '/api/v1/streams')).rejects.toThrow('404');
  });

  it('takes the path with a query string or a trailing slash', async () => {
    const { token } = await buildMember(t.ctx);
    for (const path of ['/api/v1/stream?x=1', '/api/v1/stream/']) {
      const socket = await injectStream(app, path);
      expect(await hello(socket, token)).toMatchObject({ message: { type: 'ready' } });
      socket.terminate();
    }
  });

  it("closes a socket opened from another site's page, and serves this server's own", async () => {
    const { token } = await buildMember(t.ctx);
    // Closed right after the handshake: the close is heard from before the socket opens.
    let closed!: Promise<{ message?: unknown; close?: number }>;
    await injectStream(app, undefined, { origin: 'https://evil.example' }, (socket) => {
      closed = firstAnswer(socket);
    });
    expect(await closed).toEqual({ close: STREAM_CLOSE.forbiddenOrigin });
    // The injected connection's Host is tocsin.test, over plain HTTP.
    const own = await injectStream(app, undefined, { origin: 'http://tocsin.test' });
    expect(await hello(own, token)).toMatchObject({ message: { type: 'ready' } });
    own.terminate();
  });

  it('closes a socket that sends a frame over the size limit, and goes on serving', async () => {
    const { token } = await buildMember(t.ctx);
    const big = await injectStream(app);
    const closed = firstAnswer(big);
    big.send(
      JSON.stringify({ type: 'hello', v: STREAM_PROTOCOL_VERSION, pad: 'x'.repeat(20_000) }),
    );
    expect(await closed).toEqual({ close: 1009 });
    const next = await injectStream(app);
    expect(await hello(next, token)).toMatchObject({ message: { type: 'ready' } });
    next.terminate();
  });

  it("authenticates a hello without a token by the upgrade's session cookie", async () => {
    const { token } = await buildMember(t.ctx);
    const socket = await injectStream(app, undefined, {
      cookie: `other=1; ${SESSION_COOKIE}=${encodeURIComponent(token)}`,
    });
    expect(await hello(socket)).toMatchObject({ message: { type: 'ready' } });
    socket.terminate();
    // Without the cookie and without a token: unauthorized.
    const bare = await injectStream(app);
    expect(await hello(bare)).toEqual({ close: STREAM_CLOSE.unauthorized });
  });
});

describe('upgrades while the server closes', () => {
  it('are answered 503 once the gateway has begun to stop', async () => {
    const t = await createTestContext();
    const server = createServer();
    const accepted: unknown[] = [];
    const gateway = {
      cookie: 'c',
      accepting: true,
      accept: (socket: unknown) => accepted.push(socket),
    };
    takeStreamUpgrades(t.ctx, server, gateway as unknown as RealtimeGateway);
    const app = { server } as FastifyInstance;
    const open = await injectStream(app);
    expect(accepted).toHaveLength(1);
    open.terminate();
    gateway.accepting = false;
    await expect(injectStream(app)).rejects.toThrow('503');
    expect(accepted).toHaveLength(1);
    await t.close();
  });

  it('refuses new sockets from the moment the app begins to close', async () => {
    const t = await createTestContext();
    const app = await createApp(t.ctx);
    await app.ready();
    const closing = app.close();
    await expect(injectStream(app)).rejects.toThrow('503');
    await closing;
    await t.close();
  });
});

describe('upgradeOrigin', () => {
  const request = (headers: Record<string, string>, encrypted = false) =>
    ({ headers, socket: { remoteAddress: '192.0.2.7', encrypted } }) as unknown as IncomingMessage;

  it('reads the peer and Host when no proxy is trusted, whatever X-Forwarded-* say', () => {
    const forwarded = {
      host: 'tocsin.example:8080',
      'x-forwarded-for': '198.51.100.1',
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'elsewhere.example',
    };
    expect(upgradeOrigin(request(forwarded), false)).toEqual({
      ip: '192.0.2.7',
      self: 'http://tocsin.example:8080',
    });
    expect(upgradeOrigin(request({ host: 'tocsin.example' }, true), false).self).toBe(
      'https://tocsin.example',
    );
  });

  it("reads the first forwarded address, and the last proxy's protocol and host, behind a trusted proxy", () => {
    const forwarded = {
      host: 'internal:3000',
      'x-forwarded-for': '198.51.100.1, 10.0.0.2',
      'x-forwarded-proto': 'http, https',
      'x-forwarded-host': 'typed-by-the-client.example, tocsin.example',
    };
    expect(upgradeOrigin(request(forwarded), true)).toEqual({
      ip: '198.51.100.1',
      self: 'https://tocsin.example',
    });
    expect(upgradeOrigin(request({ host: 'internal:3000' }), true)).toEqual({
      ip: '192.0.2.7',
      self: 'http://internal:3000',
    });
  });
});
