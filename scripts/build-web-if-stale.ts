// `npm start` builds the web app only when its build is missing or older than a source it is
// built from: an unchanged checkout starts in the server's own time (see BENCHMARKS.md, cold
// start), and a changed one is never served stale.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = path.join(root, 'packages/web/dist/index.html');
const sources = [
  'packages/web/src',
  'packages/web/public',
  'packages/web/index.html',
  'packages/web/vite.config.ts',
  'packages/web/package.json',
  'packages/core/src',
  'package-lock.json',
];

/** The latest modification time of a file or of any file under a folder (0 when absent). */
function newest(entry: string): number {
  let stat;
  try {
    stat = statSync(entry);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const name of readdirSync(entry)) latest = Math.max(latest, newest(path.join(entry, name)));
  return latest;
}

const builtAt = newest(built);
const changedAt = Math.max(...sources.map((source) => newest(path.join(root, source))));
if (builtAt === 0 || changedAt > builtAt) {
  const result = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
