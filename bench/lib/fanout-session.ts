// One Tocsin node with 10,000 subscribers beside a bare `ws` server with 10,000 sockets, driven in
// interleaved rounds: the bare broadcast, then a confirmed alert through the whole path (verify →
// outbox → bus → targeting → send → receive + ack), then its false-alarm retraction. Benchmarks 1
// (fanout) and 7 (retraction) read the same session; it runs once per process.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { alertMessage } from '../../packages/server/src/rapid-response/alerts/stream/messages';
import {
  BareServer,
  freshDatabase,
  LoadGen,
  newSecret,
  Seeder,
  stopAll,
  TocsinNode,
} from './cluster';
import { cpuMeter, postgresPids } from './cpu';
import { nowMs } from './ipc';
import { max, min } from './stats';

export const SUBSCRIBERS = 10_000;
const WARMUP = 1;
const ROUNDS = 9;
const NO_ACK_ROUNDS = 5;
/** Powderhorn Park, Minneapolis: where the incidents are. */
const INCIDENT = { lat: 44.9475, lng: -93.2555 };

export interface Delivery {
  /** Trigger (verification POST sent / broadcast asked) → last client received. */
  toAll: number;
  /** First → last arrival. */
  spread: number;
  toFirst: number;
  count: number;
}

/** When the alert event was published and when the node's delivery of it began and ended. */
export interface Stages {
  published: number;
  handlerStart: number;
  handlerEnd: number;
}

export interface FanoutRound {
  acks: boolean;
  /** CPU milliseconds over the round and 1.5 s after (acks included): bare server, Tocsin node, PostgreSQL. */
  cpu: { bare: number; node: number; postgres: number };
  bare: Delivery;
  tocsin: Delivery;
  retraction: Delivery;
  /** Milliseconds after the verification was sent. */
  stages: Stages;
}

export interface FanoutSession {
  subscribers: number;
  rounds: FanoutRound[];
  connectMs: { tocsin: number; bare: number };
  ordering: { clients: number; messages: number; outOfOrder: number; duplicates: number };
  /** Delivery-log rows per alert sent, and how many were acknowledged. */
  recorded: { alerts: number; rows: number; acked: number };
  expectedRows: number;
  expectedAcked: number;
  /** Bytes the delivery log (table and indexes) and the acks take per recipient of an alert. */
  bytesPerDelivery: number;
  bytesPerAck: number;
  profile: string | null;
  /** CPU profile of the node while the 10,000 sockets said hello (BENCH_PROFILE_DIR). */
  connectProfile: string | null;
  payloadBytes: number;
}

function delivery(t0: number, times: number[], count: number): Delivery {
  const first = min(times);
  const last = max(times);
  return { toAll: last - t0, spread: last - first, toFirst: first - t0, count };
}

