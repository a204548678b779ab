import { MemoryBus, NatsBus, type Bus } from './bus';
import { systemClock, type Clock } from './clock';
import type { TocsinConfig, TocsinSecrets } from './config';
import {
  inTransaction,
  migrateToLatest,
  openDatabase,
  type DatabaseHandle,
  type Db,
  type Tx,
} from './db';
import type { Logger } from './logger';
import type { PushTransport } from './push';
import { OutboxRelay, hasEnqueued } from './outbox';

/** What the platform builds: configuration, database, bus, outbox relay, clock and logger. */
export interface PlatformContext {
  config: TocsinConfig;
  secrets: TocsinSecrets;
  database: DatabaseHandle;
  db: Db;
  bus: Bus;
  relay: OutboxRelay;
  clock: Clock;
  logger: Logger;
  /** Where web pushes may go and how; unset: the browsers' push services (tests set a local one). */
  pushTransport?: PushTransport;
}

/**
 * Everything a request, a job or a CLI command needs, built once and passed explicitly: the
 * platform's part plus what the module groups attach. A group adds its members by declaration
 * merging (membership adds `areas`), so this file names no group and depends only on the platform.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the groups' augmentations
export interface AppContext extends PlatformContext {}

/** What the groups add to the platform's context, built once the platform is up. */
export type ContextAttachments = Omit<AppContext, keyof PlatformContext>;

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

/**
 * Opens the database (migrating it), connects the bus, builds the outbox relay, then lets the
 * composition root attach the groups' parts; the database is closed again if any step fails.
 */
export async function createContext(
  options: ContextOptions,
  attach: (platform: PlatformContext) => Promise<ContextAttachments>,
): Promise<AppContext> {
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
    const bus: Bus =
      options.bus ??
      (config.nats
        ? await startNats(config.nats, logger)
        : new MemoryBus(logger.child({ sub: 'bus' })));
    const relay = new OutboxRelay({
      db: database.db,
      bus,
      clock,
      logger: logger.child({ sub: 'relay' }),
      ...options.relay,
    });
    const platform: PlatformContext = {
      config,
      secrets: options.secrets,
      database,
      db: database.db,
      bus,
      relay,
      clock,
      logger,
    };
    return { ...platform, ...(await attach(platform)) };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** Runs a service's unit of work in one transaction, then wakes the relay for its events. */
export async function transact<T>(ctx: PlatformContext, fn: (tx: Tx) => Promise<T>): Promise<T> {
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
export async function closeContext(ctx: PlatformContext, flushTimeoutMs = 5_000): Promise<void> {
  const flushed = await ctx.relay.flush(flushTimeoutMs).catch(() => false);
  if (!flushed) ctx.logger.warn('outbox not empty at shutdown; the next start will send the rest');
  await ctx.relay.stop();
  try {
    await ctx.bus.close();
  } finally {
    // Pooled connections are kept long while idle (ADR 0040): a process that ends on its own
    // would wait for them.
    await ctx.database.close();
  }
}

/** How long a start waits for NATS before going on without it (the outbox holds events). */
const NATS_START_WAIT_MS = 3_000;

/**
 * Starts the NATS bus. A reachable NATS is connected before the node goes on, so its durable
 * consumers exist before any event of this start is published (a consumer made later starts at
 * new messages). An unreachable one does not stop the start: after a short wait the node goes on
 * and the bus connects in the background with backoff.
 */
async function startNats(nats: { url: string; stream: string }, logger: Logger): Promise<NatsBus> {
  const bus = NatsBus.start({
    url: nats.url,
    stream: nats.stream,
    logger: logger.child({ sub: 'bus' }),
  });
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    bus.connected(),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, NATS_START_WAIT_MS);
      timer.unref();
    }),
  ]);
  clearTimeout(timer);
  return bus;
}
