// Benchmark: a raid. 50 reports a second for 60 s over 20 sightings in one neighborhood, one node
// on PostgreSQL + NATS JetStream with 10,000 subscribers connected, against the same surge with
// nobody connected (the same-run baseline).
// Run: npm run bench -- surge
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { haversineMeters } from '@tocsin/core';
import { alertMessage } from '../packages/server/src/rapid-response/alerts/stream/messages';
import type { BenchResult } from './report';
import { cityPoints, type CityPoint } from './lib/city-points';
import {
  BareServer,
  LoadGen,
  Seeder,
  stopAll,
  type SeededMember,
  type TocsinNode,
} from './lib/cluster';
import { cpuMeter, natsPids, postgresPids } from './lib/cpu';
import { forkChild, nowMs, type Child } from './lib/ipc';
import { NatsDeployment } from './lib/nats-deployment';
import type { ScheduledReport, SentReport } from './lib/reporter';
import { max, min, ms, quantile, ratio } from './lib/stats';

const PER_SECOND = 50;
const SECONDS = 60;
const REPORTS = PER_SECOND * SECONDS;
const SIGHTINGS = 20;
/** Reports sent elsewhere in the city before the baseline, to warm the node up. */
const WARMUP = 150;
const SUBSCRIBERS = 10_000;
const LOADGENS = 2;
/**
 * Stream workers of the node (TOCSIN_STREAM_WORKERS): 1 by default, as DEPLOYMENT.md advises for
 * a node that must answer reports during a raid; BENCH_SURGE_WORKERS=0 measures the node that
 * holds its sockets itself.
 */
const WORKERS = Number(process.env.BENCH_SURGE_WORKERS ?? '1');
/**
 * The worker's niceness (TOCSIN_STREAM_WORKER_NICENESS, 10 as the node's default). The load
 * generators and the bare server run as nice: the subscribers stand for phones, which have CPUs
 * of their own, so they never run ahead of the API's answers when the worker does not.
 */
const NICENESS = WORKERS > 0 ? Number(process.env.BENCH_SURGE_NICENESS ?? '10') : 0;
/** Sightings lie this many merge radii apart, so each is its own incident. */
const SPACING = 1.1;

interface Phase {
  sent: SentReport[];
  /** CPU ms of the node, and of PostgreSQL + nats-server, over the surge. */
  nodeCpu: number;
  otherCpu: number;
  load: number;
  /** The API process's event-loop delay over the surge (ms). */
  loopDelay: { p50: number; p99: number; max: number };
}

/** The neighborhood that holds the most sightings farther apart than the merge radius. */
function sightings(
  points: CityPoint[],
  radius: number,
): { areaId: string; places: CityPoint[]; homes: CityPoint[] } {
  const byArea = new Map<string, CityPoint[]>();
  for (const p of points) {
    let list = byArea.get(p.areaId);
    if (!list) byArea.set(p.areaId, (list = []));
    list.push(p);
  }
  let best = { areaId: '', places: [] as CityPoint[], homes: [] as CityPoint[] };
  for (const [areaId, list] of byArea) {
    const places: CityPoint[] = [];
    for (const p of list) {
      if (places.every((q) => haversineMeters(p, q) > radius * SPACING)) places.push(p);
      if (places.length === SIGHTINGS) break;
    }
    if (places.length > best.places.length) best = { areaId, places, homes: list };
  }
  return best;
}

async function surge(
  sender: Child,
  node: TocsinNode,
  reporters: SeededMember[],
  places: CityPoint[],
): Promise<Phase> {
  const reports: ScheduledReport[] = reporters.map((r, i) => ({
    token: r.token,
    lat: places[i % places.length]!.lat,
    lng: places[i % places.length]!.lng,
  }));
  const pids = await node.pids();
  const nodeCpu = cpuMeter(() => pids);
  await node.loopDelay();
  const otherCpu = cpuMeter(() => [...postgresPids(), ...natsPids()]);
  const sent = await sender.request<SentReport[]>(
    { op: 'surge', url: node.url, reports, perSecond: PER_SECOND },
    (SECONDS + 60) * 1000,
  );
  return {
    sent,
    nodeCpu: nodeCpu(),
    otherCpu: otherCpu(),
    load: loadavg()[0]!,
    loopDelay: await node.loopDelay(),
  };
}

/** A monotonic time (nowMs) as the wall clock's HH:MM:SS, to find it in other logs. */
function wallClock(at: number): string {
  return new Date(Date.now() - nowMs() + at).toISOString().slice(11, 19);
}

