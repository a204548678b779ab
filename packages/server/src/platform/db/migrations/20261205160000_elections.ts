import { sql, type Kysely } from 'kysely';

/**
 * Elections (issue 16, ADR 0011 and 0013). The voter roll and the ballot box are separate tables
 * with nothing in common but the election:
 * - `election_tokens` (the roll side) records only that a member got a blind-signed token: no
 *   time, no token, no signature.
 * - `election_ballots` (the box) holds the hash of the token's message (to refuse its second use),
 *   the ranking, the receipt and the UTC day: a random primary key, no serial, no timestamp, no
 *   member, session or device column.
 * Office holders (by election or appointment) and recall petitions live here too.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('office_holders')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('body_id', 'uuid', (c) => c.notNull().references('bodies.id').onDelete('cascade'))
    .addColumn('office', 'text', (c) =>
      c.notNull().check(sql`office in ('delegate','chair','secretary','coordinator')`),
    )
    .addColumn('member_id', 'uuid', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('term_start', 'timestamptz', (c) => c.notNull())
    .addColumn('term_end', 'timestamptz', (c) => c.notNull())
    .addColumn('ended_at', 'timestamptz')
    .addColumn('source', 'text', (c) =>
      c.notNull().check(sql`source in ('election','appointment')`),
    )
    // No foreign key: elections are created after this table; the service keeps it right.
    .addColumn('election_id', 'uuid')
    .addColumn('reminded_at', 'timestamptz')
    .addCheckConstraint('office_holders_term', sql`term_end > term_start`)
    .execute();
  await db.schema
    .createIndex('office_holders_body')
    .on('office_holders')
    .columns(['body_id', 'term_end'])
    .execute();

  await db.schema
    .createTable('elections')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('body_id', 'uuid', (c) => c.notNull().references('bodies.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('office','recall')`))
    .addColumn('office', 'text', (c) =>
      c.notNull().check(sql`office in ('delegate','chair','secretary','coordinator')`),
    )
    .addColumn('seats', 'integer', (c) => c.notNull().check(sql`seats between 1 and 50`))
    .addColumn('term_months', 'integer', (c) => c.notNull())
    .addColumn('voting_opens_at', 'timestamptz', (c) => c.notNull())
    .addColumn('voting_closes_at', 'timestamptz', (c) => c.notNull())
    .addColumn('recall_of', 'uuid', (c) => c.references('office_holders.id').onDelete('cascade'))
    .addColumn('fills_vacancy_of', 'uuid')
    // The election's RSA key pair (RFC 9474): SPKI and PKCS#8, base64url. The private key only
    // signs blinded messages; holding it links no token to a voter.
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('private_key', 'text', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.references('members.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('counted_at', 'timestamptz')
    .addColumn('result', 'jsonb')
    .addColumn('blt', 'text')
    .addCheckConstraint('elections_window', sql`voting_closes_at > voting_opens_at`)
    .execute();
  await db.schema
    .createIndex('elections_body')
    .on('elections')
    .columns(['body_id', 'voting_closes_at'])
    .execute();

  await db.schema
    .createTable('election_nominations')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('election_id', 'uuid', (c) =>
      c.notNull().references('elections.id').onDelete('cascade'),
    )
    .addColumn('nominee_id', 'uuid', (c) =>
      c.notNull().references('members.id').onDelete('cascade'),
    )
    .addColumn('nominated_by', 'uuid', (c) => c.references('members.id').onDelete('set null'))
    .addColumn('statement', 'text')
    .addColumn('accepted_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('election_nominations_once', ['election_id', 'nominee_id'])
    .execute();

  // The roll side: that a member got a token, nothing more (no time, no token).
  await db.schema
    .createTable('election_tokens')
    .addColumn('election_id', 'uuid', (c) =>
      c.notNull().references('elections.id').onDelete('cascade'),
    )
    .addColumn('member_id', 'uuid', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('election_tokens_pk', ['election_id', 'member_id'])
    .execute();

  // The box: no member, no session, no time finer than the day, no insertion order.
  await db.schema
    .createTable('election_ballots')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('election_id', 'uuid', (c) =>
      c.notNull().references('elections.id').onDelete('cascade'),
    )
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('receipt', 'text', (c) => c.notNull().unique())
    .addColumn('ranking', 'jsonb', (c) => c.notNull())
    .addColumn('cast_day', 'date', (c) => c.notNull())
    .addUniqueConstraint('election_ballots_token_once', ['election_id', 'token_hash'])
    .execute();

  await db.schema
    .createTable('recall_petitions')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('holder_id', 'uuid', (c) =>
      c.notNull().references('office_holders.id').onDelete('cascade'),
    )
    .addColumn('opened_at', 'timestamptz', (c) => c.notNull())
    .addColumn('closes_at', 'timestamptz', (c) => c.notNull())
    .addColumn('threshold', 'integer', (c) => c.notNull().check(sql`threshold >= 1`))
    .addColumn('state', 'text', (c) =>
      c.notNull().check(sql`state in ('open','voting','lapsed','removed','kept')`),
    )
    .addColumn('election_id', 'uuid', (c) => c.references('elections.id').onDelete('set null'))
    .execute();
  // One live petition per holder.
  await sql`create unique index recall_petitions_live on recall_petitions (holder_id) where state in ('open','voting')`.execute(
    db,
  );

  // Who signed, to refuse a second signature; shown to nobody but as a count. No time.
  await db.schema
    .createTable('recall_signatures')
    .addColumn('petition_id', 'uuid', (c) =>
      c.notNull().references('recall_petitions.id').onDelete('cascade'),
    )
    .addColumn('member_id', 'uuid', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('recall_signatures_pk', ['petition_id', 'member_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'recall_signatures',
    'recall_petitions',
    'election_ballots',
    'election_tokens',
    'election_nominations',
    'elections',
    'office_holders',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
