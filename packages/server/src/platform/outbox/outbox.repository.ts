import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { DomainEvent } from '../bus';
import type { Executor, OutboxRow, Tx } from '../db';

export interface NewEvent<P = unknown> {
  id?: string;
  type: string;
  payload: P;
}

/** Writes domain events inside the caller's transaction, so they exist iff the change does. */
/** Transactions that wrote events: only their commits need to wake the relay. */
const wroteEvents = new WeakSet<Tx>();

/** Whether this transaction put events in the outbox. */
export function hasEnqueued(tx: Tx): boolean {
  return wroteEvents.has(tx);
}

export async function enqueueEvents(tx: Tx, events: NewEvent[], now: Date): Promise<string[]> {
  if (events.length === 0) return [];
  wroteEvents.add(tx);
  const rows = events.map((event) => ({
    id: event.id ?? randomUUID(),
    type: event.type,
    payload: JSON.stringify(event.payload),
    occurred_at: now,
  }));
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

export function toDomainEvent(row: OutboxRow): DomainEvent {
  return {
    id: row.id,
    type: row.type,
    occurredAt: new Date(row.occurred_at).toISOString(),
    payload: row.payload,
  };
}
