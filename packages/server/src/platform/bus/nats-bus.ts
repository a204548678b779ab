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

/**
 * The bus for several nodes: one JetStream stream, message id = event id so JetStream drops a
 * republished event inside the duplicate window, durable pull consumers with explicit acks.
 */
export class NatsBus implements Bus {
  readonly kind = 'nats' as const;
  readonly #subscriptions = new Set<ConsumerMessages>();

  private constructor(
    private readonly nc: NatsConnection,
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    private readonly stream: string,
    private readonly logger: Logger,
  ) {}

  /** Connects and creates the stream when it is missing. */
  static async connect(options: NatsBusOptions): Promise<NatsBus> {
    const nc = await connect({
      servers: options.url,
      name: 'tocsin',
      maxReconnectAttempts: -1,
    });
    const jsm = await jetstreamManager(nc);
    const bus = new NatsBus(nc, jetstream(nc), jsm, options.stream, options.logger);
    await bus.#ensureStream();
    return bus;
  }

  async #ensureStream(): Promise<void> {
    try {
      await this.jsm.streams.info(this.stream);
    } catch (error) {
      if (!(error instanceof JetStreamApiError) || error.code !== STREAM_NOT_FOUND) throw error;
      await this.jsm.streams.add({
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
    await this.js.publish(`${this.stream}.${event.name}`, JSON.stringify(event), {
      msgID: event.id,
    });
  }

  async subscribe<F extends EventFilter>(options: SubscribeOptions<F>): Promise<Subscription> {
    // One filter goes to the server; several need filter_subjects (NATS ≥ 2.10), so with
    // several we take everything and drop what does not match here, acknowledging it.
    const types = options.types ?? [];
    const serverFilter = types.length === 1 ? `${this.stream}.${types[0]}` : `${this.stream}.>`;
    if (!(await this.#consumerFilters(options.consumer, serverFilter))) {
      await this.jsm.consumers.add(this.stream, {
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
    const consumer = await this.js.consumers.get(this.stream, options.consumer);
    const messages = await consumer.consume({ max_messages: 256 });
    this.#subscriptions.add(messages);
    const handler = inboundHandler(options, this.logger);
    const done = (async () => {
      for await (const message of messages) {
        let event: unknown;
        try {
          event = message.json<unknown>();
        } catch (error) {
          this.logger.error({ err: error, seq: message.seq }, 'unreadable event acknowledged');
          message.ack();
          continue;
        }
        try {
          await handler(event);
          message.ack();
        } catch (error) {
          const eventId = (event as { id?: unknown } | null)?.id;
          this.logger.warn({ err: error, eventId }, 'event handler failed; redelivering');
          message.nak(Math.min(100 * 2 ** message.info.deliveryCount, 10_000));
        }
      }
    })();
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
  async #consumerFilters(consumer: string, filter: string): Promise<boolean> {
    try {
      const info = await this.jsm.consumers.info(this.stream, consumer);
      if (info.config.filter_subject === filter) return true;
      await this.jsm.consumers.delete(this.stream, consumer);
      return false;
    } catch (error) {
      if (!(error instanceof JetStreamApiError) || error.code !== CONSUMER_NOT_FOUND) throw error;
      return false;
    }
  }

  async ping(): Promise<void> {
    await this.nc.rtt();
    await this.jsm.streams.info(this.stream);
  }

  async close(): Promise<void> {
    for (const messages of this.#subscriptions) await messages.close();
    this.#subscriptions.clear();
    if (!this.nc.isClosed()) await this.nc.drain();
  }
}
