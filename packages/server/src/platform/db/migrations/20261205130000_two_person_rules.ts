import { sql, type Kysely } from 'kysely';

/**
 * Two-person rules. `role_grants` holds a role change (a grant of verifier, dispatcher, organizer
 * or admin, or taking admin from someone) until a second organizer or admin countersigns it
 * within 72 hours, refuses it, or it lapses. `incident_confirmations` holds who confirmed an
 * incident, so that it is confirmed only by two people independent of each other and of the
 * reporters; the rows go with the raw reports at retention.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('role_grants')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('member_id', 'uuid', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('area_id', 'uuid', (c) => c.notNull().references('areas.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) =>
      c
        .notNull()
        .check(sql`role in ('member','responder','verifier','dispatcher','organizer','admin')`),
    )
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('grant','revoke')`))
    .addColumn('requested_by', 'uuid', (c) => c.references('members.id').onDelete('set null'))
    .addColumn('requested_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('pending','countersigned','refused','withdrawn')`),
    )
    .addColumn('decided_by', 'uuid', (c) => c.references('members.id').onDelete('set null'))
    .addColumn('decided_via', 'text', (c) => c.check(sql`decided_via in ('member','operator')`))
    .addColumn('decided_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('role_grants_pending')
    .on('role_grants')
    .columns(['status', 'area_id', 'expires_at'])
    .execute();
  await db.schema
    .createIndex('role_grants_member')
    .on('role_grants')
    .columns(['member_id', 'area_id'])
    .execute();

  await db.schema
    .createTable('incident_confirmations')
    .addColumn('incident_id', 'uuid', (c) =>
      c.notNull().references('incidents.id').onDelete('cascade'),
    )
    .addColumn('member_id', 'uuid', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('sponsor_id', 'uuid')
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('incident_confirmations_pk', ['incident_id', 'member_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('incident_confirmations').execute();
  await db.schema.dropTable('role_grants').execute();
}
