// The small, fast versions of benchmarks 1 (fan-out, with 7: retraction), 3 (several nodes) and 4
// (end to end) from bench/: the same paths at 500 subscribers, asserting who got what, how often
// and in which order — never how fast (the benchmarks measure that, see docs/BENCHMARKS.md).
import { randomBytes, randomUUID } from 'node:crypto';
import { STREAM_PROTOCOL_VERSION } from '@tocsin/core';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { createApp } from '../src/app';
import type { AppContext } from '../src/platform/context';
import { tokenHash } from '../src/membership/auth/sessions.service';
import { startAppNodes, type AppNode, type AppNodes } from './helpers/app-nodes';
import { confirmByTwo } from './helpers/confirm';
import { buildMember, type BuiltMember } from './helpers/factories';
import { recordFigure } from './helpers/figures';
import { FIVE_KM_AWAY, loadMinneapolis, POWDERHORN } from './helpers/city';
import {
  createTestContext,
  describeEachDatabase,
  eventually,
  TEST_DATABASE_URL,
  TEST_NATS_URL,
  type TestContext,
} from './helpers/harness';
import { injectStream } from './helpers/stream';

const SUBSCRIBERS = 500;

interface Alert {
  id: string;
  seq: number;
  kind: string;
  incident: { id: string };
}

/** A subscriber's socket: says hello, records the alerts it gets and acks each, as the app does. */
class Subscriber {
  readonly alerts: Alert[] = [];
  private constructor(readonly socket: WebSocket) {}

  static async open(
    app: FastifyInstance,
    hello: { token: string; location?: { lat: number; lng: number } },
  ): Promise<Subscriber> {
    const socket = await injectStream(app);
    const subscriber = new Subscriber(socket);
    await new Promise<void>((resolve, reject) => {
      socket.on('message', (raw: Buffer) => {
        const message = JSON.parse(raw.toString()) as { type: string } & Partial<Alert>;
        if (message.type === 'ready') resolve();
        if (message.type !== 'alert') return;
        subscriber.alerts.push(message as Alert);
        socket.send(JSON.stringify({ type: 'ack', id: message.id }));
      });
      socket.on('close', (code: number) => reject(new Error(`closed ${code}`)));
      socket.send(JSON.stringify({ type: 'hello', v: STREAM_PROTOCOL_VERSION, ...hello }));
    });
    return subscriber;
  }

  /** Alerts of one incident and kind. */
  of(incidentId: string, kind: string): Alert[] {
    return this.alerts.filter((a) => a.incident.id === incidentId && a.kind === kind);
  }
}

/** Opens many subscribers, a batch at a time. */
async function openAll(
  app: FastifyInstance,
  hellos: { token: string; location?: { lat: number; lng: number } }[],
): Promise<Subscriber[]> {
  const out: Subscriber[] = [];
  for (let i = 0; i < hellos.length; i += 100)
    out.push(...(await Promise.all(hellos.slice(i, i + 100).map((h) => Subscriber.open(app, h)))));
  return out;
}

/** Members of a neighborhood with open sessions, inserted in bulk; their bearer tokens. */
async function neighbors(ctx: AppContext, areaId: string, count: number): Promise<string[]> {
  const now = ctx.clock.now();
  const members = Array.from({ length: count }, () => ({
    id: randomUUID(),
    token: randomBytes(32).toString('base64url'),
  }));
  await ctx.db
    .insertInto('members')
    .values(
      members.map((m) => ({
        id: m.id,
        handle: `scale-${m.id}`,
        display_name: null,
        status: 'active' as const,
        sponsor_id: null,
        language: null,
        created_at: now,
      })),
    )
    .execute();
  await ctx.db
    .insertInto('area_roles')
    .values(
      members.map((m) => ({
        member_id: m.id,
        area_id: areaId,
        role: 'member' as const,
        granted_by: null,
        granted_at: now,
      })),
    )
    .execute();
  await ctx.db
    .insertInto('sessions')
    .values(
      members.map((m) => ({
        id: randomUUID(),
        token_hash: tokenHash(ctx, m.token),
        member_id: m.id,
        method: 'device_key' as const,
        created_at: now,
        last_seen_at: now,
        expires_at: new Date(now.getTime() + 86_400_000),
      })),
    )
    .execute();
  return members.map((m) => m.token);
}

