import { Migrator, sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../src/platform/db/database';
import { migrations } from '../src/platform/db/migrations';
import { createTestSchema, describeEachDatabase, TEST_DATABASE_URL } from './helpers/harness';

const BEFORE = '20261127070000_push';
const BATCHES = '20261127080000_delivery_batches';

const at = (s: number) => new Date(Date.UTC(2026, 0, 20, 18, 0, s));
const ids = (n: number) => Array.from({ length: n }, () => crypto.randomUUID());

/**
 * An install upgraded across the change of the delivery log to batches (ADR 0005) keeps whom
 * each alert was sent to and who acked it; the way back restores one row per member.
 */
describeEachDatabase('migration of the delivery log to batches', (kind) => {
  let handle: DatabaseHandle;
  let dropSchema: (() => Promise<void>) | undefined;
  let migrator: Migrator;
  let db: Kysely<unknown>;
  const members = ids(5);
  const incident = crypto.randomUUID();
  const [confirmed, retraction] = ids(2) as [string, string];

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
    const before = await migrator.migrateTo(BEFORE);
    expect(before.error).toBeUndefined();

    for (const [i, id] of members.entries()) {
      await sql`insert into members (id, handle, status, created_at)
        values (${id}, ${`member-${i}`}, 'active', ${at(0)})`.execute(db);
    }
    await sql`insert into incidents (id, state, lat, lng, coarse_cell, day, first_report_at,
        last_report_at, last_activity_at)
      values (${incident}, 'false_alarm', 44.94, -93.25, 'cell', '2026-01-20', ${at(0)}, ${at(0)},
        ${at(30)})`.execute(db);
    for (const [seq, id, kindOf] of [
      [1, confirmed, 'confirmed'],
      [2, retraction, 'retraction'],
    ] as const) {
      await sql`insert into alerts (id, seq, incident_id, kind, audience, created_at, body)
        values (${id}, ${seq}, ${incident}, ${kindOf}, 'members', ${at(seq)}, '{}')`.execute(db);
    }
    // The confirmed alert went to all five (two acked, at two moments); the retraction to three
    // of them so far, one acked; one member got the confirmation later, by replay.
    const row = async (alert: string, seq: number, member: string, sent: Date, acked?: Date) =>
      sql`insert into alert_deliveries (alert_id, member_id, incident_id, kind, seq,
          delivered_at, acked_at)
        values (${alert}, ${member}, ${incident}, ${seq === 1 ? 'confirmed' : 'retraction'},
          ${seq}, ${sent}, ${acked ?? null})`.execute(db);
    await row(confirmed, 1, members[0]!, at(1), at(2));
    await row(confirmed, 1, members[1]!, at(1), at(3));
    await row(confirmed, 1, members[2]!, at(1));
    await row(confirmed, 1, members[3]!, at(1));
    await row(confirmed, 1, members[4]!, at(9));
    await row(retraction, 2, members[0]!, at(20), at(21));
    await row(retraction, 2, members[1]!, at(20));
    await row(retraction, 2, members[2]!, at(20));
  });

  afterAll(async () => {
    await handle?.close();
    await dropSchema?.();
  });

  const sorted = (list: string[]) => [...list].sort();

  it('keeps every member each alert was sent to, and every ack, on the way up', async () => {
    const up = await migrator.migrateTo(BATCHES);
    expect(up.error).toBeUndefined();
    const delivered = await sql<{ alert_id: string; member_ids: string[] }>`
      select alert_id, m.member_id as member_ids
      from alert_deliveries, unnest(member_ids) as m(member_id)`.execute(db);
    const byAlert = (alert: string, rows: { alert_id: string; member_ids: string[] }[]) =>
      sorted(rows.filter((r) => r.alert_id === alert).map((r) => String(r.member_ids)));
    expect(byAlert(confirmed, delivered.rows)).toEqual(sorted(members));
    expect(byAlert(retraction, delivered.rows)).toEqual(sorted(members.slice(0, 3)));

    const acked = await sql<{ alert_id: string; member_ids: string[] }>`
      select alert_id, m.member_id as member_ids
      from alert_acks, unnest(member_ids) as m(member_id)`.execute(db);
    expect(byAlert(confirmed, acked.rows)).toEqual(sorted(members.slice(0, 2)));
    expect(byAlert(retraction, acked.rows)).toEqual([members[0]]);
  });

  it('restores one row per member, with its ack time, on the way down', async () => {
    const down = await migrator.migrateDown();
    expect(down.error).toBeUndefined();
    const rows = await sql<{
      alert_id: string;
      member_id: string;
      seq: string;
      delivered_at: Date;
      acked_at: Date | null;
    }>`select alert_id, member_id, seq, delivered_at, acked_at from alert_deliveries`.execute(db);
    expect(rows.rows).toHaveLength(8);
    const find = (alert: string, member: string) =>
      rows.rows.find((r) => r.alert_id === alert && r.member_id === member);
    expect(find(confirmed, members[0]!)?.acked_at).toEqual(at(2));
    expect(find(confirmed, members[1]!)?.acked_at).toEqual(at(3));
    expect(find(confirmed, members[2]!)?.acked_at).toBeNull();
    expect(find(retraction, members[0]!)?.acked_at).toEqual(at(21));
    expect(find(retraction, members[2]!)?.acked_at).toBeNull();
    expect(find(retraction, members[3]!)).toBeUndefined();
    expect(Number(find(retraction, members[1]!)?.seq)).toBe(2);
    // The replay was a write of its own: its time is kept apart from the live fan-out's.
    expect(find(confirmed, members[4]!)?.delivered_at).toEqual(at(9));

    const again = await migrator.migrateToLatest();
    expect(again.error).toBeUndefined();
  });
});
