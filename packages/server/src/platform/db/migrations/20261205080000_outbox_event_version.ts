import { sql, type Kysely } from 'kysely';

/**
 * Outbox rows say which catalog version of their event they hold, so the relay publishes the
 * envelope as it was written. Rows written before are version 1, the first of every event.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table outbox add column version integer not null default 1`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table outbox drop column version`.execute(db);
}