/** Live locations within a few hundred meters of Powderhorn Park. */
const near = (i: number) => ({
  lat: POWDERHORN.lat + ((i % 20) - 10) * 0.0003,
  lng: POWDERHORN.lng + ((Math.floor(i / 20) % 20) - 10) * 0.0004,
});

function expectInSeqOrder(subscribers: Subscriber[]): void {
  for (const s of subscribers) {
    const seqs = s.alerts.map((a) => a.seq);
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    expect(new Set(s.alerts.map((a) => a.id)).size).toBe(s.alerts.length);
  }
}

/**
 * Records for the security report what the subscribers got against what each should have got
 * (`expected`: incident:kind keys): distinct alerts delivered, the same alert id delivered again,
 * expected alerts never delivered, and alerts of these incidents reaching sockets out of range.
 */
function recordDeliveries(
  database: string,
  subscribers: Subscriber[],
  expected: string[],
  outOfRange: Subscriber[] = [],
): void {
  let delivered = 0;
  let duplicated = 0;
  let missed = 0;
  for (const s of subscribers) {
    const mine = s.alerts.filter((a) => expected.includes(`${a.incident.id}:${a.kind}`));
    const ids = new Set(mine.map((a) => a.id));
    delivered += ids.size;
    duplicated += mine.length - ids.size;
    const got = new Set(mine.map((a) => `${a.incident.id}:${a.kind}`));
    missed += expected.filter((key) => !got.has(key)).length;
  }
  const incidents = new Set(expected.map((key) => key.split(':')[0]));
  const misdirected = outOfRange
    .flatMap((s) => s.alerts)
    .filter((a) => incidents.has(a.incident.id)).length;
  recordFigure('alerts', 'scale.test.ts', database, {
    expected: expected.length * subscribers.length,
    delivered,
    duplicated,
    missed,
    misdirected,
  });
}

async function deliveryRows(ctx: AppContext, alertIds: string[]) {
  const batches = await ctx.db
    .selectFrom('alert_deliveries')
    .select(['alert_id', 'member_ids'])
    .where('alert_id', 'in', alertIds)
    .execute();
  const logged = batches.flatMap((b) => b.member_ids.map((m) => `${b.alert_id}:${m}`));
  const acks = await ctx.db
    .selectFrom('alert_acks')
    .select(['alert_id', 'member_ids'])
    .where('alert_id', 'in', alertIds)
    .execute();
  const acked = new Set(acks.flatMap((a) => a.member_ids.map((m) => `${a.alert_id}:${m}`)));
  // Each (alert, member) once: no delivery is logged twice.
  expect(new Set(logged).size).toBe(logged.length);
  return { rows: logged.length, acked: acked.size };
}

