import { randomBytes } from 'node:crypto';
import { STREAM_PROTOCOL_VERSION } from '@tocsin/core';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app';
import { isDatabaseUnavailable } from '../src/platform/db/database-errors';
import { inTransaction } from '../src/platform/db/database';
import { migrateToLatest } from '../src/platform/db/migrate';
import { migrations } from '../src/platform/db/migrations';
import {
  createTestContext,
  describeEachDatabase,
  TEST_DATABASE_URL,
  type TestContext,
} from './helpers/harness';
import { buildMember } from './helpers/factories';
import { injectStream } from './helpers/stream';

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

describe.skipIf(!TEST_DATABASE_URL)(
  `PostgreSQL connections${TEST_DATABASE_URL ? '' : ' (skipped: TEST_DATABASE_URL is not set)'}`,
  () => {
    it('survives PostgreSQL dropping its idle connections, and logs it', async () => {
      const t = await createTestContext({ kind: 'postgres' });
      const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await admin.connect();
      try {
        // Several queries at once, so the pool holds several idle connections afterwards.
        const pids = await Promise.all(
          Array.from({ length: 3 }, () =>
            sql<{ pid: number }>`select pg_backend_pid() as pid, pg_sleep(0.05)`.execute(t.ctx.db),
          ),
        );
        const ids = [...new Set(pids.map((r) => r.rows[0]!.pid))];
        expect(ids.length).toBeGreaterThan(1);
        // What a restart or failover does to them (pg_terminate_backend waits for nothing).
        await admin.query('select pg_terminate_backend(pid) from unnest($1::int[]) as pid', [ids]);
        await expect
          .poll(() => t.logs.lines.filter((l) => l.includes('database connection lost')).length, {
            timeout: 10_000,
          })
          .toBe(ids.length);
        // The process is still here and the pool opens new connections.
        const again = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(t.ctx.db);
        expect(ids).not.toContain(again.rows[0]!.pid);
      } finally {
        await admin.end();
        await t.close();
      }
    });

    it('fails a transaction whose connection is cut under it, and goes on', async () => {
      const t = await createTestContext({ kind: 'postgres' });
      const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await admin.connect();
      try {
        let started: (pid: number) => void = () => undefined;
        const pid = new Promise<number>((resolve) => (started = resolve));
        const running = inTransaction(t.ctx.db, async (tx) => {
          const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(tx);
          started(rows[0]!.pid);
          await sql`select pg_sleep(10)`.execute(tx);
        });
        await admin.query('select pg_terminate_backend($1)', [await pid]);
        const error = await running.then(
          () => null,
          (caught: unknown) => caught,
        );
        expect(isDatabaseUnavailable(error), String(error)).toBe(true);
        // The process is still here (an error event without a listener would have ended it).
        const again = await sql<{ one: number }>`select 1 as one`.execute(t.ctx.db);
        expect(again.rows[0]!.one).toBe(1);
      } finally {
        await admin.end();
        await t.close();
      }
    });

    it('answers 503 with Retry-After while the database refuses connections, then recovers', async () => {
      const name = `tocsin_down_${randomBytes(4).toString('hex')}`;
      // Needs a role that may create databases (postgres here) and PostgreSQL 13+ (drop … force).
      const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await admin.connect();
      let t: TestContext | null = null;
      let app: Awaited<ReturnType<typeof createApp>> | null = null;
      try {
        await admin.query(`create database ${name}`);
        const url = new URL(TEST_DATABASE_URL!);
        url.pathname = `/${name}`;
        t = await createTestContext({
          kind: 'postgres',
          postgresUrl: url.toString(),
          postgresSchema: 'public',
        });
        const ctx = t.ctx;
        app = await createApp(ctx);
        await app.ready();
        const server = app;
        const member = await buildMember(ctx);
        const seen: number[] = [];
        const me = async () => {
          const response = await server.inject({
            method: 'GET',
            url: '/api/v1/me',
            headers: member.auth,
          });
          seen.push(response.statusCode);
          return response;
        };
        expect((await me()).statusCode).toBe(200);

        // The database goes away: its connections are cut and new ones refused.
        await admin.query(`alter database ${name} allow_connections false`);
        await admin.query(
          'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1',
          [name],
        );
        await expect.poll(async () => (await me()).statusCode, { timeout: 10_000 }).toBe(503);
        const down = await me();
        expect(down.statusCode).toBe(503);
        expect(down.json<{ error: { code: string } }>().error.code).toBe('unavailable');
        expect(down.headers['retry-after']).toBe('5');
        // A stream opened meanwhile is told to come back later, not that the server broke.
        const socket = await injectStream(server);
        const closed = new Promise<number>((resolve) =>
          socket.once('close', (code: number) => resolve(code)),
        );
        socket.send(
          JSON.stringify({ type: 'hello', v: STREAM_PROTOCOL_VERSION, token: member.token }),
        );
        expect(await closed).toBe(1013);

        await admin.query(`alter database ${name} allow_connections true`);
        await expect.poll(async () => (await me()).statusCode, { timeout: 10_000 }).toBe(200);
        // Never a 500 on the way down or back.
        expect(seen.filter((status) => ![200, 503].includes(status))).toEqual([]);
      } finally {
        await admin.query(`alter database ${name} allow_connections true`).catch(() => undefined);
        await app?.close();
        await t?.close();
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
    });
  },
);
