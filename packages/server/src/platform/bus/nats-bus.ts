import {
  AckPolicy,
  DeliverPolicy,
  JetStreamApiError,
  jetstream,
  jetstreamManager,
  RetentionPolicy,
  StorageType,
  type ConsumerMessages,
  type JetStreamClient,
  type JsMsg,
  type JetStreamManager,
} from '@nats-io/jetstream';
import { connect, nanos, type NatsConnection } from '@nats-io/transport-node';
import type { Logger } from '../logger';
import {
  inboundHandler,
  MAX_DELIVERIES,
  type Bus,
  type DomainEvent,
  type EventFilter,
  type SubscribeOptions,
  type Subscription,
} from './bus';

const MINUTE_MS = 60_000;
const CONSUMER_NOT_FOUND = 10014;
const STREAM_NOT_FOUND = 10059;

export interface NatsBusOptions {
  url: string;
  /** Stream name; events are published on `<stream>.<event name>`. */
  stream: string;
  logger: Logger;
}

/** The connection once made. */
interface Link {
  nc: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
}

/** A subscription asked for while NATS was away: made once the bus connects. */
interface Deferred {
  options: SubscribeOptions;
  live: Subscription | null;
  closed: boolean;
}

const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 15_000;

class BusUnavailableError extends Error {
  constructor() {
    super('the bus is not connected yet');
    this.name = 'BusUnavailableError';
  }
}

/**
 * The bus for several nodes: one JetStream stream, message id = event id so JetStream drops a
 * republished event inside the duplicate window, durable pull consumers with explicit acks.
 *
 * A node starts without NATS: `start` returns at once and connects in the background, retrying
 * with a growing delay. Until then publishing fails (the outbox relay keeps the events and
 * retries), subscriptions wait and are made on connecting, and `ping` fails (readiness says the
 * bus is down).
 */
export class NatsBus implements Bus {
  readonly kind = 'nats' as const;
  readonly #subscriptions = new Set<ConsumerMessages>();
  readonly #deferred = new Set<Deferred>();
  #link: Link | null = null;
  #closed = false;
  #wakeRetry: (() => void) | null = null;
  readonly #connected: Promise<void>;

  private constructor(
    private readonly options: NatsBusOptions,
    private readonly stream: string,
    private readonly logger: Logger,
  ) {
    this.#connected = this.#connectLoop();
  }

  /** Starts connecting in the background and returns at once. */
  static start(options: NatsBusOptions): NatsBus {
    return new NatsBus(options, options.stream, options.logger);
  }

  /** Connects and creates the stream when it is missing (waits until NATS answers). */
  static async connect(options: NatsBusOptions): Promise<NatsBus> {
    const bus = NatsBus.start(options);
    await bus.connected();
    return bus;
  }

  /** Resolves once connected (or closed before that). */
  connected(): Promise<void> {
    return this.#connected;
  }

  get #js(): JetStreamClient {
    if (!this.#link) throw new BusUnavailableError();
    return this.#link.js;
  }

  get jsm(): JetStreamManager {
    if (!this.#link) throw new BusUnavailableError();
    return this.#link.jsm;
  }

  /**
   * Connects, makes the stream and the subscriptions asked for meanwhile, and only then lets the
   * node publish. In the other order the outbox relay could publish its held events into the
   * fresh stream before a subscriber's consumer existed, and a consumer made then (delivering
   * new messages only) would never see them.
   */
  async #connectLoop(): Promise<void> {
    let delay = FIRST_RETRY_MS;
    let failures = 0;
    while (!this.#closed) {
      let nc: NatsConnection | null = null;
      /** The subscriptions this try made: they live and die with its connection. */
      const made: Subscription[] = [];
      try {
        nc = await connect({
          servers: this.options.url,
          name: 'tocsin',
          maxReconnectAttempts: -1,
          timeout: 5_000,
        });
        const link: Link = { nc, js: jetstream(nc), jsm: await jetstreamManager(nc) };
        await this.#ensureStream(link.jsm);
        // Subscriptions asked for during this loop join the set and are made here too.
        for (const deferred of this.#deferred) {
          if (this.#closed) break;
          if (deferred.closed) continue;
          const live = await this.#subscribeNow(link, deferred.options);
          made.push(live);
          // Its owner may have closed it while it was being made.
          if (deferred.closed) await live.close();
          else deferred.live = live;
        }
        if (!this.#closed) {
          this.#deferred.clear();
          this.#link = link;
          if (failures > 0) this.logger.info({ failures }, 'bus connected');
          return;
        }
      } catch (error) {
        failures += 1;
        // Said once, then quietly every tenth try: a node may wait a long time for NATS.
        if (failures === 1 || failures % 10 === 0) {
          this.logger.warn({ err: error, failures, retryInMs: delay }, 'bus unreachable; retrying');
        }
      }
      // This try failed, or the bus was closed during it: what it made goes with its connection
      // (the subscriptions first, so that none acknowledges on a closed connection), and the
      // next try makes it again.
      for (const subscription of made) await subscription.close().catch(() => undefined);
      for (const deferred of this.#deferred) deferred.live = null;
      if (nc && !nc.isClosed()) await nc.close().catch(() => undefined);
      if (this.#closed) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        this.#wakeRetry = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.#wakeRetry = null;
      delay = Math.min(delay * 2, MAX_RETRY_MS);
    }
  }

  async #ensureStream(jsm: JetStreamManager): Promise<void> {
    try {
      await jsm.streams.info(this.stream);
    } catch (error) {
      if (!(error instanceof JetStreamApiError) || error.code !== STREAM_NOT_FOUND) throw error;
      await jsm.streams.add({
        name: this.stream,
        subjects: [`${this.stream}.>`],
        retention: RetentionPolicy.Limits,
        storage: StorageType.File,
        // Events are for fan-out, not the record (PostgreSQL is): a day is plenty to catch up.
        max_age: nanos(24 * 60 * MINUTE_MS),
        duplicate_window: nanos(10 * MINUTE_MS),
      });
    }
  }

  async publish(event: DomainEvent): Promise<void> {
    await this.#js.publish(`${this.stream}.${event.name}`, JSON.stringify(event), {
      msgID: event.id,
    });
  }