describeEachDatabase(`scale, one node, ${SUBSCRIBERS} subscribers`, (kind) => {
  let t: TestContext;
  let app: FastifyInstance;
  let areaIds: { cityId: string; powderhornId: string };
  let subscribers: Subscriber[] = [];
  let far: Subscriber;
  let verifier: BuiltMember;
  const reporters: BuiltMember[] = [];

  beforeAll(async () => {
    // Every socket comes from the same test address; the per-address limit is not under test.
    t = await createTestContext({ kind, env: { TOCSIN_RATE_LIMIT: '100000' } });
    areaIds = await loadMinneapolis(t.ctx);
    app = await createApp(t.ctx);
    await app.ready();
    t.ctx.relay.start();
    const tokens = await neighbors(t.ctx, areaIds.powderhornId, SUBSCRIBERS);
    subscribers = await openAll(
      app,
      tokens.map((token, i) => ({ token, location: near(i) })),
    );
    const [farToken] = await neighbors(t.ctx, areaIds.cityId, 1);
    far = await Subscriber.open(app, { token: farToken!, location: FIVE_KM_AWAY });
    verifier = await buildMember(t.ctx, {
      roles: [{ areaId: areaIds.cityId, role: 'verifier' }],
    });
    for (let i = 0; i < 24; i++)
      reporters.push(
        await buildMember(t.ctx, { roles: [{ areaId: areaIds.cityId, role: 'member' }] }),
      );
  });

  afterAll(async () => {
    for (const s of [...subscribers, far]) s?.socket.terminate();
    await app.close();
    await t.close();
  });

  const report = async (member: BuiltMember, location: { lat: number; lng: number }) => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      headers: member.auth,
      payload: { salute: { activity: 'agents detaining a man', location } },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ incident: { id: string; state: string } }>().incident;
  };
  const verify = async (incidentId: string, outcome: string) => {
    // A confirmation takes two verifiers independent of each other and of the reporters.
    if (outcome === 'confirmed') {
      await confirmByTwo(app, t.ctx, incidentId, areaIds.cityId, verifier);
      return;
    }
    const response = await app.inject({
      method: 'POST',
      url: `/api/v1/incidents/${incidentId}/verification`,
      headers: verifier.auth,
      payload: { outcome },
    });
    expect(response.statusCode, response.body).toBe(200);
  };
  const alertIds = async (incidentId: string) =>
    (
      await t.ctx.db
        .selectFrom('alerts')
        .select(['id', 'kind'])
        .where('incident_id', '=', incidentId)
        .execute()
    ).filter((a) => a.kind !== 'reported');

  it('fan-out: a confirmed alert reaches every subscriber in range once, its retraction reaches exactly them, and every delivery is logged and acked', async () => {
    const incident = await report(reporters[0]!, POWDERHORN);
    expect(incident.state).toBe('reported');
    try {
      await verify(incident.id, 'confirmed');
      await eventually(
        () =>
          expect(subscribers.filter((s) => s.of(incident.id, 'confirmed').length > 0)).toHaveLength(
            SUBSCRIBERS,
          ),
        20_000,
      );
      await verify(incident.id, 'false_alarm');
      await eventually(
        () =>
          expect(
            subscribers.filter((s) => s.of(incident.id, 'retraction').length > 0),
          ).toHaveLength(SUBSCRIBERS),
        20_000,
      );
    } finally {
      recordDeliveries(
        kind,
        subscribers,
        [`${incident.id}:confirmed`, `${incident.id}:retraction`],
        [far],
      );
    }
    for (const s of subscribers) {
      expect(s.of(incident.id, 'confirmed')).toHaveLength(1);
      expect(s.of(incident.id, 'retraction')).toHaveLength(1);
    }
    expect(far.alerts).toEqual([]);
    expectInSeqOrder(subscribers);
    // The first of the two confirmations corroborates (an 'unconfirmed' alert); the second
    // confirms. The confirmed alert and its retraction are this test's.
    const ids = (await alertIds(incident.id))
      .filter((a) => a.kind === 'confirmed' || a.kind === 'retraction')
      .map((a) => a.id);
    expect(ids).toHaveLength(2);
    // Acks are written in batches about a second apart.
    await eventually(
      async () =>
        expect(await deliveryRows(t.ctx, ids)).toEqual({
          rows: 2 * SUBSCRIBERS,
          acked: 2 * SUBSCRIBERS,
        }),
      10_000,
    );
    const row = await t.ctx.db
      .selectFrom('incidents')
      .select('alerts_delivered')
      .where('id', '=', incident.id)
      .executeTakeFirstOrThrow();
    // Three alerts reached every subscriber: the corroboration, the confirmation, the retraction.
    expect(row.alerts_delivered).toBe(3 * SUBSCRIBERS);
  });

  it('end to end: each corroborating report alerts every subscriber once, in seq order', async () => {
    const before = subscribers.map((s) => s.alerts.length);
    const incidents: string[] = [];
    try {
      for (let i = 0; i < 10; i++) {
        // A fresh incident each time: the previous one was closed as a false alarm.
        const first = await report(reporters[2 + 2 * i]!, POWDERHORN);
        const second = await report(reporters[3 + 2 * i]!, POWDERHORN);
        expect(second).toMatchObject({ id: first.id, state: 'corroborated' });
        incidents.push(first.id);
        await eventually(
          () =>
            expect(
              subscribers.filter((s) => s.of(first.id, 'unconfirmed').length > 0),
            ).toHaveLength(SUBSCRIBERS),
          20_000,
        );
        await verify(first.id, 'false_alarm');
        await eventually(
          () =>
            expect(subscribers.filter((s) => s.of(first.id, 'retraction').length > 0)).toHaveLength(
              SUBSCRIBERS,
            ),
          20_000,
        );
      }
    } finally {
      recordDeliveries(
        kind,
        subscribers,
        incidents.flatMap((id) => [`${id}:unconfirmed`, `${id}:retraction`]),
        [far],
      );
    }
    subscribers.forEach((s, i) => {
      const mine = s.alerts.slice(before[i]);
      expect(mine.map((a) => `${a.incident.id}:${a.kind}`)).toEqual(
        incidents.flatMap((id) => [`${id}:unconfirmed`, `${id}:retraction`]),
      );
    });
    expectInSeqOrder(subscribers);
    expect(far.alerts).toEqual([]);
  });
});

