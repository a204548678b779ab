import { STREAM_PROTOCOL_VERSION } from '@tocsin/core';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { sql } from 'kysely';
import { createApp } from '../src/app';
import { inTransaction } from '../src/platform/db/database';
import type { RealtimeGateway } from '../src/platform/realtime/gateway';
import { createGateway } from '../src/stream';
import { buildMember } from './helpers/factories';
import {
  createTestContext,
  describeEachDatabase,
  eventually,
  type TestContext,
} from './helpers/harness';

// What the gateway holds for a socket goes when the socket goes. Every socket is pinged once
// per interval; one that has not answered the previous ping is closed, so a phone that vanished
// without a word does not hold a socket (and memory) forever. Real sockets on a real port:
// clients answer pings by themselves, as browsers do.
const PING_INTERVAL_MS = 1_000;
/** Generous: the machine may be busy; `eventually` returns as soon as the check passes. */
const PATIENCE_MS = 20 * PING_INTERVAL_MS;

describeEachDatabase('stream connections', (kind) => {
  let t: TestContext;
  let app: FastifyInstance;
  let gateway: RealtimeGateway;
  let url: string;

  beforeAll(async () => {
    t = await createTestContext({ kind });
    gateway = createGateway(t.ctx, { pingIntervalMs: PING_INTERVAL_MS });
    app = await createApp(t.ctx, gateway);
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    url = `${address.replace(/^http/, 'ws')}/api/v1/stream`;
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  /** A stream client that has said hello; `autoPong: false` plays a peer that has gone. */
  async function open(autoPong: boolean) {
    const { token } = await buildMember(t.ctx);
    const socket = new WebSocket(url, { autoPong });
    const client = { socket, pings: 0, closed: false };
    socket.on('ping', () => client.pings++);
    socket.on('close', () => (client.closed = true));
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () =>
        socket.send(JSON.stringify({ type: 'hello', v: STREAM_PROTOCOL_VERSION, token })),
      );
      socket.on('message', (raw: Buffer) => {
        if ((JSON.parse(raw.toString()) as { type: string }).type === 'ready') resolve();
      });
      socket.once('error', reject);
    });
    return client;
  }

  it('closes a socket whose peer stopped answering pings and keeps the ones that answer', async () => {
    const answering = await open(true);
    const gone = await open(false);
    expect(gateway.size).toBe(2);

    await eventually(() => {
      expect(gone.closed).toBe(true);
      expect(gateway.size).toBe(1);
    }, PATIENCE_MS);
    // It was pinged and given a whole interval to answer before it was dropped.
    expect(gone.pings).toBeGreaterThanOrEqual(1);
    // The other one answered every ping through more intervals and is still here.
    await eventually(() => expect(answering.pings).toBeGreaterThanOrEqual(3), PATIENCE_MS);
    expect(answering.closed).toBe(false);
    expect(gateway.size).toBe(1);
    answering.socket.terminate();
  });

  it('forgets a socket that closes during its hello', async () => {
    // The sockets of the test above are gone first.
    await eventually(() => expect(gateway.size).toBe(0), PATIENCE_MS);
    const tokens = await Promise.all(
      Array.from({ length: 3 }, async () => (await buildMember(t.ctx)).token),
    );
    // Hold the hellos at their first question to the database, so the sockets close under them.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked: () => void = () => undefined;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holding = inTransaction(t.ctx.db, async (tx) => {
      await sql`lock table sessions in access exclusive mode`.execute(tx);
      locked();
      await held;
    });
    // A hello's last question before it joins is the area snapshot (these members have no saved
    // preferences): once all three asked, the hellos are done.
    const snapshots = vi.spyOn(t.ctx.areas, 'get');
    try {
      await isLocked;
      const closed: Promise<void>[] = [];
      for (const token of tokens) {
        const socket = new WebSocket(url);
        socket.on('error', () => undefined);
        await new Promise<void>((resolve) => socket.once('open', () => resolve()));
        socket.send(JSON.stringify({ type: 'hello', v: STREAM_PROTOCOL_VERSION, token }));
        closed.push(new Promise((resolve) => socket.once('close', () => resolve())));
        socket.close();
      }
      await Promise.all(closed);
    } finally {
      release();
      await holding;
    }
    await eventually(() => expect(snapshots).toHaveBeenCalledTimes(tokens.length), PATIENCE_MS);
    await Promise.all(snapshots.mock.results.map((r) => r.value as Promise<unknown>));
    await new Promise((resolve) => setImmediate(resolve));
    snapshots.mockRestore();
    // The hellos finished after their sockets closed: nothing of them may stay behind.
    expect(gateway.size).toBe(0);
  });
});
