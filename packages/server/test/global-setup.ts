import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/platform/db/database';
import { migrateToLatest } from '../src/platform/db/migrate';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteSnapshot: string;
  }
}

const requireHere = createRequire(import.meta.url);

const migrationsDir = path.resolve(
  fileURLToPath(import.meta.url),
  '../../src/platform/db/migrations',
);

/** Initdb + migrations take seconds on PGlite; do them once and let every suite load the dump. */
export default async function setup(project: TestProject): Promise<void> {
  const hash = createHash('sha256');
  // A dump is a Postgres data dir: a PGlite on another Postgres major version cannot load it.
  const pglite = path.dirname(requireHere.resolve('@electric-sql/pglite'));
  hash.update(readFileSync(path.join(pglite, '..', 'package.json')));
  for (const file of readdirSync(migrationsDir).sort()) {
    hash.update(file).update(readFileSync(path.join(migrationsDir, file)));
  }
  const dir = path.join(tmpdir(), 'tocsin-test');
  const snapshot = path.join(dir, `pglite-${hash.digest('hex').slice(0, 16)}.tar`);
  if (!existsSync(snapshot)) {
    await mkdir(dir, { recursive: true });
    const database = await openDatabase({ kind: 'pglite', dataDir: null });
    await migrateToLatest(database.db);
    const raw = await database.dumpPglite?.();
    await database.close();
    if (!raw) throw new Error('could not dump the PGlite test template');
    const partial = `${snapshot}.${process.pid}`;
    await writeFile(partial, Buffer.from(await raw.arrayBuffer()));
    await rename(partial, snapshot);
  }
  project.provide('pgliteSnapshot', snapshot);
}
