import { sql, type Kysely } from 'kysely';

/**
 * Acknowledgements in batches: one row per alert per flush with the members who acked it, in
 * place of `alert_deliveries.acked_at`. Marking 10,000 delivery rows acked cost about twice as
 * much as inserting them (a new row version in three indexes each, and as many dead rows), on
 * the same database that is recording the next fan-out. Acks go with their alert at retention.
 *
 * The delivery log loses its foreign key to `alerts`: it checked, row by row, the one alert a
 * whole fan-out records (a third of the cost of writing 10,000 deliveries), and its cascade never
 * fires — a gateway records only alerts it received from the committed outbox, and retention
 * deletes an incident's deliveries with its alerts in one transaction. The key to `members`
 * stays.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('alert_acks')
    .addColumn('alert_id', 'uuid', (c) => c.notNull().references('alerts.id').onDelete('cascade'))
    .addColumn('acked_at', 'timestamptz', (c) => c.notNull())
    .addColumn('member_ids', sql`uuid[]`, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('alert_acks_alert').on('alert_acks').column('alert_id').execute();
  await db.schema.alterTable('alert_deliveries').dropColumn('acked_at').execute();
  await sql`alter table alert_deliveries drop constraint if exists alert_deliveries_alert_id_fkey`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table alert_deliveries add constraint alert_deliveries_alert_id_fkey
    foreign key (alert_id) references alerts (id) on delete cascade`.execute(db);
  await db.schema.alterTable('alert_deliveries').addColumn('acked_at', 'timestamptz').execute();
  await db.schema.dropTable('alert_acks').execute();
}
