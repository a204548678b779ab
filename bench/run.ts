// `npm run bench` runs every benchmark; `npm run bench -- NAME` runs one. Each prints a table and
// rewrites its own section of docs/BENCHMARKS.md.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { render, writeSection, type BenchResult } from './report';

const benches: Record<string, () => Promise<{ run: () => Promise<BenchResult> }>> = {
  'pglite-startup': () => import('./pglite-startup'),
  'web-interactive': () => import('./web-interactive'),
};

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in benches));
if (unknown.length > 0) {
  process.stderr.write(
    `unknown benchmark(s): ${unknown.join(', ')}; known: ${Object.keys(benches).join(', ')}\n`,
  );
  process.exitCode = 2;
} else {
  for (const name of wanted.length > 0 ? wanted : Object.keys(benches)) {
    const bench = await benches[name]!();
    const result = await bench.run();
    const command = `npm run bench -- ${name}`;
    process.stdout.write(`${render(result, command)}\n\n`);
    await writeSection(path.join(root, 'docs/BENCHMARKS.md'), result, command);
  }
}
