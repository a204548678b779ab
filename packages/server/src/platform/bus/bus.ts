/** A domain event as it travels: the id is unique and is the dedupe key everywhere. */
export interface DomainEvent<P = unknown> {
  id: string;
  /** Dotted, e.g. `incident.corroborated`; subscribers filter on it. */
  type: string;
  occurredAt: string;
  payload: P;
}

/** Resolving acknowledges the event; throwing asks for redelivery later. */
export type EventHandler = (event: DomainEvent) => Promise<void>;

export interface SubscribeOptions {
  /**
   * Durable consumer name. Subscribers sharing a name share the work (each event goes to one of
   * them); subscribers with different names each get every event. A durable consumer that exists
   * already resumes where it stopped; a new one starts with events published after it is created.
   */
  consumer: string;
  /** Event types to receive; a trailing `.*`/`.>` matches a prefix. Default: all. */
  types?: string[];
  handler: EventHandler;
}

export interface Subscription {
  close(): Promise<void>;
}

/** The event bus: in-memory for one node, NATS JetStream for several. */
export interface Bus {
  readonly kind: 'memory' | 'nats';
  publish(event: DomainEvent): Promise<void>;
  subscribe(options: SubscribeOptions): Promise<Subscription>;
  /** Throws when the bus cannot take messages; for readiness. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** How many times an event is offered to a failing handler before it is dropped and logged. */
export const MAX_DELIVERIES = 10;

/** Whether an event type matches a subscription filter (`a.b`, `a.*`, `a.>`). */
export function typeMatches(type: string, filters: string[] | undefined): boolean {
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
export function dedupeHandler(handler: EventHandler, windowSize = 10_000): EventHandler {
  const seen = new Set<string>();
  return async (event) => {
    if (seen.has(event.id)) return;
    await handler(event);
    seen.add(event.id);
    if (seen.size > windowSize) {
      const oldest = seen.values().next().value;
      if (oldest !== undefined) seen.delete(oldest);
    }
  };
}
