import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Writable } from 'node:stream';
import pg from 'pg';
import { describe, inject } from 'vitest';
import type { Bus } from '../../src/platform/bus/bus';
import { ManualClock, type Clock } from '../../src/platform/clock';
import {
  envToConfig,
  PRODUCTION_PLATE_HASH,
  type DatabaseConfig,
  type PlateHashCost,
  type TocsinConfig,
} from '../../src/platform/config/config';
import type { TocsinEnv } from '../../src/platform/config/env';
import { createContext } from '../../src/context';
import { closeContext, type AppContext } from '../../src/platform/context';
import { createLogger } from '../../src/platform/logger';
import { generateVapidKeys } from '../../src/platform/push/vapid-keys';

export type DatabaseKind = 'pglite' | 'postgres';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;
export const TEST_NATS_URL = process.env.TEST_NATS_URL;

/**
 * Runs a suite once per database: always on PGlite, and on PostgreSQL when TEST_DATABASE_URL is
 * set. Without it the PostgreSQL copy is skipped under a title that says why.
 */
export function describeEachDatabase(title: string, body: (kind: DatabaseKind) => void): void {
  describe(`${title} [pglite]`, () => body('pglite'));
  if (TEST_DATABASE_URL) describe(`${title} [postgres]`, () => body('postgres'));
  else
    describe.skip(`${title} [postgres] (skipped: TEST_DATABASE_URL is not set)`, () =>
      body('postgres'));
}

/** Log lines a test context wrote, for tests that prove what never reaches a log. */
export class LogCapture {
  readonly lines: string[] = [];
  readonly stream = new Writable({
    write: (chunk: Buffer, _encoding, callback) => {
      this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      callback();
    },
  });
  get text(): string {
    return this.lines.join('\n');
  }
}

let snapshot: Blob | null = null;
async function pgliteSnapshot(): Promise<Blob> {
  snapshot ??= new Blob([await readFile(inject('pgliteSnapshot'))]);
  return snapshot;
}

/** A fresh PostgreSQL schema for one suite, so suites can run in parallel on one database. */
export async function createTestSchema(): Promise<{ schema: string; drop: () => Promise<void> }> {
  if (!TEST_DATABASE_URL) throw new Error('TEST_DATABASE_URL is not set');
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  await client.query(`create schema ${schema}`);
  await client.end();
  return {
    schema,
    drop: async () => {
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      await c.query(`drop schema if exists ${schema} cascade`);
      await c.end();
    },
  };
}

export interface TestContextOptions {
  kind?: DatabaseKind;
  env?: Partial<TocsinEnv>;
  clock?: Clock;
  bus?: Bus;
  /** Share one PostgreSQL schema between several contexts (several nodes). */
  postgresSchema?: string;
  /** Another PostgreSQL database than TEST_DATABASE_URL's (give postgresSchema with it). */
  postgresUrl?: string;
  /** PGlite on disk instead of in memory. */
  pgliteDataDir?: string;
  nats?: { url: string; stream: string };
  /** Several nodes of one deployment share the server key. */
  serverKey?: Buffer;
  /**
   * The plate hash's cost: 'test' (N = 2^10, about a millisecond) unless a suite measures or
   * depends on what deployments run ('production': PRODUCTION_PLATE_HASH, as envToConfig sets).
   */
  plateHash?: 'test' | 'production';
  /** The plate key (default: derived from the server key, as for any context built by hand). */
  plateKey?: Buffer;
}

/** The cheap plate hash of most suites; plate-hash.test.ts and the subpoena drill run production's. */
export const TEST_PLATE_HASH: PlateHashCost = { N: 2 ** 10, r: 8, p: 1 };

export interface TestContext {
  ctx: AppContext;
  logs: LogCapture;
  clock: Clock;
  close(): Promise<void>;
}

/** Builds an AppContext on the chosen database with captured logs and a manual clock. */
export async function createTestContext(options: TestContextOptions = {}): Promise<TestContext> {
  const kind = options.kind ?? 'pglite';
  const logs = new LogCapture();
  const clock = options.clock ?? new ManualClock();
  const base = envToConfig({
    TOCSIN_DATA_DIR: '/nonexistent-tocsin-test',
    // Each context is its own node: its own durable consumers on a shared bus.
    TOCSIN_NODE_ID: `test-${randomBytes(4).toString('hex')}`,
    ...options.env,
  });
  let ownSchema: { schema: string; drop: () => Promise<void> } | null = null;
  let database: DatabaseConfig;
  if (kind === 'postgres') {
    if (!options.postgresSchema) ownSchema = await createTestSchema();
    database = {
      kind: 'postgres',
      url: options.postgresUrl ?? TEST_DATABASE_URL ?? '',
      schema: options.postgresSchema ?? ownSchema?.schema ?? '',
    };
  } else {
    database = { kind: 'pglite', dataDir: options.pgliteDataDir ?? null };
  }
  const config: TocsinConfig = {
    ...base,
    database,
    nats: options.nats ?? null,
    plateHash: options.plateHash === 'production' ? PRODUCTION_PLATE_HASH : TEST_PLATE_HASH,
  };
  const ctx = await createContext({
    config,
    secrets: {
      serverKey: options.serverKey ?? randomBytes(32),
      ...(options.plateKey ? { plateKey: options.plateKey } : {}),
      vapid: generateVapidKeys(),
    },
    logger: createLogger('debug', logs.stream),
    clock,
    ...(options.bus ? { bus: options.bus } : {}),
    ...(kind === 'pglite' && !options.pgliteDataDir
      ? { pgliteSnapshot: await pgliteSnapshot() }
      : {}),
    relay: { pollIntervalMs: 50, minBackoffMs: 10, maxBackoffMs: 200, publishTimeoutMs: 500 },
  });
  return {
    ctx,
    logs,
    clock,
    close: async () => {
      await closeContext(ctx, 1_000);
      await ownSchema?.drop();
    },
  };
}

/** Polls until `check` passes or the time is up; for asynchronous delivery. */
export async function eventually(
  check: () => void | Promise<void>,
  timeoutMs = 5_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}
