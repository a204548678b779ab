// The bare `ws` baseline on its own: one server process broadcasting one pre-built payload to N
// sockets held by a load-generator process, the clients timestamping arrival (and acking, as the
// Tocsin benchmarks' clients do, or not). Every other benchmark measures its own baseline in its
// own run; this one shows the machine's floor. Run: npm run bench -- baseline
import { randomUUID } from 'node:crypto';
import { alertMessage } from '../packages/server/src/rapid-response/alerts/stream/messages';
import type { BenchResult, BenchRow } from './report';
import { BareServer, LoadGen, stopAll } from './lib/cluster';
import { nowMs } from './lib/ipc';
import { max, median, min, ms } from './lib/stats';

const SIZES = [1_000, 10_000];
const ROUNDS = 5;

function payload(incidentId: string): string {
  return alertMessage({
    alertId: randomUUID(),
    seq: 1,
    kind: 'confirmed',
    incident: {
      id: incidentId,
      state: 'confirmed',
      activity: 'agents detaining people',
      area: { id: randomUUID(), name: 'Powderhorn Park' },
      location: { lat: 44.9475, lng: -93.2555 },
      reporters: 1,
      at: new Date().toISOString(),
    },
  });
}

export async function run(): Promise<BenchResult> {
  const rows: BenchRow[] = [];
  for (const n of SIZES) {
    const server = await BareServer.start();
    const clients = LoadGen.start();
    try {
      await clients.connect(
        server.url,
        Array.from({ length: n }, () => null),
      );
      for (const acks of [true, false]) {
        await clients.setAcks(acks);
        const toAll: number[] = [];
        const perRecipient: number[] = [];
        const send: number[] = [];
        for (let r = 0; r <= ROUNDS; r++) {
          const id = randomUUID();
          const t0 = nowMs();
          const b = await server.broadcast(payload(id));
          const got = await clients.expect(`${id}:confirmed`, n);
          if (got.count !== n) throw new Error(`${got.count} of ${n}`);
          if (r === 0) continue; // warm-up
          toAll.push(max(got.times) - t0);
          perRecipient.push(((max(got.times) - min(got.times)) * 1000) / n);
          send.push(b.sendMs);
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
        const label = `${n.toLocaleString('en-US')} sockets, ${acks ? 'clients ack' : 'no acks'}`;
        rows.push(
          { label: `${label}: time to reach all`, value: ms(median(toAll)) },
          {
            label: `${label}: per recipient (first → last arrival)`,
            value: `${median(perRecipient).toFixed(1)} µs`,
          },
          { label: `${label}: server send loop`, value: ms(median(send)) },
        );
      }
    } finally {
      await stopAll([clients, server]);
    }
  }
  return {
    name: 'baseline',
    title: 'Baseline: a bare ws server broadcasting one payload',
    rows,
    note: `Median of ${ROUNDS} rounds after a warm-up; payload the size of a Tocsin alert. Server and clients are separate processes on loopback (clients spread over 127.0.0.x source addresses).`,
  };
}
