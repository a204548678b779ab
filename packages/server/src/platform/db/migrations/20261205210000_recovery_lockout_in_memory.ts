import { sql, type Kysely } from 'kysely';

/**
 * Failed recoveries are no longer kept per account in the database: the lock-out is per client
 * address and account, in memory (membership/account/recovery-lockout.ts, ADR 0019). The table
 * that linked members to their failed attempts goes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('recovery_failures').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('recovery_failures')
    .addColumn('member_id', 'uuid', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .execute();
  await sql`create index recovery_failures_member on recovery_failures (member_id, at)`.execute(db);
}
