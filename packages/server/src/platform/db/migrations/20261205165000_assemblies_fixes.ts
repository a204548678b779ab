import { sql, type Kysely } from 'kysely';

/**
 * Every neighborhood, workplace and working group has its body from the moment it exists: a
 * trigger adds it in the transaction that adds the area or the group, whoever writes it (the
 * city pack, a new workplace, an organizer's new group, the CLI). Reading the bodies writes
 * nothing. Areas and groups from before this migration get theirs here, once, and the council
 * its one body.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function bodies_for_area() returns trigger language plpgsql as $$
    begin
      if new.kind in ('neighborhood', 'workplace') then
        insert into bodies (id, kind, area_id, created_at)
        values (gen_random_uuid(), new.kind, new.id, now())
        on conflict do nothing;
      end if;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger areas_have_bodies after insert on areas
    for each row execute function bodies_for_area()`.execute(db);
  await sql`
    create function bodies_for_group() returns trigger language plpgsql as $$
    begin
      insert into bodies (id, kind, group_id, created_at)
      values (gen_random_uuid(), 'working_group', new.id, now())
      on conflict do nothing;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger groups_have_bodies after insert on working_groups
    for each row execute function bodies_for_group()`.execute(db);

  await sql`
    insert into bodies (id, kind, area_id, created_at)
    select gen_random_uuid(), a.kind, a.id, now()
    from areas a
    where a.kind in ('neighborhood', 'workplace') and a.archived_at is null
      and not exists (select 1 from bodies b where b.area_id = a.id)
    on conflict do nothing`.execute(db);
  await sql`
    insert into bodies (id, kind, group_id, created_at)
    select gen_random_uuid(), 'working_group', g.id, now()
    from working_groups g
    where not exists (select 1 from bodies b where b.group_id = g.id)
    on conflict do nothing`.execute(db);
  await sql`
    insert into bodies (id, kind, created_at)
    select gen_random_uuid(), 'council', now()
    where not exists (select 1 from bodies where kind = 'council')
    on conflict do nothing`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger if exists groups_have_bodies on working_groups`.execute(db);
  await sql`drop trigger if exists areas_have_bodies on areas`.execute(db);
  await sql`drop function if exists bodies_for_group()`.execute(db);
  await sql`drop function if exists bodies_for_area()`.execute(db);
}
