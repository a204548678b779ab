import { z } from 'zod';
import { communityEvents } from './community';
import { membershipEvents } from './membership';
import { organizingEvents } from './organizing';
import { rapidResponseEvents } from './rapid-response';

/** Every domain event, by name: the only events the outbox takes and the bus carries. */
export const eventCatalog = {
  ...membershipEvents,
  ...rapidResponseEvents,
  ...organizingEvents,
  ...communityEvents,
} as const;

type Catalog = typeof eventCatalog;

/** The name of a catalog event, e.g. `alert.issued`. */
export type EventName = keyof Catalog;

/** The payload type of one event, inferred from its schema. */
export type EventPayload<N extends EventName> = z.output<Catalog[N]['payload']>;

/** The version producers of an event write now. */
export type EventVersion<N extends EventName> = Catalog[N]['version'];

/** A domain event as it travels; the id is unique and is the dedupe key everywhere. */
export interface EventEnvelope<N extends EventName> {
  id: string;
  name: N;
  version: EventVersion<N>;
  occurredAt: string;
  payload: EventPayload<N>;
}

/** An envelope of any of the named events; switching on `name` narrows the payload. */
export type DomainEvent<N extends EventName = EventName> = {
  [K in N]: EventEnvelope<K>;
}[N];

/** An event to write: its payload must be the one its name says. */
export type NewDomainEvent<N extends EventName = EventName> = {
  [K in N]: { id?: string; name: K; payload: EventPayload<K> };
}[N];

/** Why an event was refused; never the payload itself, which can hold a location. */
export type EventRefusal = 'malformed' | 'unknown_name' | 'unknown_version' | 'invalid_payload';

export type EventCheck<T> =
  { ok: true; event: T } | { ok: false; name: string; reason: EventRefusal };

/** Whether a name is in the catalog. */
export function isEventName(name: string): name is EventName {
  return Object.hasOwn(eventCatalog, name);
}

/** Checks an event about to be written against its schema. */
export function checkNewEvent(event: {
  id?: string;
  name: string;
  payload: unknown;
}): EventCheck<NewDomainEvent> {
  if (!isEventName(event.name)) return { ok: false, name: event.name, reason: 'unknown_name' };
  const parsed = eventCatalog[event.name].payload.safeParse(event.payload);
  if (!parsed.success) return { ok: false, name: event.name, reason: 'invalid_payload' };
  // The schema of this very name accepted the payload.
  return { ok: true, event: { ...event, payload: parsed.data } as NewDomainEvent };
}

const envelopeSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  version: z.number().int(),
  occurredAt: z.string(),
  payload: z.unknown(),
});

/** Checks an event that arrived (from the outbox or the bus): its envelope, name, version, payload. */
export function checkEvent(raw: unknown): EventCheck<DomainEvent> {
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success) {
    const name = (raw as { name?: unknown } | null)?.name;
    return { ok: false, name: typeof name === 'string' ? name : '?', reason: 'malformed' };
  }
  const { name, version } = envelope.data;
  if (!isEventName(name)) return { ok: false, name, reason: 'unknown_name' };
  if (eventCatalog[name].version !== version) return { ok: false, name, reason: 'unknown_version' };
  const payload = eventCatalog[name].payload.safeParse(envelope.data.payload);
  if (!payload.success) return { ok: false, name, reason: 'invalid_payload' };
  // Name, version and payload were each checked against the catalog entry of that name.
  return { ok: true, event: { ...envelope.data, payload: payload.data } as DomainEvent };
}
