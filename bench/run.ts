// `npm run bench` runs every benchmark; `npm run bench -- NAME` runs one or some. Each prints a
// table and rewrites its own section of docs/BENCHMARKS.md; a summary of targets ends the run.
// Every benchmark is bounded: its child processes stop with it, and the run stops by itself.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { render, writeSection, type BenchResult } from './report';

const benches: Record<string, () => Promise<{ run: () => Promise<BenchResult> }>> = {
  baseline: () => import('./baseline'),
  fanout: () => import('./fanout'),
  geo: () => import('./geo'),
  nodes: () => import('./nodes'),
  e2e: () => import('./e2e'),
  ingest: () => import('./ingest'),
  memory: () => import('./memory'),
  retraction: () => import('./retraction'),
  surge: () => import('./surge'),
  'pglite-startup': () => import('./pglite-startup'),
  meeting: () => import('./meeting'),
  'web-interactive': () => import('./web-interactive'),
  stv: () => import('./stv'),
  pledges: () => import('./pledges'),
  storm: () => import('./storm'),
};

/** No run of the whole suite may take longer than this; it exits, and its children with it. */
const RUN_LIMIT_MS = 40 * 60_000;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in benches));
if (unknown.length > 0) {
  process.stderr.write(
    `unknown benchmark(s): ${unknown.join(', ')}; known: ${Object.keys(benches).join(', ')}\n`,
  );
  process.exitCode = 2;
} else {
  setTimeout(() => {
    process.stderr.write(`benchmarks still running after ${RUN_LIMIT_MS / 60_000} min: stopping\n`);
    process.exit(1);
  }, RUN_LIMIT_MS).unref();
  const summary: string[] = [];
  for (const name of wanted.length > 0 ? wanted : Object.keys(benches)) {
    const started = Date.now();
    try {
      const bench = await benches[name]!();
      const result = await bench.run();
      const command = `npm run bench -- ${name}`;
      process.stdout.write(`${render(result, command)}\n\n`);
      await writeSection(path.join(root, 'docs/BENCHMARKS.md'), result, command);
      for (const row of result.rows.filter((r) => r.met !== undefined))
        summary.push(
          `${name.padEnd(15)} ${row.met ? 'met   ' : 'MISSED'} ${row.label}: ${row.value} (target ${row.target})`,
        );
    } catch (error) {
      process.exitCode = 1;
      summary.push(
        `${name.padEnd(15)} FAILED ${error instanceof Error ? error.message : String(error)}`,
      );
      process.stderr.write(
        `${name} failed: ${error instanceof Error ? error.stack : String(error)}\n`,
      );
    }
    summary.push(`${name.padEnd(15)} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }
  process.stdout.write(`Targets\n${summary.join('\n')}\n`);
}
