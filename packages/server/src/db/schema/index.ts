import type { OutboxTable } from './outbox';

/** Every table Tocsin has; each lives in its own file under schema/. */
export interface Database {
  outbox: OutboxTable;
}
