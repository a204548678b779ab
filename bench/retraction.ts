// Benchmark 7, retraction: a false alarm retracted from everyone alerted in benchmark 1.
// Run: npm run bench -- retraction
import type { BenchResult } from './report';
import { fanoutSession } from './lib/fanout-session';
import { max, median, ms, ratio } from './lib/stats';

export async function run(): Promise<BenchResult> {
  const s = await fanoutSession();
  const rounds = s.rounds.filter((r) => r.acks);
  const time = median(rounds.map((r) => r.retraction.toAll));
  const worst = max(rounds.map((r) => r.retraction.toAll));
  return {
    name: 'retraction',
    title: `7. Retraction: a false alarm reaching everyone alerted in (1) (${s.subscribers.toLocaleString('en-US')} subscribers)`,
    rows: [
      {
        label: 'bare ws broadcast to the same number, time to reach all',
        value: ms(median(rounds.map((r) => r.bare.toAll))),
      },
      {
        label: 'false alarm sent → retraction received by all (median)',
        value: ms(time),
        target: '≤ 2000 ms',
        met: time <= 2_000,
      },
      { label: 'worst round', value: ms(worst), target: '≤ 2000 ms', met: worst <= 2_000 },
      {
        label: 'retraction / bare broadcast',
        value: ratio(median(rounds.map((r) => r.retraction.toAll / r.bare.toAll))),
      },
      {
        label: 'retraction reached exactly everyone alerted',
        value: rounds.every((r) => r.retraction.count === r.tocsin.count) ? 'yes' : 'NO',
        target: 'yes',
        met: rounds.every((r) => r.retraction.count === r.tocsin.count),
      },
    ],
    note: `Same session as benchmark 1 (${rounds.length} rounds with acks): the retraction's audience is read from the delivery log in PostgreSQL ("delivered"), not from where members are now.`,
  };
}
