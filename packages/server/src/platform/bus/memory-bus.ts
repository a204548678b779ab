import type { Logger } from '../logger';
import {
  inboundHandler,
  MAX_DELIVERIES,
  typeMatches,
  type Bus,
  type DomainEvent,
  type EventFilter,
  type Settling,
  type SubscribeOptions,
  type Subscription,
} from './bus';

type Inbound = (event: DomainEvent) => Promise<void | Settling>;

interface Group {
  types: readonly string[] | undefined;
  queue: DomainEvent[];
  handlers: Inbound[];
  next: number;
  running: boolean;
}

/** Same window JetStream is given, so both buses drop a republished event the same way. */
const DUPLICATE_WINDOW = 10_000;

/**
 * The single-node bus. Durable consumers are groups that keep queuing while no subscriber is
 * attached; each group delivers in publish order, one event at a time, retrying a failing handler.
 */
export class MemoryBus implements Bus {
  readonly kind = 'memory' as const;
  readonly #groups = new Map<string, Group>();
  readonly #recentIds = new Set<string>();
  #closed = false;

  constructor(
    private readonly logger: Logger,
    private readonly retryDelayMs = 100,
  ) {}

  publish(event: DomainEvent): Promise<void> {
    if (this.#closed) return Promise.reject(new Error('bus is closed'));
    if (this.#recentIds.has(event.id)) return Promise.resolve();
    this.#recentIds.add(event.id);
    if (this.#recentIds.size > DUPLICATE_WINDOW) {
      const oldest = this.#recentIds.values().next().value;
      if (oldest !== undefined) this.#recentIds.delete(oldest);
    }
    for (const group of this.#groups.values()) {
      if (!typeMatches(event.name, group.types)) continue;
      group.queue.push(structuredClone(event));
      this.#drain(group);
    }
    return Promise.resolve();
  }

  subscribe<F extends EventFilter>(options: SubscribeOptions<F>): Promise<Subscription> {
    let group = this.#groups.get(options.consumer);
    if (!group) {
      group = { types: options.types, queue: [], handlers: [], next: 0, running: false };
      this.#groups.set(options.consumer, group);
    }
    // As on NATS, the latest subscriber's filter is the consumer's from now on.
    group.types = options.types;
    // Each subscriber checks what it takes, as it does off NATS: a bad publish is refused here.
    const handler: Inbound = inboundHandler(options, this.logger);
    group.handlers.push(handler);
    const attached = group;
    this.#drain(attached);
    return Promise.resolve({
      close: () => {
        attached.handlers = attached.handlers.filter((h) => h !== handler);
        return Promise.resolve();
      },
    });
  }

  ping(): Promise<void> {
    return this.#closed ? Promise.reject(new Error('bus is closed')) : Promise.resolve();
  }

  close(): Promise<void> {
    this.#closed = true;
    for (const group of this.#groups.values()) group.handlers = [];
    return Promise.resolve();
  }

  #drain(group: Group): void {
    if (group.running) return;
    group.running = true;
    void this.#run(group).finally(() => {
      group.running = false;
      // An event published between the run's last look at the queue and now found it running.
      if (group.queue.length > 0 && group.handlers.length > 0 && !this.#closed) this.#drain(group);
    });
  }

  async #run(group: Group): Promise<void> {
    let attempts = 0;
    while (group.queue.length > 0 && group.handlers.length > 0 && !this.#closed) {
      const event = group.queue[0] as DomainEvent;
      const handler = group.handlers[group.next++ % group.handlers.length] as Inbound;
      try {
        const result = await handler(event);
        group.queue.shift();
        attempts = 0;
        // Nothing here outlives the process to redeliver from, so a late failure is logged.
        result?.settled.catch((error: unknown) =>
          this.logger.error({ err: error, eventId: event.id, event: event.name }, 'event dropped'),
        );
      } catch (error) {
        attempts += 1;
        if (attempts >= MAX_DELIVERIES) {
          this.logger.error({ err: error, eventId: event.id, event: event.name }, 'event dropped');
          group.queue.shift();
          attempts = 0;
        } else {
          await new Promise((resolve) => setTimeout(resolve, this.retryDelayMs * attempts));
        }
      }
    }
  }
}
