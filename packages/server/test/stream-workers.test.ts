import { randomBytes, randomUUID } from 'node:crypto';
import { getPriority } from 'node:os';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app';
import { systemClock } from '../src/platform/clock';
import { envToConfig } from '../src/platform/config/config';
import { loadMinneapolis, POWDERHORN, POWDERHORN_100M } from './helpers/city';
import { buildMember } from './helpers/factories';
import {
  createTestContext,
  createTestSchema,
  eventually,
  TEST_DATABASE_URL,
  TEST_NATS_URL,
  type TestContext,
} from './helpers/harness';
import { StreamClient } from './helpers/stream';

const available = Boolean(TEST_DATABASE_URL && TEST_NATS_URL);
const suite = available ? describe : describe.skip;
const title = available
  ? 'stream workers: the sockets in processes of their own (PostgreSQL + NATS JetStream)'
  : 'stream workers (skipped: TEST_DATABASE_URL and TEST_NATS_URL are not both set)';

describe('TOCSIN_STREAM_WORKERS', () => {
  it('needs the shared database and bus, and says so by name', () => {
    expect(() => envToConfig({ TOCSIN_STREAM_WORKERS: '2' })).toThrow(
      /TOCSIN_STREAM_WORKERS: needs DATABASE_URL and NATS_URL/,
    );
    expect(() =>
      envToConfig({
        TOCSIN_STREAM_WORKERS: '2',
        DATABASE_URL: 'postgres://db.example/tocsin',
      }),
    ).toThrow(/TOCSIN_STREAM_WORKERS/);
    expect(() => envToConfig({ TOCSIN_STREAM_WORKERS: 'many' })).toThrow(/TOCSIN_STREAM_WORKERS/);
    expect(envToConfig({}).streamWorkers).toBe(0);
    expect(envToConfig({}).streamWorkerNiceness).toBe(10);
    expect(
      envToConfig({
        TOCSIN_STREAM_WORKERS: '2',
        DATABASE_URL: 'postgres://db.example/tocsin',
        NATS_URL: 'nats://nats.example:4222',
      }).streamWorkers,
    ).toBe(2);
  });
});

suite(title, () => {
  const stream = `TEST_WORKERS_${randomUUID().replaceAll('-', '').slice(0, 10)}`;
  let schema: Awaited<ReturnType<typeof createTestSchema>>;
  let t: TestContext;
  let app: FastifyInstance;
  let url = '';
  let cityId = '';
  const clients: StreamClient[] = [];

  beforeAll(async () => {
    schema = await createTestSchema();
    t = await createTestContext({
      kind: 'postgres',
      postgresSchema: schema.schema,
      nats: { url: TEST_NATS_URL ?? '', stream },
      serverKey: randomBytes(32),
      // The workers read the time from the system: sessions must be made on the same clock.
      clock: systemClock,
      env: {
        TOCSIN_STREAM_WORKERS: '1',
        TOCSIN_STREAM_WORKER_NICENESS: '5',
        DATABASE_URL: TEST_DATABASE_URL ?? '',
        NATS_URL: TEST_NATS_URL ?? '',
        LOG_LEVEL: 'warn',
      },
    });
    ({ cityId } = await loadMinneapolis(t.ctx));
    app = await createApp(t.ctx);
    await app.listen({ port: 0, host: '127.0.0.1' });
    t.ctx.relay.start();
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    url = `ws://127.0.0.1:${port}/api/v1/stream`;
  }, 120_000);

  afterAll(async () => {
    for (const c of clients) c.close();
    await app?.close();
    await t?.close();
    await schema?.drop();
    const nc = await connect({ servers: TEST_NATS_URL ?? '' });
    await (await jetstreamManager(nc)).streams.delete(stream).catch(() => false);
    await nc.close();
  });

  const neighbor = () => buildMember(t.ctx, { roles: [{ areaId: cityId, role: 'member' }] });

  it('a worker holds the sockets and sends them the alerts the API process takes reports for', async () => {
    const workers = app.streamWorkers!;
    expect(workers.pids).toHaveLength(1);
    // As much nicer than this process as configured.
    expect(getPriority(workers.pids[0])).toBe(Math.min(19, getPriority() + 5));
    const listener = await neighbor();
    const client = await StreamClient.connect(url, { token: listener.token, location: POWDERHORN });
    clients.push(client);
    // Held by the worker, not by the process that took the upgrade.
    expect(await workers.size()).toBe(1);
    expect(app.gateway.size).toBe(0);

    const [r1, r2] = [await neighbor(), await neighbor()];
    const post = (member: typeof r1, location: object) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/reports',
        headers: member.auth,
        payload: { salute: { activity: 'agents detaining a man', location } },
      });
    expect((await post(r1, POWDERHORN)).statusCode).toBe(201);
    const second = await post(r2, POWDERHORN_100M);
    expect(second.json()).toMatchObject({ incident: { state: 'corroborated' } });
    await eventually(() => expect(client.kinds()).toEqual(['unconfirmed']), 15_000);

    // A failed hello is refused by the worker as by any node.
    await expect(StreamClient.connect(url, { token: 'not-a-token' })).rejects.toThrow(/4401/);
  }, 60_000);

  it('a worker that ends loses its sockets, the stream stays served, and the worker comes back', async () => {
    const workers = app.streamWorkers!;
    const [pid] = workers.pids;
    const member = await neighbor();
    const before = await StreamClient.connect(url, { token: member.token });
    clients.push(before);
    process.kill(pid!, 'SIGKILL');
    await eventually(() => expect(before.closed).not.toBeNull(), 10_000);
    // While it starts again, this process serves the stream itself.
    const meanwhile = await StreamClient.connect(url, { token: member.token });
    clients.push(meanwhile);
    expect(app.gateway.size).toBe(1);
    await eventually(() => expect(workers.pids).toHaveLength(1), 30_000);
    await eventually(async () => expect(workers.pids[0]).not.toBe(pid), 30_000);
    // Once it is ready again, the next socket is its.
    await eventually(async () => {
      const after = await StreamClient.connect(url, { token: member.token });
      clients.push(after);
      if ((await workers.size()) === 0) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        throw new Error('not held by the worker yet');
      }
    }, 30_000);
  }, 90_000);

  it('closing the app closes the workers’ sockets as going away and ends the workers', async () => {
    const workers = app.streamWorkers!;
    const member = await neighbor();
    const client = await StreamClient.connect(url, { token: member.token });
    const pids = workers.pids;
    await app.close();
    expect(client.closed?.code).toBe(1001);
    for (const pid of pids) expect(() => process.kill(pid, 0)).toThrow();
  }, 60_000);
});