async function runSession(): Promise<FanoutSession> {
  // Its own database: other benches (surge) may run beside it and drop theirs.
  const database = await freshDatabase('tocsin_bench_fanout');
  const secret = newSecret();
  let node: TocsinNode | null = null;
  let bare: BareServer | null = null;
  let seeder: Seeder | null = null;
  const tocsinClients = LoadGen.start();
  const bareClients = LoadGen.start();
  try {
    node = await TocsinNode.start({ databaseUrl: database.url, secret, nodeId: 'bench-fanout' });
    seeder = await Seeder.open(database.url, secret);
    const areas = await seeder.areas();
    const powderhorn = areas.all.find((a) => a.slug === 'powderhorn-park');
    if (!powderhorn || !areas.city) throw new Error('the demo city pack did not load');
    const cityId = areas.city.id;
    // Neighbors of Powderhorn (the default preferences follow their neighborhood), each with
    // the live location the app sends, within about a kilometre of the incidents.
    const subscribers = await seeder.members(SUBSCRIBERS, {
      roles: () => [{ areaId: powderhorn.id, role: 'member' }],
    });
    const reporters = await seeder.members(WARMUP + ROUNDS + NO_ACK_ROUNDS, {
      roles: () => [{ areaId: cityId, role: 'member' }],
    });
    // Two verifiers independent of each other and of the reporters: a confirmation takes both.
    const [first, verifier] = await seeder.members(2, {
      roles: () => [{ areaId: cityId, role: 'verifier' }],
    });
    const specs = subscribers.map((m, i) => ({
      token: m.token,
      location: {
        lat: INCIDENT.lat + (((i * 7919) % 200) - 100) * 0.00006,
        lng: INCIDENT.lng + (((i * 104729) % 200) - 100) * 0.00008,
      },
    }));
    // Profiled on its own (BENCH_PROFILE_DIR): the reconnect storm is 10,000 hellos at once.
    await node.profileStart();
    const tocsinConnect = await tocsinClients.connect(node.wsUrl, specs);
    const connectProfile = await node.profileStop('fanout-connect');
    bare = await BareServer.start();
    const bareConnect = await bareClients.connect(
      bare.url,
      subscribers.map(() => null),
    );

    const rounds: FanoutRound[] = [];
    let profile: string | null = null;
    let payloadBytes = 0;
    const total = WARMUP + ROUNDS + NO_ACK_ROUNDS;
    for (let r = 0; r < total; r++) {
      const acks = r < WARMUP + ROUNDS;
      if (r === WARMUP) await node.profileStart();
      if (r === WARMUP + ROUNDS) {
        profile = await node.profileStop('fanout');
        await tocsinClients.setAcks(false);
        await bareClients.setAcks(false);
      }
      // The bare baseline: the same bytes a Tocsin alert has, to the same number of sockets.
      const bareIncident = randomUUID();
      const payload = alertMessage({
        alertId: randomUUID(),
        seq: 1_000_000 + r,
        kind: 'confirmed',
        incident: {
          id: bareIncident,
          state: 'confirmed',
          activity: 'agents detaining people',
          area: { id: powderhorn.id, name: powderhorn.name },
          location: INCIDENT,
          reporters: 1,
          at: new Date().toISOString(),
        },
      });
      payloadBytes = Buffer.byteLength(payload);
      const bareCpu = cpuMeter(() => [bare!.child.process.pid!]);
      const b0 = nowMs();
      await bare.broadcast(payload);
      const b = await bareClients.expect(`${bareIncident}:confirmed`, SUBSCRIBERS);
      if (b.timedOut) throw new Error(`bare round ${r}: ${b.count} of ${SUBSCRIBERS}`);
      await sleep(1_500);
      const bareMs = bareCpu();

      // Tocsin: a report opens an incident (staff only); one verifier's confirmation corroborates
      // it (an 'unconfirmed' alert, not measured), the second verifier's confirms it (measured).
      const incident = await node.report(reporters[r]!.token, INCIDENT);
      if (incident.state !== 'reported') throw new Error(`incident is ${incident.state}`);
      await node.verify(first!.token, incident.id, 'confirmed');
      const u = await tocsinClients.expect(`${incident.id}:unconfirmed`, SUBSCRIBERS, {
        settleMs: 200,
      });
      if (u.timedOut || u.count !== SUBSCRIBERS)
        throw new Error(`round ${r}: ${u.count} of ${SUBSCRIBERS} got the corroboration`);
      await sleep(1_500);
      const nodeCpu = cpuMeter(() => [node!.child.process.pid!]);
      const pgCpu = cpuMeter(postgresPids);
      const t0 = nowMs();
      await node.verify(verifier!.token, incident.id, 'confirmed');
      const t = await tocsinClients.expect(`${incident.id}:confirmed`, SUBSCRIBERS, {
        settleMs: 200,
      });
      if (t.timedOut || t.count !== SUBSCRIBERS)
        throw new Error(`round ${r}: ${t.count} of ${SUBSCRIBERS} got the alert`);
      await sleep(1_300);
      const cpu = { bare: bareMs, node: nodeCpu(), postgres: pgCpu() };
      // The false alarm is retracted from everyone alerted.
      const f0 = nowMs();
      await node.verify(verifier!.token, incident.id, 'false_alarm');
      const f = await tocsinClients.expect(`${incident.id}:retraction`, SUBSCRIBERS, {
        settleMs: 200,
      });
      if (f.timedOut || f.count !== SUBSCRIBERS)
        throw new Error(`round ${r}: ${f.count} of ${SUBSCRIBERS} got the retraction`);
      const alert = await seeder.db
        .selectFrom('alerts')
        .select('id')
        .where('incident_id', '=', incident.id)
        .where('kind', '=', 'confirmed')
        .executeTakeFirstOrThrow();
      const [timing] = await node.timings([alert.id]);
      const stages = {
        published: (timing?.published ?? NaN) - t0,
        handlerStart: (timing?.handlerStart ?? NaN) - t0,
        handlerEnd: (timing?.handlerEnd ?? NaN) - t0,
      };
      if (process.env.BENCH_VERBOSE)
        process.stderr.write(
          `fanout round ${r}: bare ${b0 && (max(b.times) - b0).toFixed(0)} ms; tocsin first ${(min(t.times) - t0).toFixed(0)} all ${(max(t.times) - t0).toFixed(0)} ms; published ${stages.published.toFixed(0)} handler ${stages.handlerStart.toFixed(0)}–${stages.handlerEnd.toFixed(0)} ms; retraction ${(max(f.times) - f0).toFixed(0)} ms\n`,
        );
      if (r >= WARMUP)
        rounds.push({
          acks,
          cpu,
          bare: delivery(b0, b.times, b.count),
          tocsin: delivery(t0, t.times, t.count),
          retraction: delivery(f0, f.times, f.count),
          stages,
        });
      await sleep(300);
    }
    // Acks are written in batches: give the last batch time to land.
    await sleep(1_500);
    const ordering = await tocsinClients.ordering();
    const db = seeder.db;
    // One (alert, member) pair per delivery: the log keeps them in batches.
    const {
      rows: [rows],
    } = await sql<{ rows: string; alerts: string }>`
      select count(*) as rows, count(distinct alert_id) as alerts
      from (select alert_id, unnest(member_ids) from alert_deliveries) d`.execute(db);
    const { rows: acks } = await sql<{ acked: string }>`
      select count(*) as acked from (select distinct alert_id, unnest(member_ids) from alert_acks) a`.execute(
      db,
    );
    const { rows: sizes } = await sql<{ deliveries: string; acks: string }>`
      select pg_total_relation_size('alert_deliveries') as deliveries,
        pg_total_relation_size('alert_acks') as acks`.execute(db);
    // Three alerts a round: the corroboration, the confirmation, the retraction.
    const ackedAlerts = 3 * (WARMUP + ROUNDS);
    return {
      subscribers: SUBSCRIBERS,
      rounds,
      connectMs: { tocsin: tocsinConnect.ms, bare: bareConnect.ms },
      ordering,
      recorded: {
        alerts: Number(rows?.alerts ?? 0),
        rows: Number(rows?.rows ?? 0),
        acked: Number(acks[0]?.acked ?? 0),
      },
      expectedRows: 3 * total * SUBSCRIBERS,
      // Every alert of the acknowledging rounds, acknowledged by every subscriber.
      expectedAcked: ackedAlerts * SUBSCRIBERS,
      bytesPerDelivery: Number(sizes[0]?.deliveries ?? 0) / Math.max(1, Number(rows?.rows ?? 0)),
      bytesPerAck: Number(sizes[0]?.acks ?? 0) / Math.max(1, Number(acks[0]?.acked ?? 0)),
      profile,
      connectProfile,
      payloadBytes,
    };
  } finally {
    await stopAll([tocsinClients, bareClients, bare, node]);
    await seeder?.close();
    await database.drop();
  }
}

let memo: Promise<FanoutSession> | null = null;

/** The session, run once per process and shared by the fanout and retraction benchmarks. */
export function fanoutSession(): Promise<FanoutSession> {
  return (memo ??= runSession());
}
