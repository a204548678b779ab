import { sql, type Kysely } from 'kysely';

/**
 * Trust and access (issue 14, findings 3, 7, 11):
 * - invites can be meeting invites: `max_uses` people (1 for the single-use invite), `use_count`
 *   so far, an organizer's `label`;
 * - a session remembers the credential (device key id or passkey id) it was opened with, so
 *   "log out everywhere" can keep the caller's own device and revoking a device ends its
 *   sessions;
 * - failed recovery attempts per member (a time each, kept at most 7 days) drive the growing
 *   lock-out;
 * - `auth_failure_counts`: per day and kind, a count and nothing else (no member, no address).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table invites add column max_uses integer not null default 1`.execute(db);
  await sql`alter table invites add column use_count integer not null default 0`.execute(db);
  await sql`alter table invites add column label text`.execute(db);
  await sql`update invites set use_count = 1 where used_at is not null`.execute(db);
  await sql`alter table sessions add column credential_id text`.execute(db);
  await db.schema
    .createTable('recovery_failures')
    .addColumn('member_id', 'uuid', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('recovery_failures_member')
    .on('recovery_failures')
    .columns(['member_id', 'at'])
    .execute();
  await db.schema
    .createTable('auth_failure_counts')
    .addColumn('day', 'date', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('auth_failure_counts_pk', ['day', 'kind'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('auth_failure_counts').execute();
  await db.schema.dropTable('recovery_failures').execute();
  await sql`alter table sessions drop column credential_id`.execute(db);
  await sql`alter table invites drop column label`.execute(db);
  await sql`alter table invites drop column use_count`.execute(db);
  await sql`alter table invites drop column max_uses`.execute(db);
}