const available = Boolean(TEST_DATABASE_URL && TEST_NATS_URL);
const suite = available ? describe : describe.skip;
const title = available
  ? `scale, two nodes on PostgreSQL + NATS JetStream, ${SUBSCRIBERS} subscribers`
  : `scale, two nodes on PostgreSQL + NATS JetStream, ${SUBSCRIBERS} subscribers (skipped: TEST_DATABASE_URL and TEST_NATS_URL are not both set)`;

suite(title, () => {
  let cluster: AppNodes | undefined;
  const nodes: (AppNode & { subscribers: Subscriber[] })[] = [];
  let areaIds: AppNodes['areaIds'];

  beforeAll(async () => {
    cluster = await startAppNodes({
      streamPrefix: 'TEST_SCALE',
      env: { TOCSIN_RATE_LIMIT: '100000' },
    });
    areaIds = cluster.areaIds;
    nodes.push(...cluster.nodes.map((node) => ({ ...node, subscribers: [] })));
    const first = nodes[0]!;
    const tokens = await neighbors(first.t.ctx, areaIds.powderhornId, SUBSCRIBERS);
    // Half the subscribers on each node.
    for (const [n, node] of nodes.entries()) {
      const mine = tokens.filter((_, i) => i % 2 === n);
      node.subscribers = await openAll(
        node.app,
        mine.map((token, i) => ({ token, location: near(i) })),
      );
    }
  });

  afterAll(async () => {
    for (const s of nodes.flatMap((node) => node.subscribers)) s.socket.terminate();
    await cluster?.close();
  });

  it('a confirmed alert and its retraction reach every subscriber of both nodes once, in order, each logged by the node that sent it', async () => {
    const a = nodes[0]!;
    const everyone = nodes.flatMap((n) => n.subscribers);
    expect(everyone).toHaveLength(SUBSCRIBERS);
    const reporter = await buildMember(a.t.ctx, {
      roles: [{ areaId: areaIds.cityId, role: 'member' }],
    });
    const verifier = await buildMember(a.t.ctx, {
      roles: [{ areaId: areaIds.cityId, role: 'verifier' }],
    });
    const reported = await a.app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      headers: reporter.auth,
      payload: { salute: { activity: 'agents detaining a man', location: POWDERHORN } },
    });
    expect(reported.statusCode, reported.body).toBe(201);
    const incidentId = reported.json<{ incident: { id: string } }>().incident.id;
    try {
      for (const outcome of ['confirmed', 'false_alarm']) {
        if (outcome === 'confirmed') {
          // Two verifiers independent of each other and of the reporter confirm.
          await confirmByTwo(a.app, a.t.ctx, incidentId, areaIds.cityId, verifier);
        } else {
          const response = await a.app.inject({
            method: 'POST',
            url: `/api/v1/incidents/${incidentId}/verification`,
            headers: verifier.auth,
            payload: { outcome },
          });
          expect(response.statusCode, response.body).toBe(200);
        }
        const kind = outcome === 'confirmed' ? 'confirmed' : 'retraction';
        await eventually(
          () =>
            expect(everyone.filter((s) => s.of(incidentId, kind).length > 0)).toHaveLength(
              SUBSCRIBERS,
            ),
          20_000,
        );
      }
    } finally {
      recordDeliveries('postgres+nats, two nodes', everyone, [
        `${incidentId}:confirmed`,
        `${incidentId}:retraction`,
      ]);
    }
    // The first of the two confirmations corroborates ('unconfirmed'); the rest is this test's.
    for (const s of everyone) {
      expect(s.alerts.map((x) => x.kind).filter((k) => k !== 'unconfirmed')).toEqual([
        'confirmed',
        'retraction',
      ]);
    }
    expectInSeqOrder(everyone);
    const ids = (
      await a.t.ctx.db
        .selectFrom('alerts')
        .select(['id', 'kind'])
        .where('incident_id', '=', incidentId)
        .execute()
    )
      .filter((x) => x.kind === 'confirmed' || x.kind === 'retraction')
      .map((x) => x.id);
    await eventually(
      async () =>
        expect(await deliveryRows(a.t.ctx, ids)).toEqual({
          rows: 2 * SUBSCRIBERS,
          acked: 2 * SUBSCRIBERS,
        }),
      10_000,
    );
  });
});
