import { sql, type Kysely } from 'kysely';

/**
 * The bulletin and events (issue 18): bodies' posts (a city-wide one waits for a second person),
 * members' follows and mutes, digest time and quiet hours, the calm-push state per member and a
 * short log of pushes; events with roles, RSVPs (expired after the event), and the per-member
 * calendar key (a keyed hash, never the key).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('bulletin_posts')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('body_id', 'uuid', (c) => c.notNull().references('bodies.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('announcement','meeting','decision','event','need')`),
    )
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('audience', 'text', (c) =>
      c.notNull().check(sql`audience in ('city','area','body')`),
    )
    .addColumn('area_id', 'uuid', (c) => c.references('areas.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('pending','published','withdrawn')`),
    )
    .addColumn('pinned_until', 'timestamptz')
    .addColumn('author_id', 'uuid', (c) => c.references('members.id').onDelete('set null'))
    .addColumn('approved_by', 'uuid', (c) => c.references('members.id').onDelete('set null'))
    .addColumn('request_id', 'uuid', (c) => c.unique())
    .addColumn('auto_type', 'text')
    .addColumn('auto_key', 'text', (c) => c.unique())
    .addColumn('ref_id', 'uuid')
    .addColumn('starts_at', 'timestamptz')
    .addColumn('auto_day', 'text')
    .addColumn('auto_count', 'integer')
    .addColumn('event_id', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('published_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('bulletin_posts_published')
    .on('bulletin_posts')
    .columns(['status', 'published_at'])
    .execute();
  await db.schema
    .createIndex('bulletin_posts_body')
    .on('bulletin_posts')
    .columns(['body_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('bulletin_follows')
    .addColumn('member_id', 'uuid', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('body_id', 'uuid', (c) => c.notNull().references('bodies.id').onDelete('cascade'))
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('follow','mute')`))
    .addPrimaryKeyConstraint('bulletin_follows_pk', ['member_id', 'body_id'])
    .execute();

  await db.schema
    .createTable('bulletin_settings')
    .addColumn('member_id', 'uuid', (c) =>
      c.primaryKey().references('members.id').onDelete('cascade'),
    )
    .addColumn('digest_time', 'text', (c) => c.notNull())
    .addColumn('quiet_start', 'text')
    .addColumn('quiet_end', 'text')
    .addColumn('last_digest_day', 'text')
    .execute();

  await db.schema
    .createTable('bulletin_push_state')
    .addColumn('member_id', 'uuid', (c) =>
      c.primaryKey().references('members.id').onDelete('cascade'),
    )
    .addColumn('state', 'jsonb', (c) => c.notNull())
    .addColumn('next_flush_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('bulletin_push_state_flush')
    .on('bulletin_push_state')
    .column('next_flush_at')
    .execute();

  // What buzzed whom and when (no content): kept two days, for the calm rules' own checks.
  await db.schema
    .createTable('bulletin_pushes')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('member_id', 'uuid', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('posts','digest','reminder')`))
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('bulletin_pushes_member')
    .on('bulletin_pushes')
    .columns(['member_id', 'at'])
    .execute();

  await db.schema
    .createTable('events')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('body_id', 'uuid', (c) => c.notNull().references('bodies.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ends_at', 'timestamptz', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('public_place', 'text', (c) => c.notNull())
    .addColumn('cell', 'text')
    .addColumn('visibility', 'text', (c) =>
      c.notNull().check(sql`visibility in ('members','public')`),
    )
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('created_by', 'uuid', (c) => c.references('members.id').onDelete('set null'))
    .addColumn('request_id', 'uuid', (c) => c.unique())
    .addColumn('after_action', 'text')
    .addColumn('reminders_sent', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('events_starts').on('events').column('starts_at').execute();
  await db.schema
    .createIndex('events_body')
    .on('events')
    .columns(['body_id', 'starts_at'])
    .execute();

  await db.schema
    .createTable('event_roles')
    .addColumn('event_id', 'uuid', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('needed', 'integer', (c) => c.notNull().check(sql`needed >= 0`))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('event_roles_pk', ['event_id', 'role'])
    .execute();

  await db.schema
    .createTable('event_rsvps')
    .addColumn('event_id', 'uuid', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('member_id', 'uuid', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('answer', 'text', (c) => c.notNull().check(sql`answer in ('going','maybe','no')`))
    .addColumn('role', 'text')
    .addColumn('listed', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('checked_in_at', 'timestamptz')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('event_rsvps_pk', ['event_id', 'member_id'])
    .execute();
  await db.schema.createIndex('event_rsvps_member').on('event_rsvps').column('member_id').execute();

  await db.schema
    .createTable('calendar_keys')
    .addColumn('member_id', 'uuid', (c) =>
      c.primaryKey().references('members.id').onDelete('cascade'),
    )
    // The key is an HMAC of this nonce under the server key: the database alone cannot make it.
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'calendar_keys',
    'event_rsvps',
    'event_roles',
    'events',
    'bulletin_pushes',
    'bulletin_push_state',
    'bulletin_settings',
    'bulletin_follows',
    'bulletin_posts',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
