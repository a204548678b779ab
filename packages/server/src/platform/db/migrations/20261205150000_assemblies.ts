import { sql, type Kysely } from 'kysely';

/**
 * Assemblies: bodies (one per neighborhood, workplace and working group, one council), their
 * meetings with agenda, attendance, speakers list, motions and ballots, the decisions register with
 * action items, and the request ids that make every write safe to repeat. An open vote's ballots
 * keep a choice only while the vote is open; closing it sets every choice to null.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('bodies')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('neighborhood','workplace','working_group','council')`),
    )
    .addColumn('area_id', 'uuid', (c) => c.unique().references('areas.id').onDelete('cascade'))
    .addColumn('group_id', 'uuid', (c) =>
      c.unique().references('working_groups.id').onDelete('cascade'),
    )
    .addColumn('chair_id', 'uuid', (c) => c.references('members.id').onDelete('set null'))
    .addColumn('secretary_id', 'uuid', (c) => c.references('members.id').onDelete('set null'))
    .addColumn('seconding_required', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addCheckConstraint(
      'bodies_anchor',
      sql`(kind = 'council' and area_id is null and group_id is null)
        or (kind = 'working_group' and group_id is not null and area_id is null)
        or (kind in ('neighborhood','workplace') and area_id is not null and group_id is null)`,
    )
    .execute();
  // Exactly one council.
  await sql`create unique index bodies_one_council on bodies (kind) where kind = 'council'`.execute(
    db,
  );

  await db.schema
    .createTable('meetings')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('body_id', 'uuid', (c) => c.notNull().references('bodies.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'timestamptz', (c) => c.notNull())
    .addColumn('place', 'text')
    .addColumn('remote', 'boolean', (c) => c.notNull())
    .addColumn('quorum_members', 'integer')
    .addColumn('quorum_percent', 'integer')
    .addColumn('recurrence', 'text', (c) =>
      c.check(sql`recurrence in ('weekly','biweekly','monthly')`),
    )
    .addColumn('previous_id', 'uuid', (c) => c.unique().references('meetings.id'))
    .addColumn('state', 'text', (c) =>
      c.notNull().check(sql`state in ('scheduled','open','closed')`),
    )
    .addColumn('code', 'text')
    .addColumn('speaker_order', 'text', (c) =>
      c.notNull().check(sql`speaker_order in ('progressive','fifo')`),
    )
    .addColumn('speaker_seconds', 'integer', (c) => c.notNull())
    .addColumn('current_item', 'integer')
    .addColumn('created_by', 'uuid', (c) => c.references('members.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('opened_at', 'timestamptz')
    .addColumn('closed_at', 'timestamptz')
    .addColumn('minutes_markdown', 'text')
    .addColumn('minutes_edited_at', 'timestamptz')
    .addColumn('minutes_approved_at', 'timestamptz')
    .addColumn('minutes_approved_by', 'uuid', (c) => c.references('meetings.id'))
    .execute();
  await db.schema
    .createIndex('meetings_body')
    .on('meetings')
    .columns(['body_id', 'starts_at'])
    .execute();

  await db.schema
    .createTable('meeting_agenda_items')
    .addColumn('meeting_id', 'uuid', (c) =>
      c.notNull().references('meetings.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('minutes', 'integer')
    .addPrimaryKeyConstraint('meeting_agenda_items_pk', ['meeting_id', 'position'])
    .execute();

  await db.schema
    .createTable('meeting_attendance')
    .addColumn('meeting_id', 'uuid', (c) =>
      c.notNull().references('meetings.id').onDelete('cascade'),
    )
    .addColumn('member_id', 'uuid', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('remote', 'boolean', (c) => c.notNull())
    .addColumn('checked_in_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('meeting_attendance_pk', ['meeting_id', 'member_id'])
    .execute();

  await db.schema
    .createTable('meeting_speakers')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('meeting_id', 'uuid', (c) =>
      c.notNull().references('meetings.id').onDelete('cascade'),
    )
    .addColumn('member_id', 'uuid', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) =>
      c
        .notNull()
        .check(sql`kind in ('speak','point_of_order','point_of_information','direct_response')`),
    )
    .addColumn('state', 'text', (c) =>
      c.notNull().check(sql`state in ('waiting','speaking','done','withdrawn')`),
    )
    .addColumn('requested_at', 'timestamptz', (c) => c.notNull())
    // Request order where two requests share a timestamp.
    .addColumn('seq', 'bigserial', (c) => c.notNull())
    .addColumn('started_at', 'timestamptz')
    .addColumn('ended_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('meeting_speakers_meeting')
    .on('meeting_speakers')
    .columns(['meeting_id', 'state'])
    .execute();
  // One waiting request of each kind per member.
  await sql`create unique index meeting_speakers_waiting on meeting_speakers (meeting_id, member_id, kind) where state = 'waiting'`.execute(
    db,
  );

  await db.schema
    .createTable('motions')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('meeting_id', 'uuid', (c) =>
      c.notNull().references('meetings.id').onDelete('cascade'),
    )
    .addColumn('amends_id', 'uuid', (c) => c.references('motions.id').onDelete('cascade'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('original_text', 'text', (c) => c.notNull())
    .addColumn('mover_id', 'uuid', (c) => c.references('members.id').onDelete('set null'))
    .addColumn('seconder_id', 'uuid', (c) => c.references('members.id').onDelete('set null'))
    .addColumn('state', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`state in ('moved','seconded','voting','carried','failed','invalid','withdrawn')`,
        ),
    )
    .addColumn('agenda_item', 'integer')
    .addColumn('moved_at', 'timestamptz', (c) => c.notNull())
    .addColumn('vote_method', 'text', (c) => c.check(sql`vote_method in ('open','roll_call')`))
    .addColumn('vote_majority', 'text', (c) =>
      c.check(sql`vote_majority in ('simple','two_thirds','consensus_minus_one')`),
    )
    .addColumn('vote_opened_at', 'timestamptz')
    .addColumn('vote_closed_at', 'timestamptz')
    .addColumn('yes', 'integer')
    .addColumn('no', 'integer')
    .addColumn('abstain', 'integer')
    .addColumn('quorate', 'boolean')
    .execute();
  await db.schema.createIndex('motions_meeting').on('motions').column('meeting_id').execute();

  // While the vote is open each row holds the member's current choice; when it closes an open
  // vote's choices become null, leaving only that the member voted. Roll calls keep them.
  await db.schema
    .createTable('ballots')
    .addColumn('motion_id', 'uuid', (c) => c.notNull().references('motions.id').onDelete('cascade'))
    .addColumn('member_id', 'uuid', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('choice', 'text', (c) => c.check(sql`choice in ('yes','no','abstain')`))
    .addColumn('cast_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('ballots_pk', ['motion_id', 'member_id'])
    .execute();

  await db.schema
    .createTable('decisions')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('body_id', 'uuid', (c) => c.notNull().references('bodies.id').onDelete('cascade'))
    .addColumn('meeting_id', 'uuid', (c) =>
      c.notNull().references('meetings.id').onDelete('cascade'),
    )
    .addColumn('motion_id', 'uuid', (c) =>
      c.notNull().unique().references('motions.id').onDelete('cascade'),
    )
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('decisions_body')
    .on('decisions')
    .columns(['body_id', 'decided_at'])
    .execute();

  await db.schema
    .createTable('action_items')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('decision_id', 'uuid', (c) =>
      c.notNull().references('decisions.id').onDelete('cascade'),
    )
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('owner_member_id', 'uuid', (c) => c.references('members.id').onDelete('set null'))
    .addColumn('owner_group_id', 'uuid', (c) =>
      c.references('working_groups.id').onDelete('set null'),
    )
    .addColumn('due', 'text', (c) => c.check(sql`due ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open','done')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('action_items_decision')
    .on('action_items')
    .column('decision_id')
    .execute();

  // The answer to each write, by the client's request id, so that a retry gets it again and
  // changes nothing. Answers never hold a ballot's choice.
  await db.schema
    .createTable('organizing_requests')
    .addColumn('request_id', 'uuid', (c) => c.primaryKey())
    .addColumn('member_id', 'uuid', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('operation', 'text', (c) => c.notNull())
    .addColumn('status', 'integer', (c) => c.notNull())
    .addColumn('response', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('organizing_requests_created')
    .on('organizing_requests')
    .column('created_at')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'organizing_requests',
    'action_items',
    'decisions',
    'ballots',
    'motions',
    'meeting_speakers',
    'meeting_attendance',
    'meeting_agenda_items',
    'meetings',
    'bodies',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
