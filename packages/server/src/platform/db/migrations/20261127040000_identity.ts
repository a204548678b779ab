import { sql, type Kysely } from 'kysely';

/**
 * City, areas and their H3 cover; members, roles, invites, vouches; sessions and credentials.
 * Nothing here can hold a phone number, an email or an IP address, and a test keeps it so.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('city')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('settings', 'jsonb', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('areas')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('city','neighborhood','workplace')`),
    )
    .addColumn('parent_id', 'uuid', (c) => c.references('areas.id'))
    .addColumn('sector', 'text')
    .addColumn('headcount', 'integer')
    .addColumn('geometry', 'jsonb')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('archived_at', 'timestamptz')
    .execute();

  // Each cell belongs to one area: "which area is this point in" is one primary-key look-up.
  await db.schema
    .createTable('area_cells')
    .addColumn('cell', 'text', (c) => c.primaryKey())
    .addColumn('area_id', 'uuid', (c) => c.notNull().references('areas.id').onDelete('cascade'))
    .execute();
  await db.schema.createIndex('area_cells_area').on('area_cells').column('area_id').execute();

  await db.schema
    .createTable('members')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('handle', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text')
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('probation','active','suspended')`),
    )
    .addColumn('sponsor_id', 'uuid', (c) => c.references('members.id'))
    .addColumn('language', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('activated_at', 'timestamptz')
    .addColumn('suspended_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('members_sponsor').on('members').column('sponsor_id').execute();

  await db.schema
    .createTable('area_roles')
    .addColumn('member_id', 'uuid', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('area_id', 'uuid', (c) => c.notNull().references('areas.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) =>
      c
        .notNull()
        .check(sql`role in ('member','responder','verifier','dispatcher','organizer','admin')`),
    )
    .addColumn('granted_by', 'uuid', (c) => c.references('members.id'))
    .addColumn('granted_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('area_roles_pk', ['member_id', 'area_id', 'role'])
    .execute();
  await db.schema
    .createIndex('area_roles_area')
    .on('area_roles')
    .columns(['area_id', 'role'])
    .execute();

  await db.schema
    .createTable('invites')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('code_hash', 'text', (c) => c.notNull().unique())
    .addColumn('sponsor_id', 'uuid', (c) => c.references('members.id'))
    .addColumn('area_id', 'uuid', (c) => c.references('areas.id'))
    .addColumn('role', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .addColumn('used_by', 'uuid', (c) => c.references('members.id'))
    .addColumn('revoked_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('invites_sponsor')
    .on('invites')
    .columns(['sponsor_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('vouches')
    .addColumn('member_id', 'uuid', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('voucher_id', 'uuid', (c) =>
      c.notNull().references('members.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('vouch','approval')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('vouches_pk', ['member_id', 'voucher_id'])
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('member_id', 'uuid', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_seen_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('revoked_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('sessions_member').on('sessions').column('member_id').execute();

  await db.schema
    .createTable('device_keys')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('member_id', 'uuid', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('public_key', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_used_at', 'timestamptz')
    .addColumn('revoked_at', 'timestamptz')
    .execute();

  // Single-use login challenges; kept in the database so any node can check them.
  await db.schema
    .createTable('auth_challenges')
    .addColumn('challenge_hash', 'text', (c) => c.primaryKey())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('member_id', 'uuid', (c) => c.references('members.id').onDelete('cascade'))
    .addColumn('payload', 'jsonb')
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('auth_challenges_expiry')
    .on('auth_challenges')
    .column('expires_at')
    .execute();

  await db.schema
    .createTable('passkeys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('member_id', 'uuid', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('counter', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('transports', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_used_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('passkeys_member').on('passkeys').column('member_id').execute();

  await db.schema
    .createTable('recovery_codes')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('member_id', 'uuid', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('code_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .execute();

  await db.schema
    .createTable('working_groups')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('area_id', 'uuid', (c) => c.notNull().references('areas.id').onDelete('cascade'))
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('is_default', 'boolean', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.references('members.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('working_groups_area_slug', ['area_id', 'slug'])
    .execute();

  await db.schema
    .createTable('working_group_members')
    .addColumn('group_id', 'uuid', (c) =>
      c.notNull().references('working_groups.id').onDelete('cascade'),
    )
    .addColumn('member_id', 'uuid', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('joined_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('working_group_members_pk', ['group_id', 'member_id'])
    .execute();

  // Who did what with authority (roles, approvals, suspensions): actors and targets are member
  // ids, never anything that identifies a person outside Tocsin.
  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('actor_id', 'uuid')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('area_id', 'uuid')
    .addColumn('target_id', 'text')
    .addColumn('details', 'jsonb')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'audit_log',
    'working_group_members',
    'working_groups',
    'recovery_codes',
    'passkeys',
    'auth_challenges',
    'device_keys',
    'sessions',
    'vouches',
    'invites',
    'area_roles',
    'members',
    'area_cells',
    'areas',
    'city',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
