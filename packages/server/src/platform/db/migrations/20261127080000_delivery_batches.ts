import { sql, type Kysely } from 'kysely';

/**
 * The delivery log and acknowledgements in batches: one row per alert per write, holding every
 * member it was sent to (or who acked it), in place of one row per member.
 *
 * A fan-out to 10,000 members wrote 10,000 rows, each a new entry in three B-tree indexes and a
 * foreign-key check: about 150–250 ms of PostgreSQL CPU on this project's 2-core machine, spent
 * while the same cores were delivering the alert, and as much again to mark them acked. One row
 * with a 10,000-element array costs about 12–30 ms (see docs/BENCHMARKS.md and ADR 0005). The
 * questions the log answers stay cheap: "who was told about this incident" reads the incident's
 * few rows; "what was this member told" (a reconnect's replay) looks only at the alerts after the
 * member's last seq, by the seq index. Rows go with their incident at retention, as before.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table alert_delivery_batches (
    id bigint generated always as identity primary key,
    alert_id uuid not null,
    incident_id uuid not null,
    kind text not null,
    seq bigint not null,
    delivered_at timestamptz not null,
    member_ids uuid[] not null
  )`.execute(db);
  await sql`insert into alert_delivery_batches
      (alert_id, incident_id, kind, seq, delivered_at, member_ids)
    select alert_id, incident_id, kind, seq, delivered_at, array_agg(member_id)
    from alert_deliveries group by alert_id, incident_id, kind, seq, delivered_at`.execute(db);

  await db.schema
    .createTable('alert_acks')
    .addColumn('alert_id', 'uuid', (c) => c.notNull().references('alerts.id').onDelete('cascade'))
    .addColumn('acked_at', 'timestamptz', (c) => c.notNull())
    .addColumn('member_ids', sql`uuid[]`, (c) => c.notNull())
    .execute();
  await sql`insert into alert_acks (alert_id, acked_at, member_ids)
    select alert_id, acked_at, array_agg(member_id)
    from alert_deliveries where acked_at is not null group by alert_id, acked_at`.execute(db);
  await db.schema.createIndex('alert_acks_alert').on('alert_acks').column('alert_id').execute();

  await db.schema.dropTable('alert_deliveries').execute();
  await sql`alter table alert_delivery_batches rename to alert_deliveries`.execute(db);
  await db.schema
    .createIndex('alert_deliveries_incident')
    .on('alert_deliveries')
    .column('incident_id')
    .execute();
  await db.schema
    .createIndex('alert_deliveries_alert')
    .on('alert_deliveries')
    .column('alert_id')
    .execute();
  await db.schema
    .createIndex('alert_deliveries_seq')
    .on('alert_deliveries')
    .column('seq')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`create table alert_deliveries_rows (
    alert_id uuid not null references alerts (id) on delete cascade,
    member_id uuid not null references members (id) on delete cascade,
    incident_id uuid not null,
    kind text not null,
    seq bigint not null,
    delivered_at timestamptz not null,
    acked_at timestamptz,
    constraint alert_deliveries_pk primary key (alert_id, member_id)
  )`.execute(db);
  await sql`insert into alert_deliveries_rows
      (alert_id, member_id, incident_id, kind, seq, delivered_at, acked_at)
    select distinct on (d.alert_id, m.member_id) d.alert_id, m.member_id, d.incident_id, d.kind,
      d.seq, d.delivered_at,
      (select min(a.acked_at) from alert_acks a
        where a.alert_id = d.alert_id and m.member_id = any (a.member_ids))
    from alert_deliveries d, unnest(d.member_ids) as m(member_id)
    order by d.alert_id, m.member_id, d.delivered_at`.execute(db);
  await db.schema.dropTable('alert_acks').execute();
  await db.schema.dropTable('alert_deliveries').execute();
  await sql`alter table alert_deliveries_rows rename to alert_deliveries`.execute(db);
  await db.schema
    .createIndex('alert_deliveries_incident')
    .on('alert_deliveries')
    .columns(['incident_id', 'member_id'])
    .execute();
  await db.schema
    .createIndex('alert_deliveries_member_seq')
    .on('alert_deliveries')
    .columns(['member_id', 'seq'])
    .execute();
}
