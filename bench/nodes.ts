// Benchmark 3, several nodes: 3 server processes sharing PostgreSQL and NATS JetStream, 15,000
// subscribers each; a confirmed alert must reach all 45,000, and the NATS hop per alert is timed.
// Baselines in the same run: 3 bare `ws` servers broadcasting to the same 45,000 client sockets
// at once, and bare JetStream from one publisher to 3 consumer processes.
// Run: npm run bench -- nodes
import { randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { alertMessage } from '../packages/server/src/rapid-response/alerts/stream/messages';
import type { BenchResult } from './report';
import { bareJetStreamFanout } from './lib/nats-baseline';
import { BareServer, LoadGen, Seeder, stopAll } from './lib/cluster';
import { nowMs } from './lib/ipc';
import { NatsDeployment } from './lib/nats-deployment';
import type { EventTiming } from './lib/node';
import { cpuMeter, natsPids, postgresPids } from './lib/cpu';
import { max, median, ms, quantile, ratio } from './lib/stats';

const NODES = 3;
const PER_NODE = 15_000;
const ROUNDS = 3;
const BARE_ROUNDS = 3;
const INCIDENT = { lat: 44.9475, lng: -93.2555 };

/** CPU µs per arrival of one round: the servers, the load generators (and PostgreSQL + NATS). */
interface RoundCpu {
  servers: number;
  clients: number;
  others: number;
}

function pidsOf(processes: { child: { process: { pid?: number } } }[]): number[] {
  return processes.map((p) => p.child.process.pid ?? 0).filter((pid) => pid > 0);
}

/** Starts CPU meters over servers, load generators, PostgreSQL and nats-server. */
function roundMeter(
  servers: { child: { process: { pid?: number } } }[],
  clients: LoadGen[],
): (arrivals: number) => RoundCpu {
  const s = cpuMeter(() => pidsOf(servers));
  const c = cpuMeter(() => pidsOf(clients));
  const o = cpuMeter(() => [...postgresPids(), ...natsPids()]);
  return (arrivals) => ({
    servers: (s() / arrivals) * 1000,
    clients: (c() / arrivals) * 1000,
    others: (o() / arrivals) * 1000,
  });
}

function cpuRow(label: string, cpus: RoundCpu[]): { label: string; value: string } {
  const m = (f: (c: RoundCpu) => number) => `${median(cpus.map(f)).toFixed(0)} µs`;
  return {
    label,
    value: `${m((c) => c.servers)} / ${m((c) => c.clients)} / ${m((c) => c.others)}`,
  };
}

/**
 * The CPU every process spent from the state change until the last arrival, spread over the
 * machine's cores: the last arrival cannot come sooner than this after the state change. When
 * the time to the last arrival is close to it, the arrivals were waiting for a core.
 */
function cpuFloorMs(cpus: RoundCpu[]): number {
  const perArrival = median(cpus.map((c) => c.servers + c.clients + c.others));
  return (perArrival * NODES * PER_NODE) / 1000 / availableParallelism();
}

/** Bare ws: 3 servers, each broadcasting to its 15,000 sockets at the same moment. */
async function bareRounds(clients: LoadGen[]): Promise<{ rounds: number[][]; cpu: RoundCpu[] }> {
  const servers: BareServer[] = [];
  try {
    for (let n = 0; n < NODES; n++) servers.push(await BareServer.start());
    await Promise.all(
      clients.map((lg, n) =>
        lg.connect(
          servers[n]!.url,
          Array.from({ length: PER_NODE }, () => null),
        ),
      ),
    );
    const rounds: number[][] = [];
    const cpu: RoundCpu[] = [];
    for (let r = 0; r <= BARE_ROUNDS; r++) {
      const id = randomUUID();
      const payload = alertMessage({
        alertId: randomUUID(),
        seq: r,
        kind: 'confirmed',
        incident: {
          id,
          state: 'confirmed',
          activity: 'agents detaining people',
          area: { id: randomUUID(), name: 'Powderhorn Park' },
          location: INCIDENT,
          reporters: 1,
          at: new Date().toISOString(),
        },
      });
      const meter = roundMeter(servers, clients);
      const t0 = nowMs();
      await Promise.all(servers.map((s) => s.broadcast(payload)));
      const got = await Promise.all(
        clients.map((lg) => lg.expect(`${id}:confirmed`, PER_NODE, { timeoutMs: 30_000 })),
      );
      // CPU until the last arrival (the acks still on their way are not counted).
      const used = meter(NODES * PER_NODE);
      await sleep(500);
      if (r > 0) {
        rounds.push(got.flatMap((g) => g.times.map((t) => t - t0)));
        cpu.push(used);
      }
    }
    for (const lg of clients) await lg.child.request({ op: 'close' });
    return { rounds, cpu };
  } finally {
    await stopAll(servers);
  }
}

/**
 * The NATS hop of one alert on one node: from the relay's publish to the node's gateway starting
 * on it, not counting time the event waited behind the node's previous delivery.
 */
function hop(published: number, timing: EventTiming, previousEnd: number): number {
  return (timing.handlerStart ?? NaN) - Math.max(published, previousEnd);
}

export async function run(): Promise<BenchResult> {
  const deployment = await NatsDeployment.create('NODES');
  const clients: LoadGen[] = Array.from({ length: NODES }, () => LoadGen.start());
  let seeder: Seeder | null = null;
  try {
    const { rounds: bare, cpu: bareCpu } = await bareRounds(clients);
    const nodes = await deployment.start(NODES, 'bench-node');
    seeder = await Seeder.open(deployment.database.url, deployment.secret);
    const areas = await seeder.areas();
    const powderhorn = areas.all.find((a) => a.slug === 'powderhorn-park')!;
    const cityId = areas.city!.id;
    const total = NODES * PER_NODE;
    const members = await seeder.members(total, {
      roles: () => [{ areaId: powderhorn.id, role: 'member' }],
    });
    const reporters = await seeder.members(ROUNDS + 1, {
      roles: () => [{ areaId: cityId, role: 'member' }],
    });
    // Two verifiers independent of each other and of the reporters: a confirmation takes both.
    const [firstVerifier, verifier] = await seeder.members(2, {
      roles: () => [{ areaId: cityId, role: 'verifier' }],
    });
    const connectStart = nowMs();
    await Promise.all(
      nodes.map((node, n) =>
        clients[n]!.connect(
          node.wsUrl,
          members.slice(n * PER_NODE, (n + 1) * PER_NODE).map((m, i) => ({
            token: m.token,
            location: {
              lat: INCIDENT.lat + (((i * 7919) % 200) - 100) * 0.00006,
              lng: INCIDENT.lng + (((i * 104729) % 200) - 100) * 0.00008,
            },
          })),
        ),
      ),
    );
    const connectMs = nowMs() - connectStart;

    const rounds: { latencies: number[]; count: number; retraction: number }[] = [];
    const hops: number[] = [];
    const queued: number[] = [];
    const cpu: RoundCpu[] = [];
    for (let r = 0; r <= ROUNDS; r++) {
      const incident = await nodes[0]!.report(reporters[r]!.token, INCIDENT);
      // The first confirmation corroborates (its alert is not measured); the second confirms.
      await nodes[0]!.verify(firstVerifier!.token, incident.id, 'confirmed');
      await sleep(1_500);
      if (r === 1) await nodes[1]!.profileStart();
      const meter = roundMeter(nodes, clients);
      const t0 = nowMs();
      await nodes[0]!.verify(verifier!.token, incident.id, 'confirmed');
      await Promise.all(
        clients.map((lg) => lg.expect(`${incident.id}:confirmed`, PER_NODE, { timeoutMs: 30_000 })),
      );
      // CPU until the last arrival (the acks still on their way are not counted).
      const used = meter(total);
      if (r > 0) cpu.push(used);
      // Anything arriving later (a duplicate, someone twice) would show within 200 ms.
      await sleep(200);
      const got = await Promise.all(clients.map((lg) => lg.stats(`${incident.id}:confirmed`)));
      await sleep(300);
      const latencies = got.flatMap((g) => g.times.map((t) => t - t0));
      const count = got.reduce((sum, g) => sum + g.count, 0);
      const f0 = nowMs();
      await nodes[0]!.verify(verifier!.token, incident.id, 'false_alarm');
      const retracted = await Promise.all(
        clients.map((lg) =>
          lg.expect(`${incident.id}:retraction`, PER_NODE, { timeoutMs: 30_000 }),
        ),
      );
      const retraction = max(retracted.flatMap((g) => g.times)) - f0;
      await sleep(1_500);
      const alerts = await seeder.db
        .selectFrom('alerts')
        .select('id')
        .where('incident_id', '=', incident.id)
        .orderBy('seq')
        .execute();
      const timings = await Promise.all(nodes.map((n) => n.timings(alerts.map((a) => a.id))));
      alerts.forEach((_, k) => {
        const published = Math.min(...timings.map((t) => t[k]?.published ?? Infinity));
        hops.push(
          max(timings.map((t) => hop(published, t[k]!, k > 0 ? (t[k - 1]?.handlerEnd ?? 0) : 0))),
        );
        queued.push(max(timings.map((t) => (t[k]?.handlerStart ?? NaN) - published)));
      });
      if (process.env.BENCH_VERBOSE)
        process.stderr.write(
          `nodes round ${r}: ${count} in ${max(latencies).toFixed(0)} ms (p99 ${quantile(latencies, 0.99).toFixed(0)}); retraction ${retraction.toFixed(0)} ms; hops ${hops
            .slice(-alerts.length)
            .map((h) => h.toFixed(1))
            .join(', ')} ms\n`,
        );
      if (r > 0) rounds.push({ latencies, count, retraction });
    }
    await nodes[1]!.profileStop('nodes-node1');
    const base = await bareJetStreamFanout(NODES);
    const p99s = rounds.map((r) => quantile(r.latencies, 0.99));
    const bareP99s = bare.map((l) => quantile(l, 0.99));
    const p99 = median(p99s);
    const hopMedian = median(hops.slice(3));
    const everyone = rounds.every((r) => r.count === total);
    return {
      name: 'nodes',
      title: `3. Several nodes: ${NODES} processes on PostgreSQL + NATS JetStream, ${PER_NODE.toLocaleString('en-US')} subscribers each`,
      rows: [
        {
          label: 'subscribers reached per alert',
          value: `${rounds.map((r) => r.count.toLocaleString('en-US')).join(', ')} of ${total.toLocaleString('en-US')}`,
          target: 'all',
          met: everyone,
        },
        {
          label: 'Tocsin: verification sent → received, p50',
          value: ms(median(rounds.map((r) => quantile(r.latencies, 0.5)))),
        },
        {
          label: 'Tocsin: verification sent → received, p99',
          value: ms(p99),
          target: '≤ 1000 ms',
          met: p99 <= 1_000,
        },
        { label: 'Tocsin: p99, worst round', value: ms(max(p99s)) },
        {
          label: 'bare ws, 3 servers × 15,000 at once: broadcast → received, p50 / p99',
          value: `${ms(median(bare.map((l) => quantile(l, 0.5))))} / ${ms(median(bareP99s))}`,
        },
        { label: 'p99, Tocsin / bare', value: ratio(p99 / median(bareP99s)) },
        cpuRow(
          'CPU per arrival until the last, bare: servers / load generators / PostgreSQL + NATS',
          bareCpu,
        ),
        cpuRow(
          'CPU per arrival until the last, Tocsin: nodes / load generators / PostgreSQL + NATS',
          cpu,
        ),
        {
          label: `time to the last of the 45,000, median over rounds, bare / Tocsin`,
          value: `${ms(median(bare.map((l) => max(l))))} / ${ms(median(rounds.map((r) => max(r.latencies))))}`,
        },
        {
          label: `CPU until the last arrival / ${availableParallelism()} cores, the least that time can be, bare / Tocsin`,
          value: `${ms(cpuFloorMs(bareCpu))} / ${ms(cpuFloorMs(cpu))}`,
        },
        {
          label: 'CPU per arrival that would fit 45,000 in 1.0 s on these cores (all processes)',
          value: `${((availableParallelism() * 1e6) / (NODES * PER_NODE)).toFixed(0)} µs`,
        },
        {
          label: 'NATS hop per alert: relay publish → slowest node delivering, median',
          value: ms(hopMedian, 1),
          target: '≤ 5 ms',
          met: hopMedian <= 5,
        },
        { label: 'NATS hop, worst alert', value: ms(max(hops.slice(3)), 1) },
        {
          label: 'bare JetStream, 1 publisher → 3 consumer processes, median (baseline)',
          value: ms(median(base), 1),
        },
        { label: 'NATS hop / bare JetStream', value: ratio(hopMedian / median(base)) },
        {
          label: '… including waiting behind the previous alert on the node, median / worst',
          value: `${ms(median(queued.slice(3)), 1)} / ${ms(max(queued.slice(3)), 1)}`,
        },
        {
          label: 'false alarm → retraction received by all 45,000, median',
          value: ms(median(rounds.map((r) => r.retraction))),
        },
        {
          label: `connecting ${total.toLocaleString('en-US')} sockets (hello → ready, 3 nodes at once)`,
          value: ms(connectMs),
        },
      ],
      note: [
        `${ROUNDS} rounds after a warm-up round (bare: ${BARE_ROUNDS}); p99 is over the 45,000 arrivals of a round, median over rounds. Each node and each node's clients run in their own processes: three servers and three load generators, with PostgreSQL and nats-server, on 2 cores; the bare phase uses the same load-generator processes (clients ack in both).`,
        "The report and verification go to node 1; every node consumes alert.issued with its own durable consumer and sends to its own sockets. The NATS hop is taken for every alert after the warm-up (reported, confirmed, retraction): from the outbox relay calling publish to the slowest node's gateway starting on it, less any time the event waited for that node's previous delivery (shown separately).",
      ].join(' '),
    };
  } finally {
    await stopAll(clients);
    await seeder?.close();
    await deployment.close();
  }
}
