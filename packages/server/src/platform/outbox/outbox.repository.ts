import { randomUUID } from 'node:crypto';
import {
  checkEvent,
  checkNewEvent,
  eventCatalog,
  type DomainEvent,
  type EventCheck,
  type NewDomainEvent,
} from '@tocsin/core';
import { sql } from 'kysely';
import type { Executor, OutboxRow, Tx } from '../db';
import type { Logger } from '../logger';

/** What writing events needs besides the transaction: where a refused event is reported. */
export interface OutboxWriter {
  logger: Logger;
}

/** A catalog event refused on the way into the outbox; the message names it, never its payload. */
export class RefusedEventError extends Error {
  constructor(
    readonly eventName: string,
    readonly reason: string,
  ) {
    super(`event ${eventName} refused: ${reason}`);
    this.name = 'RefusedEventError';
  }
}

/** Transactions that wrote events: only their commits need to wake the relay. */
const wroteEvents = new WeakSet<Tx>();

/** Whether this transaction put events in the outbox. */
export function hasEnqueued(tx: Tx): boolean {
  return wroteEvents.has(tx);
}

/**
 * Writes catalog events inside the caller's transaction, so they exist iff the change does. An
 * event that fails its schema is logged by name and thrown, which rolls the change back.
 */
export async function enqueueEvents(
  writer: OutboxWriter,
  tx: Tx,
  events: readonly NewDomainEvent[],
  now: Date,
): Promise<string[]> {
  if (events.length === 0) return [];
  const rows = events.map((event) => {
    const checked = checkNewEvent(event);
    if (!checked.ok) {
      writer.logger.error({ event: checked.name, reason: checked.reason }, 'event refused');
      throw new RefusedEventError(checked.name, checked.reason);
    }
    return {
      id: event.id ?? randomUUID(),
      type: checked.event.name,
      version: eventCatalog[checked.event.name].version,
      payload: JSON.stringify(checked.event.payload),
      occurred_at: now,
    };
  });
  wroteEvents.add(tx);
  await tx.insertInto('outbox').values(rows).execute();
  return rows.map((row) => row.id);
}

/**
 * Locks the oldest unpublished events for this relay; rows another node's relay holds are
 * skipped rather than waited for.
 */
export function claimUnpublished(tx: Tx, limit: number): Promise<OutboxRow[]> {
  return tx
    .selectFrom('outbox')
    .selectAll()
    .where('published_at', 'is', null)
    .orderBy('seq')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

export async function markPublished(tx: Tx, ids: string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await tx.updateTable('outbox').set({ published_at: now }).where('id', 'in', ids).execute();
}

export async function recordFailedAttempt(db: Executor, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('outbox')
    .set({ attempts: sql`attempts + 1` })
    .where('id', 'in', ids)
    .execute();
}

export async function countUnpublished(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('published_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Published rows are kept a while for diagnosis, then removed. */
export async function deletePublishedBefore(db: Executor, before: Date): Promise<number> {
  const result = await db
    .deleteFrom('outbox')
    .where('published_at', '<', before)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Reads a row back as the envelope the bus carries, checked against the catalog again. */
export function toDomainEvent(row: OutboxRow): EventCheck<DomainEvent> {
  return checkEvent({
    id: row.id,
    name: row.type,
    version: row.version,
    occurredAt: new Date(row.occurred_at).toISOString(),
    payload: row.payload,
  });
}
