import { sql, type Kysely } from 'kysely';

/**
 * Workplaces (profile, departments and shifts, declared and confirmed members) and strike pledge
 * campaigns. A pledge is stored as a keyed tag of (campaign, member) under the server key, which
 * lives outside the database, with the workplace it counts for and nothing else: no member id, no
 * time. Counters are exact (the trigger needs them); what is shown is published in steps
 * (campaign_publications holds only published values). ADR 0014.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('workplaces')
    .addColumn('area_id', 'uuid', (c) => c.primaryKey().references('areas.id').onDelete('cascade'))
    .addColumn('employer', 'text')
    .addColumn('sector', 'text')
    // The workplace's address as the organizers wrote it (an employer's place, never a person's).
    .addColumn('place', 'text')
    // A coarse H3 cell (COARSE_RES), never the point given.
    .addColumn('cell', 'text')
    .addColumn('headcount_estimate', 'integer')
    .addColumn('headcount_as_of', 'text', (c) =>
      c.check(sql`headcount_as_of ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`),
    )
    .addColumn('union_status', 'text')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('workplace_units')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('workplace_id', 'uuid', (c) =>
      c.notNull().references('areas.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('department','shift')`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('headcount', 'integer')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('workplace_units_name', ['workplace_id', 'kind', 'name'])
    .execute();

  // One declared workplace per member; confirmed by an organizer of it. Unconfirmed counts nowhere.
  await db.schema
    .createTable('workplace_members')
    .addColumn('member_id', 'uuid', (c) =>
      c.primaryKey().references('members.id').onDelete('cascade'),
    )
    .addColumn('workplace_id', 'uuid', (c) =>
      c.notNull().references('areas.id').onDelete('cascade'),
    )
    .addColumn('unit_id', 'uuid', (c) => c.references('workplace_units.id').onDelete('set null'))
    .addColumn('declared_at', 'timestamptz', (c) => c.notNull())
    .addColumn('confirmed_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('workplace_members_workplace')
    .on('workplace_members')
    .columns(['workplace_id', 'confirmed_at'])
    .execute();

  await db.schema
    .createTable('campaigns')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('body_id', 'uuid', (c) => c.notNull().references('bodies.id').onDelete('cascade'))
    .addColumn('workplace_id', 'uuid', (c) => c.references('areas.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('workplace_percent', 'integer', (c) =>
      c.check(sql`workplace_percent between 1 and 100`),
    )
    .addColumn('workplace_count', 'integer', (c) => c.check(sql`workplace_count >= 1`))
    .addColumn('city_workplaces', 'integer', (c) => c.check(sql`city_workplaces >= 1`))
    .addColumn('city_pledgers', 'integer', (c) => c.check(sql`city_pledgers >= 1`))
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('open','on','closed')`))
    // Exact counters, updated in O(1) per pledge; never shown as they are.
    .addColumn('pledgers', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`pledgers >= 0`),
    )
    .addColumn('workplaces_triggered', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'uuid', (c) => c.references('members.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('on_at', 'timestamptz')
    .addColumn('closed_at', 'timestamptz')
    .addCheckConstraint(
      'campaigns_conditions',
      sql`(workplace_percent is not null or workplace_count is not null)
        and (city_workplaces is not null or city_pledgers is not null)`,
    )
    .execute();

  await db.schema
    .createTable('campaign_workplaces')
    .addColumn('campaign_id', 'uuid', (c) =>
      c.notNull().references('campaigns.id').onDelete('cascade'),
    )
    .addColumn('workplace_id', 'uuid', (c) =>
      c.notNull().references('areas.id').onDelete('cascade'),
    )
    .addColumn('pledgers', 'integer', (c) => c.notNull().check(sql`pledgers >= 0`))
    .addColumn('triggered', 'boolean', (c) => c.notNull().defaultTo(false))
    .addPrimaryKeyConstraint('campaign_workplaces_pk', ['campaign_id', 'workplace_id'])
    .execute();

  // tag = HMAC(server key, campaign id, member id). No member id, no timestamp.
  await db.schema
    .createTable('campaign_pledges')
    .addColumn('campaign_id', 'uuid', (c) =>
      c.notNull().references('campaigns.id').onDelete('cascade'),
    )
    .addColumn('tag', 'text', (c) => c.notNull())
    .addColumn('workplace_id', 'uuid', (c) =>
      c.notNull().references('areas.id').onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('campaign_pledges_pk', ['campaign_id', 'tag'])
    .execute();

  // What was published, per slot: stepped values only (0 = under k).
  await db.schema
    .createTable('campaign_publications')
    .addColumn('campaign_id', 'uuid', (c) =>
      c.notNull().references('campaigns.id').onDelete('cascade'),
    )
    .addColumn('slot', 'bigint', (c) => c.notNull())
    .addColumn('published_at', 'timestamptz', (c) => c.notNull())
    .addColumn('pledgers', 'integer', (c) => c.notNull())
    .addColumn('workplaces', 'jsonb', (c) => c.notNull())
    .addPrimaryKeyConstraint('campaign_publications_pk', ['campaign_id', 'slot'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'campaign_publications',
    'campaign_pledges',
    'campaign_workplaces',
    'campaigns',
    'workplace_members',
    'workplace_units',
    'workplaces',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
