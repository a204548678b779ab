// How long a test suite waits for its database: a fresh PGlite (initdb + migrations) against one
// loaded from a dumped, already-migrated data dir. Run: npm run bench -- pglite-startup
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../packages/server/src/platform/db/database';
import { migrateToLatest } from '../packages/server/src/platform/db/migrate';
import type { BenchResult } from './report';

const ROUNDS = 5;

async function fresh(): Promise<number> {
  const start = performance.now();
  const db = await openDatabase({ kind: 'pglite', dataDir: null });
  await migrateToLatest(db.db);
  const elapsed = performance.now() - start;
  await db.close();
  return elapsed;
}

async function fromSnapshot(snapshot: Blob): Promise<number> {
  const start = performance.now();
  const db = await openDatabase({ kind: 'pglite', dataDir: null }, { pgliteSnapshot: snapshot });
  await migrateToLatest(db.db);
  const elapsed = performance.now() - start;
  await db.close();
  return elapsed;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

export async function run(): Promise<BenchResult> {
  const template = await openDatabase({ kind: 'pglite', dataDir: null });
  await migrateToLatest(template.db);
  const snapshot = await template.dumpPglite!();
  await template.close();

  const freshTimes: number[] = [];
  const snapshotTimes: number[] = [];
  // Interleaved so that load on this shared machine hits both alike.
  for (let i = 0; i < ROUNDS; i++) {
    freshTimes.push(await fresh());
    snapshotTimes.push(await fromSnapshot(snapshot));
  }
  const baseline = median(freshTimes);
  const measured = median(snapshotTimes);
  return {
    name: 'pglite-startup',
    title: 'Test database start-up: PGlite from a dumped data dir vs initdb + migrations',
    rows: [
      { label: 'initdb + migrations (baseline)', value: `${baseline.toFixed(0)} ms` },
      { label: 'load dumped data dir + migrate check', value: `${measured.toFixed(0)} ms` },
      { label: 'ratio (lower is better)', value: (measured / baseline).toFixed(2) },
    ],
    note: `median of ${ROUNDS} interleaved rounds each`,
  };
}
