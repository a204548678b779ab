import { sql, type Kysely } from 'kysely';

/**
 * Canvassing and mutual aid. Turfs are sets of H3 cells at block resolution (res 10, cell ids
 * starting 8a); a door is a count in (turf, cell, outcome) and nothing more: no table here has a
 * column that could hold a resident's name, address, house number or a point finer than a cell
 * (every text column is a checked cell id, an enum, or a length-capped note). Notes carry no
 * author and are deleted after the city pack's noteDays. Door receipts make a door retried by an
 * offline phone count once; they keep no cell and no outcome.
 *
 * Mutual aid keeps the requester as a member id only (the member, or whoever asked on behalf of
 * someone without an account: nothing of that person is stored). After closing + closedKeepDays
 * the description, the thread, the takers and the requester and volunteer ids are deleted; the
 * category, area, urgency and outcome remain for the group's counts.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const cellCheck = (column: string) => sql.raw(`${column} ~ '^8a[0-9a-f]{13}$'`);
  const outcomes = sql.raw(
    "('not_home','talked','wants_to_join','wants_rr_training','needs_aid','refused','do_not_return')",
  );
  // The database refuses what core's residentDataIn refuses (an address, a unit or house number,
  // a phone number, an email address) in the only free-text columns: a turf's name and a note.
  const noResidentData = (column: string) =>
    sql.raw(
      [
        `${column} !~* '[0-9]+[a-z]?\\s+([^\\s]+\\s+){0,3}(st|street|ave|avenue|av|rd|road|blvd|boulevard|ln|lane|dr|drive|ct|court|way|pl|place|pkwy|parkway|ter|terrace|cir|circle|calle|avenida)\\M'`,
        `${column} !~* '\\m(apt|apartment|unit|suite|ste|depto|departamento)\\M\\.?\\s*#?\\s*[0-9a-z]'`,
        `${column} !~ '#\\s*[0-9]'`,
        `${column} !~* '\\m(house|home|door|casa|numero|número|no\\.)\\s*#?\\s*[0-9]'`,
        `${column} !~ '([0-9][^0-9a-zA-Z]{0,2}){7,}'`,
        `${column} !~ '[^[:space:]@]+@[^[:space:]@]+\\.[A-Za-z]{2,}'`,
      ].join(' and '),
    );
  const categories = sql.raw(
    "('groceries','rides','childcare','legal_support','bail_rent_fund','housing','other')",
  );

  await db.schema
    .createTable('turfs')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('area_id', 'uuid', (c) => c.notNull().references('areas.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) =>
      c.notNull().check(sql`char_length(name) between 1 and 80 and ${noResidentData('name')}`),
    )
    .addColumn('day', 'date', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.references('members.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('turfs_area').on('turfs').columns(['area_id', 'day']).execute();

  await db.schema
    .createTable('turf_cells')
    .addColumn('turf_id', 'uuid', (c) => c.notNull().references('turfs.id').onDelete('cascade'))
    .addColumn('cell', 'text', (c) => c.notNull().check(cellCheck('cell')))
    .addPrimaryKeyConstraint('turf_cells_pk', ['turf_id', 'cell'])
    .execute();

  await db.schema
    .createTable('turf_assignees')
    .addColumn('turf_id', 'uuid', (c) => c.notNull().references('turfs.id').onDelete('cascade'))
    .addColumn('member_id', 'uuid', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('turf_assignees_pk', ['turf_id', 'member_id'])
    .execute();
  await db.schema
    .createIndex('turf_assignees_member')
    .on('turf_assignees')
    .column('member_id')
    .execute();

  // Doors: counts per (turf, cell, outcome), the only thing kept about them.
  await db.schema
    .createTable('canvass_counts')
    .addColumn('turf_id', 'uuid', (c) => c.notNull())
    .addColumn('cell', 'text', (c) => c.notNull().check(cellCheck('cell')))
    .addColumn('outcome', 'text', (c) => c.notNull().check(sql`outcome in ${outcomes}`))
    .addColumn('doors', 'integer', (c) => c.notNull().check(sql`doors >= 0`))
    .addPrimaryKeyConstraint('canvass_counts_pk', ['turf_id', 'cell', 'outcome'])
    .addForeignKeyConstraint(
      'canvass_counts_cell',
      ['turf_id', 'cell'],
      'turf_cells',
      ['turf_id', 'cell'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();

  // Notes: no author, no outcome, at most 280 characters, deleted after noteDays.
  await db.schema
    .createTable('canvass_notes')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('turf_id', 'uuid', (c) => c.notNull())
    .addColumn('cell', 'text', (c) => c.notNull().check(cellCheck('cell')))
    .addColumn('note', 'text', (c) =>
      c.notNull().check(sql`char_length(note) between 1 and 280 and ${noResidentData('note')}`),
    )
    .addColumn('written_on', 'date', (c) => c.notNull())
    .addForeignKeyConstraint(
      'canvass_notes_cell',
      ['turf_id', 'cell'],
      'turf_cells',
      ['turf_id', 'cell'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('canvass_notes_day')
    .on('canvass_notes')
    .column('written_on')
    .execute();

  // Door receipts: a door id seen, so a retry counts once; the invite code of a wants_to_join
  // door (to show it again on a retry) and the aid request of a needs_aid door are cleared after
  // a day, the receipt itself after noteDays.
  await db.schema
    .createTable('canvass_receipts')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('turf_id', 'uuid', (c) => c.notNull().references('turfs.id').onDelete('cascade'))
    .addColumn('member_id', 'uuid', (c) => c.references('members.id').onDelete('cascade'))
    .addColumn('invite_code', 'text', (c) => c.check(sql`invite_code ~ '^[A-Za-z0-9_-]{10,64}$'`))
    .addColumn('invite_url', 'text', (c) => c.check(sql`char_length(invite_url) <= 512`))
    .addColumn('invite_expires_at', 'timestamptz')
    .addColumn('aid_request_id', 'uuid')
    .addColumn('received_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('canvass_receipts_received')
    .on('canvass_receipts')
    .column('received_at')
    .execute();

  await db.schema
    .createTable('aid_requests')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('area_id', 'uuid', (c) => c.notNull().references('areas.id').onDelete('cascade'))
    .addColumn('category', 'text', (c) => c.notNull().check(sql`category in ${categories}`))
    .addColumn('urgency', 'text', (c) =>
      c.notNull().check(sql`urgency in ('today','this_week','when_possible')`),
    )
    .addColumn('description', 'text', (c) => c.check(sql`char_length(description) <= 500`))
    .addColumn('auto_match', 'boolean', (c) => c.notNull())
    .addColumn('on_behalf', 'boolean', (c) => c.notNull())
    .addColumn('requester_id', 'uuid', (c) => c.references('members.id').onDelete('set null'))
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('open','matched','closed')`))
    .addColumn('outcome', 'text', (c) =>
      c.check(sql`outcome in ('fulfilled','withdrawn','expired')`),
    )
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('closed_at', 'timestamptz')
    .addColumn('purged_at', 'timestamptz')
    .addCheckConstraint(
      'aid_requests_closed',
      sql`(state = 'closed') = (outcome is not null and closed_at is not null)`,
    )
    .execute();
  await db.schema
    .createIndex('aid_requests_board')
    .on('aid_requests')
    .columns(['area_id', 'state'])
    .execute();
  await db.schema
    .createIndex('aid_requests_requester')
    .on('aid_requests')
    .column('requester_id')
    .execute();

  await db.schema
    .createTable('aid_offers')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('member_id', 'uuid', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('area_id', 'uuid', (c) => c.notNull().references('areas.id').onDelete('cascade'))
    .addColumn('category', 'text', (c) => c.notNull().check(sql`category in ${categories}`))
    .addColumn('availability', 'text', (c) =>
      c.notNull().check(sql`char_length(availability) between 1 and 140`),
    )
    .addColumn('until', 'date')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('withdrawn_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('aid_offers_member').on('aid_offers').column('member_id').execute();

  await db.schema
    .createTable('aid_takes')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('request_id', 'uuid', (c) =>
      c.notNull().references('aid_requests.id').onDelete('cascade'),
    )
    .addColumn('volunteer_id', 'uuid', (c) =>
      c.notNull().references('members.id').onDelete('cascade'),
    )
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('aid_takes_once', ['request_id', 'volunteer_id'])
    .execute();

  await db.schema
    .createTable('aid_matches')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('request_id', 'uuid', (c) =>
      c.notNull().unique().references('aid_requests.id').onDelete('cascade'),
    )
    .addColumn('volunteer_id', 'uuid', (c) => c.references('members.id').onDelete('set null'))
    .addColumn('automatic', 'boolean', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('aid_matches_volunteer')
    .on('aid_matches')
    .column('volunteer_id')
    .execute();

  await db.schema
    .createTable('aid_messages')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('seq', 'bigserial', (c) => c.notNull())
    .addColumn('match_id', 'uuid', (c) =>
      c.notNull().references('aid_matches.id').onDelete('cascade'),
    )
    .addColumn('author_id', 'uuid', (c) => c.references('members.id').onDelete('set null'))
    .addColumn('body', 'text', (c) => c.notNull().check(sql`char_length(body) between 1 and 500`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('aid_messages_match')
    .on('aid_messages')
    .columns(['match_id', 'created_at'])
    .execute();

  // Request ids of mutual-aid writes: a repeat gets the first answer. Kept one day.
  await db.schema
    .createTable('aid_receipts')
    .addColumn('request_id', 'uuid', (c) => c.primaryKey())
    .addColumn('member_id', 'uuid', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('operation', 'text', (c) => c.notNull())
    .addColumn('status', 'integer')
    .addColumn('response', 'jsonb')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'aid_receipts',
    'aid_messages',
    'aid_matches',
    'aid_takes',
    'aid_offers',
    'aid_requests',
    'canvass_receipts',
    'canvass_notes',
    'canvass_counts',
    'turf_assignees',
    'turf_cells',
    'turfs',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
