import { Migrator, sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../src/platform/db/database';
import { migrations } from '../src/platform/db/migrations';
import { createTestSchema, describeEachDatabase, TEST_DATABASE_URL } from './helpers/harness';

const BEFORE = '20261205080000_outbox_event_version';
/** The migration under test; later ones (assemblies, ...) are not this test's. */
const PLATE_HASHES = '20261205140000_plate_hashes';
const at = new Date(Date.UTC(2026, 10, 20, 18, 30, 0));

/**
 * An install upgraded to hashed plates (ADR 0008): its clear plates are marked for the start's
 * rehash, the approvals of listed plates lose their verifiers, the fast lookup hashes and the
 * actors of plate audit entries are gone, and everything else stays.
 */
describeEachDatabase('migration to hashed plates', (kind) => {
  let handle: DatabaseHandle;
  let dropSchema: (() => Promise<void>) | undefined;
  let migrator: Migrator;
  let db: Kysely<unknown>;
  const [v1, v2, asker, incident] = Array.from({ length: 4 }, () => crypto.randomUUID()) as [
    string,
    string,
    string,
    string,
  ];

  beforeAll(async () => {
    if (kind === 'postgres') {
      const schema = await createTestSchema();
      dropSchema = schema.drop;
      handle = await openDatabase({ kind, url: TEST_DATABASE_URL!, schema: schema.schema });
    } else {
      handle = await openDatabase({ kind, dataDir: null });
    }
    db = handle.db as unknown as Kysely<unknown>;
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
    migrator = new Migrator({
      db,
      provider: { getMigrations: () => Promise.resolve(migrations) },
      migrationTableSchema: rows[0]!.schema,
    });
    expect((await migrator.migrateTo(BEFORE)).error).toBeUndefined();

    for (const [i, id] of [v1, v2, asker].entries()) {
      await sql`insert into members (id, handle, status, created_at)
        values (${id}, ${`member-${i}`}, 'active', ${at})`.execute(db);
    }
    await sql`insert into incidents (id, state, lat, lng, coarse_cell, day, first_report_at,
        last_report_at, last_activity_at, confirmed_at)
      values (${incident}, 'confirmed', 44.94, -93.25, 'cell', '2026-11-20', ${at}, ${at}, ${at},
        ${at})`.execute(db);
    for (const [key, listed] of [
      ['MN:LISTED1', true],
      ['MN:PENDNG1', false],
    ] as const) {
      await sql`insert into plates (plate_key, listed_at, last_seen_day, expires_at)
        values (${key}, ${listed ? at : null}, '2026-11-20', ${new Date(at.getTime() + 1e10)})`.execute(
        db,
      );
      await sql`insert into plate_incidents (plate_key, incident_id, seen_day)
        values (${key}, ${incident}, '2026-11-20')`.execute(db);
    }
    for (const [key, verifier] of [
      ['MN:LISTED1', v1],
      ['MN:LISTED1', v2],
      ['MN:PENDNG1', v1],
    ] as const) {
      await sql`insert into plate_approvals (plate_key, verifier_id, approved_at)
        values (${key}, ${verifier}, ${at})`.execute(db);
    }
    await sql`insert into plate_lookups (plate_hash, member_id, at, listed)
      values ('fast-hmac-of-the-plate', ${asker}, ${at}, true)`.execute(db);
    await sql`insert into audit_log (at, actor_id, action, details) values
      (${at}, ${v1}, 'plate.approved', ${JSON.stringify({ plateHash: 'fast-hmac' })}),
      (${at}, ${v1}, 'member.approved', ${JSON.stringify({ note: 'kept' })})`.execute(db);
  });

  afterAll(async () => {
    await handle?.close();
    await dropSchema?.();
  });

  it('marks clear plates for the rehash and keeps only what the new rules allow', async () => {
    expect((await migrator.migrateTo(PLATE_HASHES)).error).toBeUndefined();

    const plates = await sql<{ plate_hash: string; clear: boolean; listed: boolean }>`
      select plate_hash, clear, listed_at is not null as listed from plates
      order by plate_hash`.execute(db);
    expect(plates.rows).toEqual([
      { plate_hash: 'MN:LISTED1', clear: true, listed: true },
      { plate_hash: 'MN:PENDNG1', clear: true, listed: false },
    ]);
    const links = await sql<{ plate_hash: string }>`
      select plate_hash from plate_incidents order by plate_hash`.execute(db);
    expect(links.rows.map((r) => r.plate_hash)).toEqual(['MN:LISTED1', 'MN:PENDNG1']);

    const approvals = await sql<{
      plate_hash: string;
      verifier_id: string | null;
      approver_tag: string;
      approved_at: Date;
    }>`select plate_hash, verifier_id, approver_tag, approved_at from plate_approvals
      order by plate_hash`.execute(db);
    const listed = approvals.rows.filter((r) => r.plate_hash === 'MN:LISTED1');
    expect(listed.map((r) => r.verifier_id)).toEqual([null, null]);
    expect(new Set(listed.map((r) => r.approver_tag)).size).toBe(2);
    expect(listed.map((r) => r.approved_at.getTime() % 86_400_000)).toEqual([0, 0]);
    const pending = approvals.rows.filter((r) => r.plate_hash === 'MN:PENDNG1');
    expect(pending.map((r) => r.verifier_id)).toEqual([v1]);

    const lookups = await sql<Record<string, unknown>>`select * from plate_lookups`.execute(db);
    expect(lookups.rows).toHaveLength(1);
    expect(Object.keys(lookups.rows[0]!).sort()).toEqual(['at', 'id', 'listed', 'member_id']);

    const audit = await sql<{ action: string; actor_id: string | null; details: unknown }>`
      select action, actor_id, details from audit_log order by action`.execute(db);
    expect(audit.rows).toEqual([
      { action: 'member.approved', actor_id: v1, details: { note: 'kept' } },
      { action: 'plate.approved', actor_id: null, details: {} },
    ]);
  });

  it('cannot be undone', async () => {
    const down = await migrator.migrateDown();
    expect(String(down.error)).toMatch(/cannot be undone/);
  });
});
