import type { Bus } from '../bus';
import type { Clock } from '../clock';
import { inTransaction, type Db } from '../db';
import type { Logger } from '../logger';
import {
  claimUnpublished,
  countUnpublished,
  deletePublishedBefore,
  markPublished,
  recordFailedAttempt,
  toDomainEvent,
} from './outbox.repository';

export interface RelayOptions {
  db: Db;
  bus: Bus;
  clock: Clock;
  logger: Logger;
  batchSize?: number;
  /** Safety net for events written by other nodes or before a crash; commits here wake it at once. */
  pollIntervalMs?: number;
  minBackoffMs?: number;
  maxBackoffMs?: number;
  /** How long published rows are kept before being deleted. */
  keepPublishedMs?: number;
  /**
   * A publish that neither succeeds nor fails within this time counts as failed: the relay holds
   * a transaction while publishing, and on PGlite that is the only connection.
   */
  publishTimeoutMs?: number;
}

const HOUR_MS = 3_600_000;

/**
 * Publishes committed outbox rows on the bus, oldest first, and marks them sent. It runs on start
 * (so a crash between commit and publish loses nothing), after every commit, and on a timer;
 * while the bus is down it retries with exponential backoff.
 */
export class OutboxRelay {
  readonly #db: Db;
  readonly #bus: Bus;
  readonly #clock: Clock;
  readonly #logger: Logger;
  readonly #batchSize: number;
  readonly #pollIntervalMs: number;
  readonly #minBackoffMs: number;
  readonly #maxBackoffMs: number;
  readonly #keepPublishedMs: number;
  readonly #publishTimeoutMs: number;
  #backoffMs = 0;
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<void> | null = null;
  #again = false;
  #started = false;
  #lastCleanup = 0;

  constructor(options: RelayOptions) {
    this.#db = options.db;
    this.#bus = options.bus;
    this.#clock = options.clock;
    this.#logger = options.logger;
    this.#batchSize = options.batchSize ?? 200;
    this.#pollIntervalMs = options.pollIntervalMs ?? 1_000;
    this.#minBackoffMs = options.minBackoffMs ?? 100;
    this.#maxBackoffMs = options.maxBackoffMs ?? 10_000;
    this.#keepPublishedMs = options.keepPublishedMs ?? 24 * HOUR_MS;
    this.#publishTimeoutMs = options.publishTimeoutMs ?? 5_000;
  }

  /** Starts relaying, beginning with whatever was left unpublished. */
  start(): void {
    if (this.#started) return;
    this.#started = true;
    this.wake();
  }

  /** Asks for a run now; called after every commit that wrote events. */
  wake(): void {
    if (!this.#started) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.#running = this.#loop().finally(() => {
      this.#running = null;
      this.#schedule();
    });
  }

  /** Publishes until nothing is left or the deadline passes; true when everything went out. */
  async flush(timeoutMs = 5_000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.#running) await this.#running;
      else await this.#publishAll().catch(() => undefined);
      if ((await countUnpublished(this.#db)) === 0) return true;
      if (Date.now() >= deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, Math.max(this.#backoffMs, 20)));
    }
  }

  /** Stops the timer and waits for the run in progress. */
  async stop(): Promise<void> {
    this.#started = false;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    if (this.#running) await this.#running;
  }

  #schedule(): void {
    if (!this.#started) return;
    if (this.#again) {
      this.#again = false;
      if (this.#backoffMs === 0) return this.wake();
    }
    const delay = this.#backoffMs > 0 ? this.#backoffMs : this.#pollIntervalMs;
    this.#timer = setTimeout(() => this.wake(), delay);
    this.#timer.unref();
  }

  async #loop(): Promise<void> {
    try {
      await this.#publishAll();
      this.#backoffMs = 0;
      await this.#cleanup();
    } catch (error) {
      this.#backoffMs = Math.min(
        this.#maxBackoffMs,
        Math.max(this.#minBackoffMs, this.#backoffMs * 2),
      );
      this.#logger.warn({ err: error, retryInMs: this.#backoffMs }, 'outbox publish failed');
    }
  }

  async #publishAll(): Promise<void> {
    for (;;) {
      const published = await this.#publishBatch();
      if (published < this.#batchSize) return;
    }
  }

  async #publishBatch(): Promise<number> {
    let claimed: string[] = [];
    try {
      return await inTransaction(this.#db, async (tx) => {
        const rows = await claimUnpublished(tx, this.#batchSize);
        claimed = rows.map((row) => row.id);
        // In order, one at a time: consumers see events in commit order.
        for (const row of rows) await this.#publish(row);
        await markPublished(tx, claimed, this.#clock.now());
        return rows.length;
      });
    } catch (error) {
      await recordFailedAttempt(this.#db, claimed).catch(() => undefined);
      throw error;
    }
  }

  async #publish(row: Parameters<typeof toDomainEvent>[0]): Promise<void> {
    const checked = toDomainEvent(row);
    if (!checked.ok) {
      // It can never pass; publishing it would only make every consumer refuse it in turn.
      this.#logger.error({ event: checked.name, reason: checked.reason }, 'event refused');
      return;
    }
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('bus publish timed out')), this.#publishTimeoutMs);
    });
    try {
      await Promise.race([this.#bus.publish(checked.event), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async #cleanup(): Promise<void> {
    const now = this.#clock.now().getTime();
    if (now - this.#lastCleanup < HOUR_MS) return;
    this.#lastCleanup = now;
    await deletePublishedBefore(this.#db, new Date(now - this.#keepPublishedMs));
  }
}