/**
 * Where a phase's slow answers are: reports answered after more than 100 ms, by the second they
 * were sent in (from its first report), written to stderr.
 */
function slowReports(phase: Phase, label: string): { count: number; seconds: number[] } {
  const firstSent = min(phase.sent.map((s) => s.sentAt));
  const slow = new Map<number, number[]>();
  for (const s of phase.sent) {
    if (s.ackAt - s.sentAt <= 100) continue;
    const second = Math.floor((s.sentAt - firstSent) / 1000);
    slow.set(second, [...(slow.get(second) ?? []), s.ackAt - s.sentAt]);
  }
  for (const [second, waits] of [...slow].sort((a, b) => a[0] - b[0]))
    process.stderr.write(
      `${label} reports sent in second ${second} (${wallClock(firstSent + second * 1000)}): ${waits.length} answered after > 100 ms, the slowest ${max(waits).toFixed(0)} ms\n`,
    );
  const { p99, max: worst } = phase.loopDelay;
  process.stderr.write(
    `${label}: the API process's event-loop delay p99 ${p99.toFixed(0)} ms, max ${worst.toFixed(0)} ms\n`,
  );
  return {
    count: [...slow.values()].reduce((n, waits) => n + waits.length, 0),
    seconds: [...slow.keys()],
  };
}

/** Reports answered 201 per second, from the first send to the last answer. */
function throughput(phase: Phase): number {
  const accepted = phase.sent.filter((s) => s.status === 201).length;
  const span = max(phase.sent.map((s) => s.ackAt)) - min(phase.sent.map((s) => s.sentAt));
  return (accepted / span) * 1000;
}

const acks = (phase: Phase) => phase.sent.map((s) => s.ackAt - s.sentAt);
const failed = (phase: Phase) => phase.sent.filter((s) => s.status !== 201).length;
const incidents = (phase: Phase) =>
  new Set(phase.sent.flatMap((s) => (s.incident ? [s.incident.id] : [])));

/**
 * Per incident, the earliest-sent report whose answer shows it corroborated: the 'unconfirmed'
 * alert goes out when the first such report commits, so timing from the earliest send never
 * flatters the figure.
 */
function corroborations(phase: Phase): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of phase.sent) {
    if (!s.incident || s.incident.state !== 'corroborated') continue;
    const t = out.get(s.incident.id);
    if (t === undefined || s.sentAt < t) out.set(s.incident.id, s.sentAt);
  }
  return out;
}

interface Bound {
  deliveries: number[];
  toLast: number[];
  lost: number;
  payloadBytes: number;
}

/**
 * What the machine allows: the same number of alerts, issued at the same moments after one
 * another as the surge's alerts were, broadcast by a bare `ws` server that does nothing else to as
 * many sockets (in the same load-generator processes, acking). Every alert goes to every socket,
 * so a burst of alerts is a queue of broadcasts whatever the server; Tocsin cannot beat this.
 */
async function bareBound(
  clients: LoadGen[],
  held: number[],
  offsets: number[],
  area: { id: string; name: string },
  place: CityPoint,
): Promise<Bound> {
  // As nice as the loaded surge's stream worker, for the same share of the cores.
  const bare = await BareServer.start([], NICENESS);
  try {
    for (let g = 0; g < clients.length; g++) {
      await clients[g]!.connect(
        bare.url,
        Array.from({ length: held[g]! }, () => null),
        { concurrency: 25 },
      );
    }
    await sleep(3_000);
    const ids = offsets.map(() => randomUUID());
    const payloads = ids.map((id, i) =>
      alertMessage({
        alertId: randomUUID(),
        seq: 1_000_000 + i,
        kind: 'unconfirmed',
        incident: {
          id,
          state: 'corroborated',
          activity: 'agents detaining people',
          area,
          location: { lat: place.lat, lng: place.lng },
          reporters: 2,
          at: new Date().toISOString(),
        },
      }),
    );
    const start = nowMs() + 100;
    const fired: number[] = [];
    await Promise.all(
      offsets.map(async (offset, i) => {
        const wait = start + offset - nowMs();
        if (wait > 0) await sleep(wait);
        fired[i] = nowMs();
        await bare.broadcast(payloads[i]!);
      }),
    );
    const deliveries: number[] = [];
    const toLast: number[] = [];
    let lost = 0;
    for (let i = 0; i < ids.length; i++) {
      const times: number[] = [];
      for (let g = 0; g < clients.length; g++) {
        const got = await clients[g]!.expect(`${ids[i]}:unconfirmed`, held[g]!, {
          timeoutMs: 30_000,
        });
        lost += held[g]! - got.count;
        times.push(...got.times);
      }
      for (const t of times) deliveries.push(t - fired[i]!);
      if (times.length > 0) toLast.push(max(times) - fired[i]!);
      process.stderr.write(
        `bare alert at +${offsets[i]!.toFixed(0)} ms: first ${(min(times) - fired[i]!).toFixed(0)} ms, last ${(max(times) - fired[i]!).toFixed(0)} ms\n`,
      );
    }
    return { deliveries, toLast, lost, payloadBytes: Buffer.byteLength(payloads[0] ?? '') };
  } finally {
    await bare.stop();
  }
}

