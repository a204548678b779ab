import type { ColumnType, Generated, Selectable } from 'kysely';

/** Domain events written in the same transaction as the change that caused them. */
export interface OutboxTable {
  /** The event id, also the bus message id, so JetStream and consumers dedupe by it. */
  id: string;
  /** Insertion order; the relay publishes in this order. */
  seq: ColumnType<string, never, never>;
  /** The event's name in the catalog (`alert.issued`). */
  type: string;
  /** The catalog version of the payload as written. */
  version: ColumnType<number, number | undefined, never>;
  payload: ColumnType<unknown, string, string>;
  occurred_at: ColumnType<Date, Date | string, Date | string>;
  published_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  attempts: Generated<number>;
}

export type OutboxRow = Selectable<OutboxTable>;
