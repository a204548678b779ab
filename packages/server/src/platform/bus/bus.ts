import { checkEvent, type DomainEvent, type EventName } from '@tocsin/core';
import type { Logger } from '../logger';

export type { DomainEvent };

/** The first part of event names (`alert` in `alert.issued`), for prefix filters. */
type EventPrefix = EventName extends `${infer P}.${string}` ? P : never;

/** An event name, or a prefix filter: `a.*` one level under `a`, `a.>` any depth. */
export type EventFilter = EventName | `${EventPrefix}.*` | `${EventPrefix}.>`;

/** The event names a filter lets through. */
export type FilteredName<F extends EventFilter> = F extends `${infer P}.*` | `${infer P}.>`
  ? Extract<EventName, `${P}.${string}`>
  : Extract<F, EventName>;

/**
 * What a handler hands back when it has done the part that must happen in event order but still
 * finishes work of its own (a fan-out that has sent every message and is writing the delivery
 * log): the bus goes on to the next event at once, and acknowledges this one only when `settled`
 * resolves; a rejection asks for redelivery, as a throw does.
 */
export interface Settling {
  readonly settled: Promise<void>;
}

/**
 * Resolving acknowledges the event (or, with a `Settling`, lets the next one start and
 * acknowledges this one once it settles); throwing asks for redelivery later.
 */
export type EventHandler<N extends EventName = EventName> = (
  event: DomainEvent<N>,
) => Promise<void | Settling>;

export interface SubscribeOptions<F extends EventFilter = EventFilter> {
  /**
   * Durable consumer name. Subscribers sharing a name share the work (each event goes to one of
   * them); subscribers with different names each get every event. A durable consumer that exists
   * already resumes where it stopped; a new one starts with events published after it is created.
   */
  consumer: string;
  /** Events to receive, by name or prefix; the handler's event type follows. Default: all. */
  types?: readonly F[];
  handler: EventHandler<FilteredName<F>>;
}

export interface Subscription {
  close(): Promise<void>;
}

/** The event bus: in-memory for one node, NATS JetStream for several. */
export interface Bus {
  readonly kind: 'memory' | 'nats';
  publish(event: DomainEvent): Promise<void>;
  subscribe<F extends EventFilter = EventFilter>(
    options: SubscribeOptions<F>,
  ): Promise<Subscription>;
  /** Throws when the bus cannot take messages; for readiness. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** How many times an event is offered to a failing handler before it is dropped and logged. */
export const MAX_DELIVERIES = 10;

/** Whether an event type matches a subscription filter (`a.b`, `a.*`, `a.>`). */
export function typeMatches(type: string, filters: readonly string[] | undefined): boolean {
  if (!filters || filters.length === 0) return true;
  return filters.some((filter) => {
    if (filter.endsWith('.>')) return type.startsWith(filter.slice(0, -1));
    if (filter.endsWith('.*')) {
      const prefix = filter.slice(0, -1);
      return type.startsWith(prefix) && !type.slice(prefix.length).includes('.');
    }
    return type === filter;
  });
}

/**
 * Wraps a handler so an event id it has already handled is acknowledged without running again:
 * the relay and JetStream deliver at least once, consumers must act at most once.
 */
export function dedupeHandler<E extends { id: string }>(
  handler: (event: E) => Promise<void | Settling>,
  windowSize = 10_000,
): (event: E) => Promise<void | Settling> {
  const seen = new Set<string>();
  /** Events handled whose settling is still in flight: a redelivery meanwhile waits for it. */
  const settling = new Map<string, Promise<void>>();
  const remember = (id: string) => {
    seen.add(id);
    if (seen.size > windowSize) {
      const oldest = seen.values().next().value;
      if (oldest !== undefined) seen.delete(oldest);
    }
  };
  return async (event) => {
    if (seen.has(event.id)) return;
    // JetStream redelivers what is not acknowledged in time: this copy is acknowledged when the
    // first settles, not before (nor is the handler run twice).
    const inFlight = settling.get(event.id);
    if (inFlight) return { settled: inFlight };
    const result = await handler(event);
    if (!result) {
      remember(event.id);
      return;
    }
    const settled = result.settled.then(
      () => {
        settling.delete(event.id);
        remember(event.id);
      },
      (error: unknown) => {
        // Not remembered: the redelivery runs the handler again.
        settling.delete(event.id);
        throw error;
      },
    );
    settling.set(event.id, settled);
    return { settled };
  };
}

/**
 * What a bus runs for each event it takes off the wire: events its filter does not take are
 * skipped; events not in the catalog, or failing their schema, are acknowledged and logged by
 * name only (payloads can hold locations); the rest reach the handler once.
 */
export function inboundHandler<F extends EventFilter>(
  options: SubscribeOptions<F>,
  logger: Logger,
): (raw: unknown) => Promise<void | Settling> {
  // The filter let the event through, so its name is one the handler was typed for.
  const handler = dedupeHandler(options.handler as EventHandler);
  return async (raw) => {
    const name = (raw as { name?: unknown } | null)?.name;
    if (typeof name === 'string' && !typeMatches(name, options.types)) return;
    const checked = checkEvent(raw);
    if (!checked.ok) {
      logger.error(
        { event: checked.name, reason: checked.reason, consumer: options.consumer },
        'event refused',
      );
      return;
    }
    if (!typeMatches(checked.event.name, options.types)) return;
    return handler(checked.event);
  };
}
