import { sql, type Kysely } from 'kysely';

/**
 * Web push: members' browser subscriptions, and which members were pushed for which alert (so a
 * retraction or all-clear reaches whoever was only told by push). The push log goes with its
 * alert when retention deletes the alert.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // The endpoint is the push service's (Google, Mozilla, Apple) URL for one browser: a capability
  // to wake it, which that service can tie to the device. Deleted on 404/410 and on unsubscribe.
  await db.schema
    .createTable('push_subscriptions')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('member_id', 'uuid', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('endpoint', 'text', (c) => c.notNull().unique())
    .addColumn('p256dh', 'text', (c) => c.notNull())
    .addColumn('auth', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_success_at', 'timestamptz')
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(sql`0`))
    .execute();
  await db.schema
    .createIndex('push_subscriptions_member')
    .on('push_subscriptions')
    .column('member_id')
    .execute();

  await db.schema
    .createTable('push_deliveries')
    .addColumn('alert_id', 'uuid', (c) => c.notNull().references('alerts.id').onDelete('cascade'))
    .addColumn('member_id', 'uuid', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('incident_id', 'uuid', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('pushed_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('push_deliveries_pk', ['alert_id', 'member_id'])
    .execute();
  await db.schema
    .createIndex('push_deliveries_incident')
    .on('push_deliveries')
    .columns(['incident_id', 'member_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('push_deliveries').execute();
  await db.schema.dropTable('push_subscriptions').execute();
}
