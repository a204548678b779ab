import { sql, type Kysely } from 'kysely';

/**
 * The citywide council (issue 17). The council is the one body of kind 'council'; its roll is
 * the seated delegates, read from the view `council_seats`: the current delegates (office
 * holders, elections) of each neighborhood and workplace body, in order of their term's start,
 * up to the body's seats. The seat rule is core's `seatsFor` (packages/core/src/council/seats.ts);
 * `council_seat_entitlement` is its SQL twin, checked against it by a property test
 * (test/council.test.ts), so that the roll is one query wherever assemblies asks for it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('bodies')
    .addColumn('weighted_votes', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
  // Agenda items get an id: a mandate names one.
  await sql`alter table meeting_agenda_items add column id uuid not null default gen_random_uuid()`.execute(
    db,
  );
  await sql`create unique index meeting_agenda_items_id on meeting_agenda_items (id)`.execute(db);
  await db.schema
    .alterTable('meeting_agenda_items')
    .addColumn('from_body_id', 'uuid', (c) => c.references('bodies.id').onDelete('set null'))
    .execute();

  await sql`
    create function council_seat_entitlement(active integer, minimum integer, block integer)
    returns integer language sql immutable as $$
      select case when active < minimum then 0 else 1 + (active - minimum) / block end
    $$`.execute(db);

  await sql`
    create view council_seats as
    with rule as (
      select
        coalesce((select (settings->'council'->>'seatMinimum')::int from city limit 1), 10) as minimum,
        coalesce((select (settings->'council'->>'seatBlock')::int from city limit 1), 100) as block
    ),
    active as (
      select b.id as body_id, count(distinct m.id)::int as active
      from bodies b
      join area_roles r on r.area_id = b.area_id
      join members m on m.id = r.member_id and m.status = 'active'
      where b.kind in ('neighborhood', 'workplace')
      group by b.id
    ),
    entitled as (
      select a.body_id, council_seat_entitlement(a.active, rule.minimum, rule.block) as seats
      from active a cross join rule
    ),
    holders as (
      select h.id as holder_id, h.body_id, h.member_id, h.term_end, h.source,
        row_number() over (partition by h.body_id order by h.term_start, h.id)::int as seat
      from office_holders h
      join members m on m.id = h.member_id and m.status <> 'suspended'
      where h.office = 'delegate' and h.ended_at is null and h.term_end > now()
    )
    select h.holder_id, h.body_id, h.member_id, h.term_end, h.source, h.seat, e.seats
    from holders h join entitled e on e.body_id = h.body_id
    where h.seat <= e.seats`.execute(db);

  // A committee's mandate to its delegate on one council agenda item, adopted by its motion.
  await db.schema
    .createTable('council_mandates')
    .addColumn('body_id', 'uuid', (c) => c.notNull().references('bodies.id').onDelete('cascade'))
    .addColumn('item_id', 'uuid', (c) =>
      c.notNull().references('meeting_agenda_items.id').onDelete('cascade'),
    )
    .addColumn('meeting_id', 'uuid', (c) =>
      c.notNull().references('meetings.id').onDelete('cascade'),
    )
    .addColumn('position', 'text', (c) =>
      c.notNull().check(sql`position in ('for','against','abstain','free')`),
    )
    .addColumn('note', 'text')
    .addColumn('motion_id', 'uuid', (c) => c.notNull().references('motions.id').onDelete('cascade'))
    .addColumn('set_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('council_mandates_pk', ['body_id', 'item_id'])
    .execute();

  // A council decision that needs the committees' ratification, and each committee's answer.
  await db.schema
    .createTable('council_ratifications')
    .addColumn('decision_id', 'uuid', (c) =>
      c.primaryKey().references('decisions.id').onDelete('cascade'),
    )
    .addColumn('share_percent', 'integer', (c) => c.check(sql`share_percent between 1 and 100`))
    .addColumn('state', 'text', (c) =>
      c.notNull().check(sql`state in ('pending','ratified','rejected')`),
    )
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('settled_at', 'timestamptz')
    .execute();
  await db.schema
    .createTable('ratification_answers')
    .addColumn('decision_id', 'uuid', (c) =>
      c.notNull().references('council_ratifications.decision_id').onDelete('cascade'),
    )
    .addColumn('body_id', 'uuid', (c) => c.notNull().references('bodies.id').onDelete('cascade'))
    .addColumn('ratify', 'boolean')
    .addColumn('motion_id', 'uuid', (c) => c.references('motions.id').onDelete('set null'))
    .addColumn('answered_at', 'timestamptz')
    .addPrimaryKeyConstraint('ratification_answers_pk', ['decision_id', 'body_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('ratification_answers').execute();
  await db.schema.dropTable('council_ratifications').execute();
  await db.schema.dropTable('council_mandates').execute();
  await sql`drop view council_seats`.execute(db);
  await sql`drop function council_seat_entitlement(integer, integer, integer)`.execute(db);
  await db.schema.alterTable('meeting_agenda_items').dropColumn('from_body_id').execute();
  await sql`drop index meeting_agenda_items_id`.execute(db);
  await db.schema.alterTable('meeting_agenda_items').dropColumn('id').execute();
  await db.schema.alterTable('bodies').dropColumn('weighted_votes').execute();
}
