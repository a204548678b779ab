import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DomainEvent } from '@tocsin/core';
import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app';
import { NatsBus } from '../src/platform/bus/nats-bus';
import { transact } from '../src/platform/context';
import { countUnpublished, enqueueEvents } from '../src/platform/outbox/outbox.repository';
import { envelope, samplePayloads } from './helpers/events';
import { createTestContext, eventually, LogCapture, type TestContext } from './helpers/harness';
import { createLogger } from '../src/platform/logger';

// Issue 14.8: a node starts without NATS. With NATS_URL pointing at a port where nothing listens
// yet, the node starts, /ready says the bus is down, the outbox holds the events, and once a NATS
// server comes up on that port the node connects (with backoff) and the held alert arrives once.
// No uncaught error on the way.

const NATS_SERVER = '/usr/sbin/nats-server';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe.skipIf(!existsSync(NATS_SERVER))('starting while NATS is down', () => {
  let t: TestContext | undefined;
  let app: FastifyInstance | undefined;
  let nats: ChildProcess | undefined;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tocsin-nats-'));
  const uncaught: unknown[] = [];
  const onUncaught = (error: unknown) => uncaught.push(error);
  process.on('uncaughtException', onUncaught);
  process.on('unhandledRejection', onUncaught);

  afterAll(async () => {
    await app?.close();
    await t?.close();
    nats?.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
    process.off('uncaughtException', onUncaught);
    process.off('unhandledRejection', onUncaught);
  });

  it('starts, reports the bus down, holds the alert, and delivers it once when NATS comes up', async () => {
    const port = await freePort();
    const stream = `T${randomBytes(4).toString('hex')}`;
    t = await createTestContext({ nats: { url: `nats://127.0.0.1:${port}`, stream } });
    const ctx = t.ctx;
    app = await createApp(ctx);
    await app.ready();
    ctx.relay.start();

    const down = await app.inject({ method: 'GET', url: '/api/v1/ready' });
    expect(down.statusCode).toBe(503);
    expect(down.json()).toMatchObject({ checks: { database: 'ok', bus: 'failing' } });

    const received: DomainEvent[] = [];
    await ctx.bus.subscribe({
      consumer: `held-${randomUUID().slice(0, 8)}`,
      types: ['alert.issued'],
      handler: (event) => {
        received.push(event);
        return Promise.resolve();
      },
    });
    const payload = samplePayloads['alert.issued']();
    await transact(ctx, (tx) =>
      enqueueEvents(ctx, tx, [{ name: 'alert.issued', payload }], ctx.clock.now()),
    );
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(received).toEqual([]);
    expect(await countUnpublished(ctx.db)).toBe(1);

    nats = spawn(NATS_SERVER, ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', dataDir], {
      stdio: 'ignore',
    });
    await eventually(() => expect(received).toHaveLength(1), 30_000);
    expect((received[0]?.payload as { alertId: string }).alertId).toBe(payload.alertId);
    await eventually(async () => expect(await countUnpublished(ctx.db)).toBe(0), 10_000);
    const up = await app.inject({ method: 'GET', url: '/api/v1/ready' });
    expect(up.statusCode).toBe(200);
    // Once: nothing more arrives.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(received).toHaveLength(1);
    expect(uncaught).toEqual([]);
    expect(t.logs.text).toContain('bus unreachable; retrying');
  }, 60_000);
});

describe.skipIf(!existsSync(NATS_SERVER))('publishing the moment NATS comes up', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tocsin-nats-'));
  let bus: NatsBus | undefined;
  let nats: ChildProcess | undefined;

  afterAll(async () => {
    await bus?.close();
    nats?.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  });

  // The outbox relay retries the moment the bus takes a publish. Were publishing open before the
  // subscriptions asked for while NATS was down exist, a consumer made after the publish (new
  // messages only) would never see the event.
  it('takes no publish before the subscriptions asked for meanwhile exist', async () => {
    const port = await freePort();
    const logs = new LogCapture();
    bus = NatsBus.start({
      url: `nats://127.0.0.1:${port}`,
      stream: `T${randomBytes(4).toString('hex')}`,
      logger: createLogger('debug', logs.stream),
    });
    const received: DomainEvent[] = [];
    const consumers = ['a', 'b', 'c'].map((c) => `early-${c}-${randomUUID().slice(0, 8)}`);
    for (const consumer of consumers) {
      await bus.subscribe({
        consumer,
        types: ['alert.issued'],
        handler: (event) => {
          received.push(event);
          return Promise.resolve();
        },
      });
    }
    const event = envelope('alert.issued', samplePayloads['alert.issued']());
    nats = spawn(NATS_SERVER, ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', dataDir], {
      stdio: 'ignore',
    });
    // Publish as eagerly as a relay could: every few milliseconds until one is taken.
    const deadline = Date.now() + 30_000;
    for (;;) {
      try {
        await bus.publish(event);
        break;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    }
    // Each of the three consumers gets it.
    await eventually(() => expect(received).toHaveLength(3), 10_000);
    expect(received.every((e) => e.id === event.id)).toBe(true);
    expect(logs.text).not.toContain('subscription ended');
  }, 60_000);
});

describe.skipIf(!existsSync(NATS_SERVER))('a NATS server without JetStream', () => {
  let bus: NatsBus | undefined;
  let nats: ChildProcess | undefined;

  afterAll(async () => {
    await bus?.close();
    nats?.kill('SIGTERM');
  });

  // Each try connects, then fails to find JetStream: the connection it made must not outlive it.
  it('keeps retrying without leaving a connection behind per try, and closes', async () => {
    const [port, monitor] = [await freePort(), await freePort()];
    nats = spawn(NATS_SERVER, ['-a', '127.0.0.1', '-p', String(port), '-m', String(monitor)], {
      stdio: 'ignore',
    });
    const connections = async () => {
      const response = await fetch(`http://127.0.0.1:${monitor}/connz`);
      return ((await response.json()) as { num_connections: number }).num_connections;
    };
    await eventually(async () => expect(await connections()).toBe(0), 10_000);
    const logs = new LogCapture();
    bus = NatsBus.start({
      url: `nats://127.0.0.1:${port}`,
      stream: `T${randomBytes(4).toString('hex')}`,
      logger: createLogger('debug', logs.stream),
    });
    // Tries at 0, 0.25, 0.75, 1.75 and 3.75 s: five by now, each refused for want of JetStream.
    await new Promise((resolve) => setTimeout(resolve, 4_500));
    expect(logs.text).toContain('bus unreachable; retrying');
    expect(await connections()).toBeLessThanOrEqual(1);
    await expect(bus.publish(envelope('alert.issued'))).rejects.toThrow(/not connected/);
    await bus.close();
    bus = undefined;
    await eventually(async () => expect(await connections()).toBe(0), 5_000);
  }, 30_000);
});