  async subscribe<F extends EventFilter>(options: SubscribeOptions<F>): Promise<Subscription> {
    if (this.#link) return this.#subscribeNow(this.#link, options as unknown as SubscribeOptions);
    const deferred: Deferred = {
      options: options as unknown as SubscribeOptions,
      live: null,
      closed: false,
    };
    this.#deferred.add(deferred);
    return {
      close: async () => {
        deferred.closed = true;
        this.#deferred.delete(deferred);
        await deferred.live?.close();
      },
    };
  }

  async #subscribeNow(link: Link, options: SubscribeOptions): Promise<Subscription> {
    // One filter goes to the server; several need filter_subjects (NATS ≥ 2.10), so with
    // several we take everything and drop what does not match here, acknowledging it.
    const types = options.types ?? [];
    const serverFilter = types.length === 1 ? `${this.stream}.${types[0]}` : `${this.stream}.>`;
    if (!(await this.#consumerFilters(link.jsm, options.consumer, serverFilter))) {
      await link.jsm.consumers.add(this.stream, {
        durable_name: options.consumer,
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.New,
        filter_subject: serverFilter,
        max_deliver: MAX_DELIVERIES,
        ack_wait: nanos(30_000),
        // A node that is gone for good should not leave its consumer behind forever.
        inactive_threshold: nanos(24 * 60 * MINUTE_MS),
      });
    }
    const consumer = await link.js.consumers.get(this.stream, options.consumer);
    const messages = await consumer.consume({ max_messages: 256 });
    this.#subscriptions.add(messages);
    const handler = inboundHandler(options, this.logger);
    // An ack or nak on a connection that closed meanwhile throws; the event is then redelivered
    // to whoever consumes next, which is all either could have achieved.
    const settle = (what: 'ack' | 'nak', message: JsMsg, delayMs?: number) => {
      try {
        if (what === 'ack') message.ack();
        else message.nak(delayMs);
      } catch (error) {
        this.logger.warn({ err: error, seq: message.seq }, `event ${what} not sent`);
      }
    };
    const done = (async () => {
      for await (const message of messages) {
        let event: unknown;
        try {
          event = message.json<unknown>();
        } catch (error) {
          this.logger.error({ err: error, seq: message.seq }, 'unreadable event acknowledged');
          settle('ack', message);
          continue;
        }
        const retry = (error: unknown) => {
          const eventId = (event as { id?: unknown } | null)?.id;
          this.logger.warn({ err: error, eventId }, 'event handler failed; redelivering');
          settle('nak', message, Math.min(100 * 2 ** message.info.deliveryCount, 10_000));
        };
        try {
          const result = await handler(event);
          // Acknowledged only once settled; the next event does not wait for that. A write
          // that settles after the bus closed finds the connection gone: JetStream redelivers
          // what was never acknowledged.
          if (result) result.settled.then(() => settle('ack', message), retry);
          else settle('ack', message);
        } catch (error) {
          retry(error);
        }
      }
    })().catch((error: unknown) => this.logger.warn({ err: error }, 'subscription ended'));
    return {
      close: async () => {
        this.#subscriptions.delete(messages);
        await messages.close();
        await done;
      },
    };
  }

  /**
   * Whether the durable consumer exists with this filter. One that filters on other subjects is
   * deleted (it outlives deploys, and after an event is renamed it would never see the new name;
   * what it still holds are events this subscriber does not want).
   */
  async #consumerFilters(
    jsm: JetStreamManager,
    consumer: string,
    filter: string,
  ): Promise<boolean> {
    try {
      const info = await jsm.consumers.info(this.stream, consumer);
      if (info.config.filter_subject === filter) return true;
      await jsm.consumers.delete(this.stream, consumer);
      return false;
    } catch (error) {
      if (!(error instanceof JetStreamApiError) || error.code !== CONSUMER_NOT_FOUND) throw error;
      return false;
    }
  }

  async ping(): Promise<void> {
    if (!this.#link) throw new BusUnavailableError();
    await this.#link.nc.rtt();
    await this.jsm.streams.info(this.stream);
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#wakeRetry?.();
    this.#deferred.clear();
    await this.#connected;
    for (const messages of this.#subscriptions) await messages.close().catch(() => undefined);
    this.#subscriptions.clear();
    const link = this.#link;
    this.#link = null;
    if (link && !link.nc.isClosed()) await link.nc.drain();
  }
}
