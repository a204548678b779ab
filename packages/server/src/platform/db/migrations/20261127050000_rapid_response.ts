import { sql, type Kysely } from 'kysely';

/**
 * Reports, incidents and their timeline, alerts with a city-wide sequence and the delivery log,
 * alert preferences, responder shifts and dispatches, plates, photos. Locations are stored as H3
 * cells and their centers only; report text, salute fields, cells and photos are purged after the
 * retention period, leaving the incident's area, coarse cell, day, state, counts and durations.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('incidents')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('state', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`state in ('reported','corroborated','confirmed','false_alarm','ended','merged')`,
        ),
    )
    .addColumn('area_id', 'uuid', (c) => c.references('areas.id'))
    // Bounded precision: the center of the first report's area-resolution cell.
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('lng', 'double precision', (c) => c.notNull())
    .addColumn('coarse_cell', 'text', (c) => c.notNull())
    .addColumn('activity', 'text')
    .addColumn('day', 'date', (c) => c.notNull())
    .addColumn('first_report_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_report_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_activity_at', 'timestamptz', (c) => c.notNull())
    .addColumn('corroborated_at', 'timestamptz')
    .addColumn('confirmed_at', 'timestamptz')
    .addColumn('closed_at', 'timestamptz')
    .addColumn('merged_into', 'uuid', (c) => c.references('incidents.id'))
    .addColumn('trusted_report', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('reporter_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('independent_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('not_seen_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('alerts_delivered', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('purged_at', 'timestamptz')
    .execute();
  await sql`create index incidents_open_cell on incidents (coarse_cell) where state in ('reported','corroborated','confirmed')`.execute(
    db,
  );
  await db.schema
    .createIndex('incidents_area_day')
    .on('incidents')
    .columns(['area_id', 'day'])
    .execute();
  await sql`create index incidents_closed on incidents (closed_at) where purged_at is null`.execute(
    db,
  );

  // Who reported an incident, for independence; deleted with the raw reports at retention.
  await db.schema
    .createTable('incident_reporters')
    .addColumn('incident_id', 'uuid', (c) =>
      c.notNull().references('incidents.id').onDelete('cascade'),
    )
    .addColumn('member_id', 'uuid', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('sponsor_id', 'uuid')
    .addColumn('first_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('incident_reporters_pk', ['incident_id', 'member_id'])
    .execute();

  await db.schema
    .createTable('reports')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('member_id', 'uuid', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('incident_id', 'uuid', (c) => c.notNull().references('incidents.id'))
    .addColumn('received_at', 'timestamptz', (c) => c.notNull())
    .addColumn('observed_at', 'timestamptz')
    .addColumn('area_id', 'uuid', (c) => c.references('areas.id'))
    .addColumn('salute', 'jsonb')
    .addColumn('text', 'text')
    .addColumn('cell', 'text')
    .addColumn('lat', 'double precision')
    .addColumn('lng', 'double precision')
    .addColumn('plates', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('purged_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('reports_incident').on('reports').column('incident_id').execute();
  await db.schema
    .createIndex('reports_member_time')
    .on('reports')
    .columns(['member_id', 'received_at'])
    .execute();

  await db.schema
    .createTable('incident_timeline')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('incident_id', 'uuid', (c) =>
      c.notNull().references('incidents.id').onDelete('cascade'),
    )
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('actor_role', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();
  await db.schema
    .createIndex('incident_timeline_incident')
    .on('incident_timeline')
    .columns(['incident_id', 'id'])
    .execute();

  await db.schema
    .createTable('alerts')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('seq', 'bigserial', (c) => c.notNull().unique())
    .addColumn('incident_id', 'uuid', (c) =>
      c.notNull().references('incidents.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('body', 'jsonb', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('alerts_incident').on('alerts').column('incident_id').execute();

  // The delivery log: who was sent which alert. Retractions and all-clears go to everyone here.
  await db.schema
    .createTable('alert_deliveries')
    .addColumn('alert_id', 'uuid', (c) => c.notNull().references('alerts.id').onDelete('cascade'))
    .addColumn('member_id', 'uuid', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('incident_id', 'uuid', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('delivered_at', 'timestamptz', (c) => c.notNull())
    .addColumn('acked_at', 'timestamptz')
    .addPrimaryKeyConstraint('alert_deliveries_pk', ['alert_id', 'member_id'])
    .execute();
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

  await db.schema
    .createTable('alert_preferences')
    .addColumn('member_id', 'uuid', (c) =>
      c.primaryKey().references('members.id').onDelete('cascade'),
    )
    .addColumn('area_ids', 'jsonb', (c) => c.notNull())
    // Places only as coarse cells, never coordinates.
    .addColumn('place_cells', 'jsonb', (c) => c.notNull())
    .addColumn('radius_meters', 'integer', (c) => c.notNull())
    .addColumn('min_level', 'text', (c) =>
      c.notNull().check(sql`min_level in ('unconfirmed','confirmed')`),
    )
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('responder_shifts')
    .addColumn('member_id', 'uuid', (c) =>
      c.primaryKey().references('members.id').onDelete('cascade'),
    )
    .addColumn('on_shift', 'boolean', (c) => c.notNull())
    .addColumn('coarse_cell', 'text')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('dispatches')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('incident_id', 'uuid', (c) =>
      c.notNull().references('incidents.id').onDelete('cascade'),
    )
    .addColumn('member_id', 'uuid', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('state', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`state in ('offered','accepted','declined','on_scene','clear','stood_down','expired')`,
        ),
    )
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('offered_at', 'timestamptz', (c) => c.notNull())
    .addColumn('responded_at', 'timestamptz')
    .addUniqueConstraint('dispatches_incident_member', ['incident_id', 'member_id'])
    .execute();
  await sql`create index dispatches_open on dispatches (offered_at) where state = 'offered'`.execute(
    db,
  );

  await db.schema
    .createTable('plates')
    .addColumn('plate_key', 'text', (c) => c.primaryKey())
    .addColumn('listed_at', 'timestamptz')
    .addColumn('last_seen_day', 'date', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('plate_incidents')
    .addColumn('plate_key', 'text', (c) =>
      c.notNull().references('plates.plate_key').onDelete('cascade'),
    )
    .addColumn('incident_id', 'uuid', (c) =>
      c.notNull().references('incidents.id').onDelete('cascade'),
    )
    .addColumn('seen_day', 'date', (c) => c.notNull())
    .addPrimaryKeyConstraint('plate_incidents_pk', ['plate_key', 'incident_id'])
    .execute();
  await db.schema
    .createTable('plate_approvals')
    .addColumn('plate_key', 'text', (c) =>
      c.notNull().references('plates.plate_key').onDelete('cascade'),
    )
    .addColumn('verifier_id', 'uuid', (c) =>
      c.notNull().references('members.id').onDelete('cascade'),
    )
    .addColumn('approved_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('plate_approvals_pk', ['plate_key', 'verifier_id'])
    .execute();
  // Lookups are audited by a keyed hash of the plate, never the plate.
  await db.schema
    .createTable('plate_lookups')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('plate_hash', 'text', (c) => c.notNull())
    .addColumn('member_id', 'uuid', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('listed', 'boolean', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('photos')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('report_id', 'uuid', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('member_id', 'uuid', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('bytes', 'bytea', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('photos_report').on('photos').column('report_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'photos',
    'plate_lookups',
    'plate_approvals',
    'plate_incidents',
    'plates',
    'dispatches',
    'responder_shifts',
    'alert_preferences',
    'alert_deliveries',
    'alerts',
    'incident_timeline',
    'reports',
    'incident_reporters',
    'incidents',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
