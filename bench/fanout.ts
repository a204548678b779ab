// Benchmark 1, fan-out: a confirmed alert through the whole path to 10,000 subscribers on one
// node, against a bare `ws` broadcast of the same bytes to 10,000 sockets in the same run.
// Run: npm run bench -- fanout
import type { BenchResult, BenchRow } from './report';
import { fanoutSession, type FanoutRound } from './lib/fanout-session';
import { median, ms, ratio } from './lib/stats';

const perSecond = (count: number, spanMs: number) =>
  `${Math.round((count / spanMs) * 1000).toLocaleString('en-US')} msg/s`;

function pairRows(rounds: FanoutRound[], label: string): { rows: BenchRow[]; met: boolean } {
  const n = rounds[0]?.tocsin.count ?? 0;
  const bareTime = median(rounds.map((r) => r.bare.toAll));
  const tocsinTime = median(rounds.map((r) => r.tocsin.toAll));
  const bareSpread = median(rounds.map((r) => r.bare.spread));
  const tocsinSpread = median(rounds.map((r) => r.tocsin.spread));
  // Each round pairs a bare broadcast with a Tocsin alert right after it; ratios are per pair.
  const rateRatio = median(rounds.map((r) => r.bare.spread / r.tocsin.spread));
  const timeRatio = median(rounds.map((r) => r.tocsin.toAll / r.bare.toAll));
  const rateOk = rateRatio >= 0.8;
  const timeOk = timeRatio <= 1.25;
  return {
    met: rateOk && timeOk,
    rows: [
      { label: `${label}: bare ws, time to reach all`, value: ms(bareTime) },
      { label: `${label}: Tocsin, verification sent → all received`, value: ms(tocsinTime) },
      {
        label: `${label}: Tocsin, verification sent → first received`,
        value: ms(median(rounds.map((r) => r.tocsin.toFirst))),
      },
      { label: `${label}: bare ws, delivery rate (first → last)`, value: perSecond(n, bareSpread) },
      {
        label: `${label}: Tocsin, delivery rate (first → last)`,
        value: perSecond(n, tocsinSpread),
      },
      {
        label: `${label}: delivery rate, Tocsin / bare`,
        value: ratio(rateRatio),
        target: '≥ 0.80',
        met: rateOk,
      },
      {
        label: `${label}: time to reach all, Tocsin / bare`,
        value: ratio(timeRatio),
        target: '≤ 1.25',
        met: timeOk,
      },
      {
        label: `${label}: server CPU per recipient, bare / Tocsin node / PostgreSQL`,
        value: [
          median(rounds.map((r) => r.cpu.bare)),
          median(rounds.map((r) => r.cpu.node)),
          median(rounds.map((r) => r.cpu.postgres)),
        ]
          .map((v) => `${((v * 1000) / n).toFixed(0)} µs`)
          .join(' / '),
      },
    ],
  };
}

export async function run(): Promise<BenchResult> {
  const s = await fanoutSession();
  const withAcks = pairRows(
    s.rounds.filter((r) => r.acks),
    'acks',
  );
  const noAcks = pairRows(
    s.rounds.filter((r) => !r.acks),
    'no acks',
  );
  const exact =
    s.ordering.outOfOrder === 0 &&
    s.ordering.duplicates === 0 &&
    s.recorded.rows === s.expectedRows &&
    s.recorded.acked === s.expectedAcked;
  return {
    name: 'fanout',
    title: `1. Fan-out: a confirmed alert to ${s.subscribers.toLocaleString('en-US')} subscribers on one node vs a bare ws broadcast`,
    rows: [
      ...withAcks.rows,
      ...noAcks.rows,
      {
        label:
          'every subscriber got every alert once, in seq order; delivery log and acks complete',
        value: exact
          ? `yes (${s.ordering.messages.toLocaleString('en-US')} messages, ${s.recorded.rows.toLocaleString('en-US')} log rows, ${s.recorded.acked.toLocaleString('en-US')} acked)`
          : `NO: ${JSON.stringify({ ordering: s.ordering, recorded: s.recorded, expectedRows: s.expectedRows, expectedAcked: s.expectedAcked })}`,
        target: 'yes',
        met: exact,
      },
      {
        label: 'sockets connected (hello → ready): Tocsin / bare',
        value: `${ms(s.connectMs.tocsin)} / ${ms(s.connectMs.bare)}`,
      },
      {
        label: 'delivery log and acks in PostgreSQL, per recipient of an alert',
        value: `${s.bytesPerDelivery.toFixed(0)} B + ${s.bytesPerAck.toFixed(0)} B`,
      },
    ],
    note: [
      `Median of ${s.rounds.filter((r) => r.acks).length} rounds with acks and ${s.rounds.filter((r) => !r.acks).length} without, after a warm-up round; each round is a bare broadcast then a Tocsin alert, and ratios are taken per round.`,
      `One Tocsin node (PostgreSQL, in-process bus) and one bare \`ws\` server, each with its own load-generator process holding ${s.subscribers.toLocaleString('en-US')} sockets over loopback source addresses 127.0.0.x; payload ${s.payloadBytes} bytes, the same for both.`,
      "Tocsin path: a first verifier's confirmation corroborates the incident (its alert is delivered and not measured); the second, independent verifier POSTs the confirmation → the state change and its alert commit with the outbox row → relay → bus → targeting (SubscriptionIndex) → one serialized message → send; clients timestamp arrival and ack (the bare server JSON-parses acks too).",
      'Delivery rate = subscribers / (last arrival − first arrival); time to reach all = last arrival − the moment the verification request (or the broadcast order) left the benchmark process.',
      'CPU is read from /proc over each broadcast and the 1.5 s after it (so the acks and their writes count): the bare server process, the Tocsin node process, and every PostgreSQL process; it is steadier than wall time on this shared machine.',
    ].join(' '),
  };
}
