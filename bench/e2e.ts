// Benchmark 4, end to end: a report POSTed → the alert on subscribers' sockets, one node on
// PostgreSQL with 1,000 subscribers, over 500 reports that each corroborate an incident.
// Run: npm run bench -- e2e
import { randomUUID } from 'node:crypto';
import { alertMessage } from '../packages/server/src/rapid-response/alerts/stream/messages';
import type { BenchResult } from './report';
import { haversineMeters } from '@tocsin/core';
import { cityPoints, type CityPoint } from './lib/city-points';
import {
  BareServer,
  freshDatabase,
  LoadGen,
  newSecret,
  Seeder,
  stopAll,
  TocsinNode,
} from './lib/cluster';
import { nowMs } from './lib/ipc';
import { max, median, min, ms, quantile, ratio } from './lib/stats';

const SUBSCRIBERS = 1_000;
const REPORTS = 500;
const WARMUP = 20;
/** Incidents open at once before they are closed (false alarms) and their places reused. */
const BATCH = 40;

export async function run(): Promise<BenchResult> {
  const database = await freshDatabase();
  const secret = newSecret();
  const clients = LoadGen.start();
  const bareClients = LoadGen.start();
  let node: TocsinNode | null = null;
  let bare: BareServer | null = null;
  let seeder: Seeder | null = null;
  try {
    node = await TocsinNode.start({ databaseUrl: database.url, secret, nodeId: 'bench-e2e' });
    seeder = await Seeder.open(database.url, secret);
    const areas = await seeder.areas();
    const cityId = areas.city!.id;
    const total = WARMUP + REPORTS;
    const homes = cityPoints(areas, SUBSCRIBERS, 4);
    // Subscribers follow the whole city, so every incident's alert goes to all 1,000.
    const subscribers = await seeder.members(SUBSCRIBERS, {
      roles: (i) => [{ areaId: homes[i]!.areaId, role: 'member' }],
      prefs: () => ({ areaIds: [cityId], radiusMeters: 1_000, minLevel: 'unconfirmed' }),
    });
    // Independent reporters (no sponsor in common), each within the per-member report limit.
    const reporters = await seeder.members(Math.ceil((2 * total) / 8), {
      roles: () => [{ areaId: cityId, role: 'member' }],
    });
    const [verifier] = await seeder.members(1, {
      roles: () => [{ areaId: cityId, role: 'verifier' }],
    });
    await clients.connect(
      node.wsUrl,
      subscribers.map((m, i) => ({
        token: m.token,
        location: { lat: homes[i]!.lat, lng: homes[i]!.lng },
      })),
    );
    bare = await BareServer.start();
    await bareClients.connect(
      bare.url,
      subscribers.map(() => null),
    );

    // Incident places at least 1 km apart; each batch of incidents is closed as false alarms (their
    // retractions awaited) before the places are used again, so every report opens a new incident.
    const places: CityPoint[] = [];
    for (const p of cityPoints(areas, 2_000, 11)) {
      if (places.every((q) => haversineMeters(p, q) > 1_000)) places.push(p);
      if (places.length === BATCH) break;
    }
    const toAll: number[] = [];
    const toFirst: number[] = [];
    const perDelivery: number[] = [];
    const posted: number[] = [];
    const bareTimes: number[] = [];
    const health: number[] = [];
    let reporter = 0;
    let lost = 0;
    let open: { id: string; count: number }[] = [];
    const closeOpen = async () => {
      for (const incident of open) await node!.verify(verifier!.token, incident.id, 'false_alarm');
      for (const incident of open)
        await clients.expect(`${incident.id}:retraction`, incident.count, { timeoutMs: 20_000 });
      open = [];
      // The closing burst is housekeeping, not the workload: its delivery log and acks are
      // written before the next report is timed.
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    };
    for (let i = 0; i < total; i++) {
      const place = places[i % places.length]!;
      if (i > 0 && i % places.length === 0) await closeOpen();
      // The first report opens the incident (staff only); the second, independent, corroborates it.
      const first = await node.report(reporters[reporter++ % reporters.length]!.token, place);
      const t0 = nowMs();
      const second = await node.report(reporters[reporter++ % reporters.length]!.token, place);
      const tPosted = nowMs();
      if (second.id !== first.id || second.state !== 'corroborated')
        throw new Error(`report ${i}: ${JSON.stringify({ first, second })}`);
      const got = await clients.expect(`${first.id}:unconfirmed`, SUBSCRIBERS, {
        timeoutMs: 10_000,
      });
      if (got.count !== SUBSCRIBERS) lost += SUBSCRIBERS - got.count;
      open.push({ id: first.id, count: got.count });
      if (i < WARMUP) continue;
      toAll.push(max(got.times) - t0);
      toFirst.push(min(got.times) - t0);
      for (const t of got.times) perDelivery.push(t - t0);
      posted.push(tPosted - t0);
      if (i % 25 === 0) {
        // Baselines in the same run: an HTTP round trip, and a bare broadcast to as many sockets.
        const h0 = nowMs();
        await fetch(`${node.url}/api/v1/health`).then((r) => r.arrayBuffer());
        health.push(nowMs() - h0);
        const id = randomUUID();
        const b0 = nowMs();
        await bare.broadcast(
          alertMessage({
            alertId: randomUUID(),
            seq: i,
            kind: 'unconfirmed',
            incident: {
              id,
              state: 'corroborated',
              activity: 'agents detaining people',
              area: { id: place.areaId, name: areas.byId.get(place.areaId)!.name },
              location: place,
              reporters: 2,
              at: new Date().toISOString(),
            },
          }),
        );
        const b = await bareClients.expect(`${id}:unconfirmed`, SUBSCRIBERS);
        bareTimes.push(max(b.times) - b0);
      }
    }
    await closeOpen();
    const ordering = await clients.ordering();
    const p50 = quantile(perDelivery, 0.5);
    const p99 = quantile(perDelivery, 0.99);
    const floor = median(health) + median(bareTimes) / 2;
    const exact = lost === 0 && ordering.outOfOrder === 0 && ordering.duplicates === 0;
    return {
      name: 'e2e',
      title: `4. End to end: report POSTed → alert on a subscriber's socket, ${SUBSCRIBERS.toLocaleString('en-US')} subscribers (PostgreSQL), ${REPORTS} reports`,
      rows: [
        {
          label: 'report POSTed → alert on a subscriber socket, p50',
          value: ms(p50, 1),
          target: '≤ 50 ms',
          met: p50 <= 50,
        },
        {
          label: 'report POSTed → alert on a subscriber socket, p99',
          value: ms(p99, 1),
          target: '≤ 200 ms',
          met: p99 <= 200,
        },
        {
          label: '… to the first of the 1,000 sockets, p50 / p99 over reports',
          value: `${ms(quantile(toFirst, 0.5), 1)} / ${ms(quantile(toFirst, 0.99), 1)}`,
        },
        {
          label: '… to the last of the 1,000 sockets, p50 / p99 over reports',
          value: `${ms(quantile(toAll, 0.5), 1)} / ${ms(quantile(toAll, 0.99), 1)}`,
        },
        {
          label: 'report POSTed → HTTP response, p50 / p99',
          value: `${ms(quantile(posted, 0.5), 1)} / ${ms(quantile(posted, 0.99), 1)}`,
        },
        {
          label: 'baseline: HTTP round trip (GET /api/v1/health), median',
          value: ms(median(health), 1),
        },
        {
          label: 'baseline: bare ws broadcast to 1,000 sockets, to the last, median',
          value: ms(median(bareTimes), 1),
        },
        { label: 'p50 / (HTTP round trip + half the bare broadcast)', value: ratio(p50 / floor) },
        {
          label: 'every alert reached all 1,000, once each, in seq order',
          value: exact ? 'yes' : `NO: ${lost} missing, ${JSON.stringify(ordering)}`,
          target: 'yes',
          met: exact,
        },
      ],
      note: [
        `${REPORTS} measured reports after ${WARMUP} warm-up ones, one at a time. Each incident is opened by one report (staff only) and corroborated by a second from an independent member: that POST is the one timed, up to the 'unconfirmed' alert arriving on each subscriber's socket (clients ack as the app does). p50/p99 are over every (report, subscriber) arrival, ${(REPORTS * SUBSCRIBERS).toLocaleString('en-US')} of them; the first- and last-socket rows are over the ${REPORTS} reports.`,
        `Subscribers follow the city, each with a live location. Incidents sit at ${BATCH} places at least 1 km apart over the demo pack; after each ${BATCH} they are closed as false alarms (retractions awaited, then 2 s for their delivery log and acks to be written) so the next reports open new incidents.`,
      ].join(' '),
    };
  } finally {
    await stopAll([clients, bareClients, bare, node]);
    await seeder?.close();
    await database.drop();
  }
}
