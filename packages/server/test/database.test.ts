import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { inTransaction } from '../src/db/database';
import { migrateToLatest } from '../src/db/migrate';
import { migrations } from '../src/db/migrations/index';
import { createTestContext, describeEachDatabase, type TestContext } from './helpers/harness';

describeEachDatabase('database', (kind) => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext({ kind });
  });
  afterAll(() => t.close());

  it('records every migration in the table of applied migrations', async () => {
    const applied = await sql<{
      name: string;
    }>`select name from kysely_migration order by name`.execute(t.ctx.db);
    expect(applied.rows.map((r) => r.name)).toEqual(Object.keys(migrations).sort());
    // Running again applies nothing.
    expect(await migrateToLatest(t.ctx.db)).toEqual([]);
  });

  it('migration names are timestamped and in order', () => {
    const names = Object.keys(migrations);
    for (const name of names) expect(name).toMatch(/^\d{14}_[a-z0-9_]+$/);
    expect([...names].sort()).toEqual(names);
  });

  it('rolls back everything when the unit of work throws', async () => {
    const id = crypto.randomUUID();
    await expect(
      inTransaction(t.ctx.db, async (tx) => {
        await tx
          .insertInto('outbox')
          .values({ id, type: 'test.rollback', payload: '{}', occurred_at: new Date() })
          .execute();
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const row = await t.ctx.db
      .selectFrom('outbox')
      .select('id')
      .where('id', '=', id)
      .executeTakeFirst();
    expect(row).toBeUndefined();
  });

  it('keeps concurrent transactions apart (no query lands inside another transaction)', async () => {
    const id = crypto.randomUUID();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let inserted!: () => void;
    const didInsert = new Promise<void>((resolve) => (inserted = resolve));
    const tx = inTransaction(t.ctx.db, async (trx) => {
      await trx
        .insertInto('outbox')
        .values({ id, type: 'test.isolation', payload: '{}', occurred_at: new Date() })
        .execute();
      inserted();
      await held;
      throw new Error('rollback on purpose');
    });
    await didInsert;
    // Outside the transaction: must not see the uncommitted row, and must not be swallowed by it.
    const outside = t.ctx.db
      .selectFrom('outbox')
      .select('id')
      .where('id', '=', id)
      .executeTakeFirst();
    setTimeout(release, 50);
    await expect(tx).rejects.toThrow('rollback on purpose');
    expect(await outside).toBeUndefined();
  });
});
