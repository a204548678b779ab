// Counting: 100,000 ballots, 20 candidates, 5 seats, by Scottish STV (tocsin count's core), from
// the BLT text to the result. With DROOP=/path/to/Droop.py (droop, Jonathan Lundell's Python STV
// counter, run by python3; not part of Tocsin) it also counts the same file with droop's Scottish
// rule, checks both elect the same candidates in the same stages, and gives the ratio.
// Run: npm run bench -- stv        or: DROOP=/tmp/droop/Droop.py npm run bench -- stv
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { countScottishStv, parseBlt, writeBlt, type BltElection } from '@tocsin/core';
import type { BenchResult } from './report';
import { median } from './lib/stats';

const BALLOTS = 100_000;
const CANDIDATES = 20;
const SEATS = 5;
const ROUNDS = 5;
const TARGET_MS = 2_000;
const DROOP_ROUNDS = 3;

/** A fixed pseudo-random sequence (mulberry32), so every run counts the same ballots. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Ballots as a ward's look: candidates of uneven support, each voter ranking from 1 to 20 of them
 * (short rankings commoner), drawn in proportion to support without repeats.
 */
function election(): BltElection {
  const next = random(2007);
  const support = Array.from({ length: CANDIDATES }, (_, c) => 1 / (c + 1) ** 0.7);
  const ballots: BltElection['ballots'] = [];
  for (let b = 0; b < BALLOTS; b++) {
    const length = 1 + Math.floor(next() ** 2 * CANDIDATES);
    const left = support.map((s, c) => ({ c, s }));
    const ranking: number[] = [];
    while (ranking.length < length) {
      let pick = next() * left.reduce((sum, x) => sum + x.s, 0);
      let i = 0;
      while (i < left.length - 1 && pick >= left[i]!.s) pick -= left[i++]!.s;
      ranking.push(left[i]!.c);
      left.splice(i, 1);
    }
    ballots.push({ weight: 1, ranking });
  }
  return {
    title: 'Benchmark ward',
    seats: SEATS,
    candidates: Array.from({ length: CANDIDATES }, (_, c) => `Candidate ${c + 1}`),
    withdrawn: [],
    ballots,
  };
}

interface DroopRun {
  ms: number;
  elected: string[];
  /** Each stage (first preferences, then each transfer): every hopeful or elected total, and nt_votes. */
  stages: string[];
}

/** Counts the file with droop's Scottish rule; its elected candidates from the JSON log. */
async function droop(script: string, file: string): Promise<DroopRun> {
  const start = performance.now();
  const { stdout } = await promisify(execFile)('python3', [script, 'scotland', file, 'json'], {
    maxBuffer: 1 << 30,
    timeout: 20 * 60_000,
  });
  const ms = performance.now() - start;
  const log = JSON.parse(stdout.slice(stdout.indexOf('{'))) as {
    cdict: Record<string, { name: string }>;
    actions: {
      tag: string;
      msg: string;
      nt_votes?: string;
      cstate?: Record<string, { state: string; vote: string }>;
    }[];
  };
  const elected = log.actions
    .filter((a) => a.tag === 'elect')
    .map((a) => a.msg.slice(a.msg.indexOf(': ') + 2));
  const stages = log.actions
    .filter((a) => a.tag === 'begin' || (a.tag === 'transfer' && !a.msg.endsWith('(0.00000)')))
    .map((a) =>
      Object.entries(a.cstate!)
        .filter(([, c]) => c.state === 'hopeful' || c.state === 'elected')
        .map(([cid, c]) => `${log.cdict[cid]!.name}=${c.vote}`)
        .concat(`exhausted=${a.nt_votes}`)
        .sort()
        .join(' '),
    );
  return { ms, elected, stages };
}

export async function run(): Promise<BenchResult> {
  const text = writeBlt(election());
  const parseTimes: number[] = [];
  const totalTimes: number[] = [];
  let result = countScottishStv(parseBlt(text), { seed: 'bench' });
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    const parsed = parseBlt(text);
    const parsedAt = performance.now();
    result = countScottishStv(parsed, { seed: 'bench' });
    totalTimes.push(performance.now() - start);
    parseTimes.push(parsedAt - start);
  }
  const total = median(totalTimes);
  const rows: BenchResult['rows'] = [
    {
      label: 'BLT file',
      value: `${(text.length / 2 ** 20).toFixed(1)} MiB, ${BALLOTS} ballot lines`,
    },
    { label: 'parse the BLT text', value: `${median(parseTimes).toFixed(0)} ms` },
    {
      label: `parse + count, ${BALLOTS.toLocaleString('en')} ballots, ${CANDIDATES} candidates, ${SEATS} seats`,
      value: `${total.toFixed(0)} ms`,
      target: `< ${TARGET_MS} ms`,
      met: total < TARGET_MS,
    },
    { label: 'stages / lots drawn', value: `${result.stages.length} / ${result.lots.length}` },
  ];

  const script = process.env.DROOP;
  if (script) {
    const dir = await mkdtemp(path.join(tmpdir(), 'bench-stv-'));
    try {
      const file = path.join(dir, 'ward.blt');
      await writeFile(file, text);
      const droopRuns: DroopRun[] = [];
      for (let i = 0; i < DROOP_ROUNDS; i++) droopRuns.push(await droop(script, file));
      const theirs = { ...droopRuns[0]!, ms: median(droopRuns.map((r) => r.ms)) };
      const same = [...theirs.elected].sort().join('|') === [...result.elected].sort().join('|');
      const ours = result.stages.map((stage) =>
        Object.entries(stage.votes)
          .map(([name, votes]) => `${name}=${votes}`)
          .concat(`exhausted=${stage.exhausted}`)
          .sort()
          .join(' '),
      );
      const agree =
        ours.length === theirs.stages.length && ours.every((s, i) => s === theirs.stages[i]);
      rows.push(
        { label: 'droop (python3), same file', value: `${(theirs.ms / 1000).toFixed(1)} s` },
        { label: 'droop time ÷ tocsin time', value: (theirs.ms / total).toFixed(0) },
        {
          label: 'same candidates elected, every stage total the same as droop',
          value: `${same ? 'yes' : 'NO'}, ${agree ? 'yes' : 'NO'}`,
        },
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  return {
    name: 'stv',
    title: 'Counting: Scottish STV, 100,000 ballots, 20 candidates, 5 seats',
    rows,
    note:
      `Median of ${ROUNDS} runs in one process, from the BLT text (as \`tocsin count\` reads it) to the result. ` +
      (script
        ? `Run with DROOP set to a copy of droop (github.com/jklundell/droop, commit cf58293) outside the repository, e.g. \`DROOP=/tmp/droop/Droop.py npm run bench -- stv\`: droop counted the same file ${DROOP_ROUNDS} times (median shown) as \`python3 Droop.py scotland FILE json\`, its time including Python start-up and reading the file; its zero-surplus stages are left out of the stage comparison (see the reference test).`
        : 'droop was not run (set DROOP to its Droop.py to compare).'),
  };
}
