import { MemoryBus } from './bus/memory-bus';
import { NatsBus } from './bus/nats-bus';
import type { Bus } from './bus/bus';
import { systemClock, type Clock } from './clock';
import type { TocsinConfig } from './config/config';
import type { TocsinSecrets } from './config/secrets';
import { inTransaction, openDatabase, type Db, type DatabaseHandle, type Tx } from './db/database';
import { migrateToLatest } from './db/migrate';
import type { Logger } from './logger';
import { AreaDirectory } from '../membership/areas/area-directory';
import type { PushTransport } from './push/push.transport';
import { hasEnqueued } from './outbox/outbox.repository';
import { OutboxRelay } from './outbox/outbox.relay';

/** Everything a request, a job or a CLI command needs, built once and passed explicitly. */
export interface AppContext {
  config: TocsinConfig;
  secrets: TocsinSecrets;
  database: DatabaseHandle;
  db: Db;
  bus: Bus;
  relay: OutboxRelay;
  /** The city's areas, cached per node and dropped on `areas.changed`. */
  areas: AreaDirectory;
  clock: Clock;
  logger: Logger;
  /** Where web pushes may go and how; unset: the browsers' push services (tests set a local one). */
  pushTransport?: PushTransport;
}

export interface ContextOptions {
  config: TocsinConfig;
  secrets: TocsinSecrets;
  logger: Logger;
  clock?: Clock;
  /** Preloaded PGlite data dir (tests). */
  pgliteSnapshot?: Blob;
  /** Give an already-open bus (tests that share one in-memory bus between two app instances). */
  bus?: Bus;
  relay?: {
    pollIntervalMs?: number;
    minBackoffMs?: number;
    maxBackoffMs?: number;
    publishTimeoutMs?: number;
  };
}

/** Opens the database (migrating it), connects the bus and builds the outbox relay. */
export async function createContext(options: ContextOptions): Promise<AppContext> {
  const { config, logger } = options;
  const clock = options.clock ?? systemClock;
  const database = await openDatabase(config.database, {
    ...(options.pgliteSnapshot ? { pgliteSnapshot: options.pgliteSnapshot } : {}),
    onIdleError: (error) =>
      logger.warn({ err: error }, 'database connection lost while idle; the pool opens another'),
  });
  try {
    const applied = await migrateToLatest(database.db);
    if (applied.length > 0) logger.info({ applied }, 'migrations applied');
    const bus =
      options.bus ??
      (config.nats
        ? await NatsBus.connect({
            url: config.nats.url,
            stream: config.nats.stream,
            logger: logger.child({ sub: 'bus' }),
          })
        : new MemoryBus(logger.child({ sub: 'bus' })));
    const relay = new OutboxRelay({
      db: database.db,
      bus,
      clock,
      logger: logger.child({ sub: 'relay' }),
      ...options.relay,
    });
    const areas = new AreaDirectory(database.db);
    // Every node drops its cached areas when any node changes them.
    await bus.subscribe({
      consumer: `areas-${config.nodeId}`,
      types: ['areas.changed'],
      handler: async () => areas.invalidate(),
    });
    return {
      config,
      secrets: options.secrets,
      database,
      db: database.db,
      bus,
      relay,
      areas,
      clock,
      logger,
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** Runs a service's unit of work in one transaction, then wakes the relay for its events. */
export async function transact<T>(ctx: AppContext, fn: (tx: Tx) => Promise<T>): Promise<T> {
  let wrote = false;
  const result = await inTransaction(ctx.db, async (tx) => {
    const value = await fn(tx);
    wrote = hasEnqueued(tx);
    return value;
  });
  // A commit without events has nothing for the relay (its timer still sweeps up stragglers).
  if (wrote) ctx.relay.wake();
  return result;
}

/** Flushes the outbox and closes the bus and the database, in that order. */
export async function closeContext(ctx: AppContext, flushTimeoutMs = 5_000): Promise<void> {
  const flushed = await ctx.relay.flush(flushTimeoutMs).catch(() => false);
  if (!flushed) ctx.logger.warn('outbox not empty at shutdown; the next start will send the rest');
  await ctx.relay.stop();
  await ctx.bus.close();
  await ctx.database.close();
}
