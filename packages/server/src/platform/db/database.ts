import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../config';
import { PGliteDialect } from './dialects/pglite';
import type { Database } from './schema';

export type { Database };
export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Repositories take either the database or an open transaction as their first argument. */
export type Executor = Db | Tx;

export interface DatabaseHandle {
  db: Db;
  kind: DatabaseConfig['kind'];
  /** `select 1` — for readiness. */
  ping(): Promise<void>;
  close(): Promise<void>;
  /** PGlite only: the whole data dir as a tarball, to start other databases from. */
  dumpPglite?: () => Promise<Blob>;
}

export interface OpenOptions {
  /** A dumped PGlite data dir (tarball) to start from instead of running initdb; tests use it. */
  pgliteSnapshot?: Blob;
  /**
   * Told when PostgreSQL drops a pooled connection that was idle (a restart, a failover, an
   * administrator's command). The pool forgets that connection and opens a new one on demand.
   */
  onIdleError?: (error: Error) => void;
}

const CONNECT_TIMEOUT_MS = 5_000;
/**
 * How long a pooled connection may sit idle before it is closed. pg's default is 10 s, which
 * a raid's lulls outlast: the next burst then waited for new connections, each a fresh server
 * process whose first statements load its catalog caches (docs/BENCHMARKS.md, the surge).
 */
const IDLE_TIMEOUT_MS = 10 * 60_000;

/** Opens the configured database: embedded PGlite (file or memory) or a PostgreSQL server. */
export async function openDatabase(
  config: DatabaseConfig,
  options: OpenOptions = {},
): Promise<DatabaseHandle> {
  let db: Db;
  let dumpPglite: (() => Promise<Blob>) | undefined;
  if (config.kind === 'pglite') {
    if (config.dataDir) await mkdir(config.dataDir, { recursive: true, mode: 0o700 });
    const pglite = await PGlite.create({
      ...(config.dataDir ? { dataDir: config.dataDir } : {}),
      ...(options.pgliteSnapshot ? { loadDataDir: options.pgliteSnapshot } : {}),
    });
    db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
    dumpPglite = () => pglite.dumpDataDir('none');
  } else {
    const pool = new pg.Pool({
      connectionString: config.url,
      max: 10,
      ...(config.schema ? { options: `-c search_path=${config.schema}` } : {}),
      // A new connection that cannot be made (a server gone in a failover), or a free one not
      // had, within 5 s fails the request as a 503 rather than holding it for minutes. This also
      // bounds the wait for a pooled connection under load (10 per node).
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      idleTimeoutMillis: IDLE_TIMEOUT_MS,
      // A pooled connection whose server vanished without a word is found by TCP keepalive
      // (probes after 10 s idle) instead of hanging its next query until the kernel gives up.
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
    // An error event without a listener ends the process, and a database restart must cost a
    // node its connections, not its sockets. Idle connections report to the pool (logged);
    // one lent out reports to its own listener too, which has nothing to add: the query on it
    // fails and its caller answers for it (503), and the pool drops it when it comes back.
    pool.on('error', (error) => options.onIdleError?.(error));
    pool.on('connect', (client) => client.on('error', () => undefined));
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  return {
    db,
    kind: config.kind,
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    close: () => db.destroy(),
    ...(dumpPglite ? { dumpPglite } : {}),
  };
}

/** Runs `fn` in one transaction: all of it commits, or none of it does. */
export function inTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute(fn);
}
