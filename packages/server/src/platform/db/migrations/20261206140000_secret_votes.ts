import { sql, type Kysely } from 'kysely';

/**
 * Secret votes on motions (issue 16, ADR 0025): the ballot box of elections for a meeting's vote.
 * - `motion_ballot_keys`: the vote's RSA key pair (SPKI / PKCS#8), made when the chair opens it.
 * - `motion_tokens` (the roll side) records only that a member got a blind-signed token: no time,
 *   no token, no signature.
 * - `motion_secret_ballots` (the box) holds the hash of the token's message (to refuse its second
 *   use), the choice, the receipt and the UTC day: a random primary key, no serial, no timestamp,
 *   no member, session or device column.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table motions drop constraint if exists motions_vote_method_check`.execute(db);
  await sql`alter table motions add constraint motions_vote_method_check
    check (vote_method in ('open','roll_call','secret'))`.execute(db);

  await db.schema
    .createTable('motion_ballot_keys')
    .addColumn('motion_id', 'uuid', (c) =>
      c.primaryKey().references('motions.id').onDelete('cascade'),
    )
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('private_key', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('motion_tokens')
    .addColumn('motion_id', 'uuid', (c) => c.notNull().references('motions.id').onDelete('cascade'))
    .addColumn('member_id', 'uuid', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('motion_tokens_pk', ['motion_id', 'member_id'])
    .execute();

  await db.schema
    .createTable('motion_secret_ballots')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('motion_id', 'uuid', (c) => c.notNull().references('motions.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('receipt', 'text', (c) => c.notNull().unique())
    .addColumn('choice', 'text', (c) => c.notNull().check(sql`choice in ('yes','no','abstain')`))
    .addColumn('cast_day', 'date', (c) => c.notNull())
    .addUniqueConstraint('motion_secret_ballots_token_once', ['motion_id', 'token_hash'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('motion_secret_ballots').ifExists().execute();
  await db.schema.dropTable('motion_tokens').ifExists().execute();
  await db.schema.dropTable('motion_ballot_keys').ifExists().execute();
  await sql`alter table motions drop constraint if exists motions_vote_method_check`.execute(db);
  await sql`alter table motions add constraint motions_vote_method_check
    check (vote_method in ('open','roll_call'))`.execute(db);
}