export async function run(): Promise<BenchResult> {
  const deployment = await NatsDeployment.create('SURGE');
  const sender = forkChild('./reporter.ts');
  const clients = Array.from({ length: LOADGENS }, () => LoadGen.start(NICENESS));
  let seeder: Seeder | null = null;
  try {
    const [node] = await deployment.start(1, 'bench-surge', {
      TOCSIN_STREAM_WORKERS: String(WORKERS),
      TOCSIN_STREAM_WORKER_NICENESS: String(NICENESS),
    });
    seeder = await Seeder.open(deployment.database.url, deployment.secret);
    const areas = await seeder.areas();
    const cityId = areas.city!.id;
    const radius = areas.settings?.merge.radiusMeters ?? 400;
    const points = cityPoints(areas, 20_000, 7);
    const { areaId, places, homes } = sightings(points, radius);
    // Independent reporters (no sponsor in common), one report each: the per-member limit never
    // bites, and every second report of a sighting corroborates it.
    const reporters = await seeder.members(2 * REPORTS, {
      roles: () => [{ areaId: cityId, role: 'member' }],
    });
    const [verifier] = await seeder.members(1, {
      roles: () => [{ areaId: cityId, role: 'verifier' }],
    });
    const subscribers = await seeder.members(SUBSCRIBERS, {
      roles: () => [{ areaId, role: 'member' }],
      prefs: () => ({ areaIds: [areaId], radiusMeters: 1_000, minLevel: 'unconfirmed' }),
    });

    // A node's first requests compile its code: a few seconds of reports elsewhere in the city
    // first, so that the baseline measures a warm node as the loaded surge does.
    const warmers = await seeder.members(WARMUP, {
      roles: () => [{ areaId: cityId, role: 'member' }],
    });
    const elsewhere = points
      .filter((p) => p.areaId !== areaId && places.every((q) => haversineMeters(p, q) > 3_000))
      .slice(0, 5);
    if (elsewhere.length === 0) throw new Error('no place 3 km from the sightings to warm up at');
    const warm = await surge(sender, node!, warmers, elsewhere);
    for (const id of incidents(warm)) await node!.verify(verifier!.token, id, 'false_alarm');

    // Baseline: the same surge with nobody connected.
    const bare = await surge(sender, node!, reporters.slice(0, REPORTS), places);
    // Its incidents are closed as false alarms so the measured surge opens new ones.
    for (const id of incidents(bare)) await node!.verify(verifier!.token, id, 'false_alarm');

    const share = Math.ceil(SUBSCRIBERS / LOADGENS);
    const held: number[] = [];
    for (let g = 0; g < LOADGENS; g++) {
      const mine = subscribers.slice(g * share, (g + 1) * share);
      held.push(mine.length);
      await clients[g]!.connect(
        node!.wsUrl,
        mine.map((m, i) => {
          const home = homes[(g * share + i) % homes.length]!;
          return { token: m.token, location: { lat: home.lat, lng: home.lng } };
        }),
        // Fewer hellos at once than the default: on a loaded machine 100 at once time out.
        { concurrency: 25 },
      );
    }
    const connected = await node!.sockets();
    await new Promise((resolve) => setTimeout(resolve, 3_000));

    await node!.profileStart();
    const loaded = await surge(sender, node!, reporters.slice(REPORTS), places);
    await node!.profileStop('surge');
    const deliveries: number[] = [];
    const toLast: number[] = [];
    /** When the last alert reached its last socket (the end of the burst of broadcasts). */
    let burstEnd = 0;
    let lost = 0;
    const alerts = corroborations(loaded);
    const timings = await node!.alertTimings();
    for (const [id, t0] of alerts) {
      const times: number[] = [];
      for (let g = 0; g < LOADGENS; g++) {
        const got = await clients[g]!.expect(`${id}:unconfirmed`, held[g]!, { timeoutMs: 30_000 });
        lost += held[g]! - got.count;
        times.push(...got.times);
      }
      for (const t of times) deliveries.push(t - t0);
      if (times.length > 0) toLast.push(max(times) - t0);
      if (times.length > 0) burstEnd = Math.max(burstEnd, max(times));
      const stage = timings[`${id}:unconfirmed`] ?? {};
      const after = (t?: number) => (t === undefined ? '?' : (t - t0).toFixed(0));
      process.stderr.write(
        `surge alert at +${(t0 - min([...alerts.values()])).toFixed(0)} ms: published ${after(stage.published)}, handler ${after(stage.handlerStart)}–${after(stage.handlerEnd)}, settled ${after(stage.settled)}, first ${(min(times) - t0).toFixed(0)} ms, last ${(max(times) - t0).toFixed(0)} ms\n`,
      );
    }

    // The bound, with the Tocsin node idle: its sockets stay open but get nothing.
    const t0s = [...alerts.values()].sort((a, b) => a - b);
    const offsets = t0s.map((t) => t - t0s[0]!);
    const area = areas.all.find((a) => a.id === areaId)!;
    const bound = await bareBound(
      clients,
      held,
      offsets,
      { id: area.id, name: area.name },
      places[0]!,
    );

    const slowLoaded = slowReports(loaded, 'surge');
    slowReports(bare, 'baseline');
    const slowCount = slowLoaded.count;
    const slowSeconds = slowLoaded.seconds;
    const firstSent = min(loaded.sent.map((s) => s.sentAt));
    const slowSummary =
      slowCount === 0
        ? 'none'
        : `${slowCount.toLocaleString('en-US')} of ${loaded.sent.length.toLocaleString('en-US')}; seconds ${min(slowSeconds)}–${max(slowSeconds)}`;
    const ackBare = acks(bare);
    const ackLoaded = acks(loaded);
    const ack99 = quantile(ackLoaded, 0.99);
    const alert99 = quantile(deliveries, 0.99);
    const cpuPerReport = (p: Phase) => `${((p.nodeCpu / REPORTS) * 1000).toFixed(0)} µs`;
    const otherPerReport = (p: Phase) => `${((p.otherCpu / REPORTS) * 1000).toFixed(0)} µs`;
    return {
      name: 'surge',
      title: `Surge: ${PER_SECOND} reports/s for ${SECONDS} s over ${places.length} sightings in one neighborhood, one node${WORKERS > 0 ? ` with ${WORKERS} stream worker${WORKERS > 1 ? 's' : ''}` : ''} on PostgreSQL + NATS, ${SUBSCRIBERS.toLocaleString('en-US')} subscribers`,
      rows: [
        {
          label: 'report acknowledged (HTTP answer), p50 / p99',
          value: `${ms(quantile(ackLoaded, 0.5), 1)} / ${ms(ack99, 1)}`,
          target: 'p99 ≤ 100 ms',
          met: ack99 <= 100,
        },
        {
          label: 'alert on a subscriber socket after its report, p50 / p99',
          value: `${ms(quantile(deliveries, 0.5), 1)} / ${ms(alert99, 1)}`,
          target: 'p99 ≤ 300 ms',
          met: alert99 <= 300,
        },
        {
          label: `… to the last of the ${SUBSCRIBERS.toLocaleString('en-US')} sockets, p50 / p99 over alerts`,
          value: `${ms(quantile(toLast, 0.5), 1)} / ${ms(quantile(toLast, 0.99), 1)}`,
        },
        {
          label: `alerts issued: first → last corroborating report sent`,
          value: ms(max(offsets), 0),
        },
        {
          label: `bound: bare ws, the same ${alerts.size} alerts at the same moments to as many sockets, arrival p50 / p99`,
          value: `${ms(quantile(bound.deliveries, 0.5), 1)} / ${ms(quantile(bound.deliveries, 0.99), 1)}`,
        },
        {
          label: 'bound: … to the last socket, p50 / p99 over alerts',
          value: `${ms(quantile(bound.toLast, 0.5), 1)} / ${ms(quantile(bound.toLast, 0.99), 1)}`,
        },
        {
          label: 'alert p50 / p99, Tocsin ÷ bare bound',
          value: `${ratio(quantile(deliveries, 0.5) / quantile(bound.deliveries, 0.5))} / ${ratio(alert99 / quantile(bound.deliveries, 0.99))}`,
        },
        {
          label: 'baseline: report acknowledged with nobody connected, p50 / p99',
          value: `${ms(quantile(ackBare, 0.5), 1)} / ${ms(quantile(ackBare, 0.99), 1)}`,
        },
        {
          label: 'ack p50 / p99, subscribers connected ÷ baseline',
          value: `${ratio(quantile(ackLoaded, 0.5) / quantile(ackBare, 0.5))} / ${ratio(ack99 / quantile(ackBare, 0.99))}`,
        },
        {
          label: 'with subscribers: reports answered after > 100 ms; the seconds they were sent in',
          value: slowSummary,
        },
        {
          label: 'with subscribers: the last alert reached its last socket, second of the surge',
          value: ((burstEnd - firstSent) / 1000).toFixed(1),
        },
        {
          label: 'reports accepted per second over the surge, baseline / with subscribers',
          value: `${throughput(bare).toFixed(1)} / ${throughput(loaded).toFixed(1)}`,
        },
        {
          label: 'node CPU per report, baseline / with subscribers',
          value: `${cpuPerReport(bare)} / ${cpuPerReport(loaded)}`,
        },
        {
          label: 'PostgreSQL + nats-server CPU per report, baseline / with subscribers',
          value: `${otherPerReport(bare)} / ${otherPerReport(loaded)}`,
        },
        {
          label: 'incidents / alerts measured / reports refused, baseline and loaded',
          value: `${incidents(bare).size} / – / ${failed(bare)} and ${incidents(loaded).size} / ${alerts.size} / ${failed(loaded)}`,
        },
        {
          label: 'every alert reached every subscriber',
          value:
            lost === 0 && bound.lost === 0
              ? 'yes'
              : `NO: ${lost} arrivals missing (bare bound: ${bound.lost})`,
          target: 'yes',
          met: lost === 0,
        },
        {
          label: 'load average (1 min) after baseline / after the loaded surge',
          value: `${bare.load.toFixed(2)} / ${loaded.load.toFixed(2)}`,
        },
      ],
      note: [
        `${REPORTS.toLocaleString('en-US')} reports per surge, sent open-loop at ${PER_SECOND}/s by their own process (one independent member each, round robin over the ${places.length} sightings, which lie more than ${SPACING} × the ${radius} m merge radius apart in one neighborhood), so each sighting's second report corroborates its incident and the 'unconfirmed' alert goes to all ${connected.toLocaleString('en-US')} connected subscribers (in ${LOADGENS} load-generator processes, acking as the app does), who follow that neighborhood.`,
        `Alert times run from the send of the earliest report whose answer shows its incident corroborated, to each arrival; p50/p99 are over every arrival. The baseline surge runs first with nobody connected, after ${WARMUP} reports at 50/s elsewhere in the city that warm the node up; its incidents are then closed as false alarms, so the loaded surge opens new ones at the same places. CPU per report is the node's user + system time over the surge (its stream workers' included) divided by the reports.${WORKERS > 0 ? ` The node's ${WORKERS === 1 ? 'stream worker holds' : 'stream workers hold'} the subscribers' sockets (TOCSIN_STREAM_WORKERS=${WORKERS}, ADR 0038)${NICENESS > 0 ? `, at niceness ${NICENESS} (BENCH_SURGE_NICENESS), with the load generators and the bare server as nice` : ''}; \`BENCH_SURGE_WORKERS=0\` measures the node holding them itself.` : ''}`,
        `The bound: after the surge, a bare \`ws\` server (nothing but a send loop, JSON-parsing the acks) gets ${SUBSCRIBERS.toLocaleString('en-US')} more sockets in the same load-generator processes and broadcasts ${alerts.size} payloads of ${bound.payloadBytes} bytes at the moments the surge's alerts were issued (offsets of their corroborating reports); its arrival times run from each broadcast's order. Every alert goes to every subscriber, so the burst is a queue of broadcasts on any server: this is the floor on this machine, and the ratio is what Tocsin adds to it.`,
      ].join(' '),
    };
  } finally {
    await stopAll([...clients, sender]);
    await seeder?.close();
    await deployment.close();
  }
}
