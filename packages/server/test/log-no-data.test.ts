import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../src/app';
import { headersOf } from './authz/targets';
import type { World } from './authz/types';
import { buildWorld } from './authz/world';
import { createTestContext, describeEachDatabase, type TestContext } from './helpers/harness';

// Issue 14.2: logs never carry data. A database error is logged with its SQLSTATE, constraint and
// table only: PostgreSQL's detail quotes the failing row, its messages quote bad values, and
// PGlite attaches the query's parameters. Errors are made to happen on each database, with a
// report's text, its coordinates and a plate in them, and the captured log is searched for those.

const TEXT = 'Planted report text qxv7 about the bakery door';
const PLATE = 'QXV 4821';
const PLATE_KEY = 'QXV4821';

describeEachDatabase('logs carry no data', (kind) => {
  let t: TestContext;
  let world: World;
  beforeAll(async () => {
    t = await createTestContext({ kind, env: { TOCSIN_RATE_LIMIT: '1000000' } });
    const app = await createApp(t.ctx);
    await app.ready();
    world = await buildWorld(app, t.ctx);
  });
  afterAll(async () => {
    await world.app.close();
    await t.close();
  });

  it('a report that the database refuses is logged as SQLSTATE, constraint and table', async () => {
    // Any row now breaks a constraint, so the intake's insert fails inside the database.
    await sql`alter table reports add constraint refuse_all_reports check (false) not valid`.execute(
      t.ctx.db,
    );
    const lat = world.point.lat + 0.000_123_4;
    const lng = world.point.lng - 0.000_432_1;
    try {
      const response = await world.app.inject({
        method: 'POST',
        url: '/api/v1/reports',
        headers: headersOf(world, 'member'),
        payload: {
          text: TEXT,
          plates: [PLATE],
          salute: { activity: 'agents at a door', location: { lat, lng } },
        },
      });
      expect(response.statusCode).toBe(500);
    } finally {
      await sql`alter table reports drop constraint refuse_all_reports`.execute(t.ctx.db);
    }
    const log = t.logs.text;
    for (const planted of [TEXT, 'qxv7', PLATE, PLATE_KEY, String(lat), String(lng)]) {
      expect(log, planted).not.toContain(planted);
    }
    expect(log).not.toContain(String(lat).slice(0, 9));
    expect(log).toContain('"sqlState":"23514"');
    expect(log).toContain('"constraint":"refuse_all_reports"');
    expect(log).toContain('"table":"reports"');
  });

  it('a query error with planted parameters is logged without them', async () => {
    let caught: unknown;
    try {
      await sql`select ${TEXT}::uuid, ${PLATE_KEY}::int`.execute(t.ctx.db);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeDefined();
    t.ctx.logger.error({ err: caught }, 'query failed');
    const line = t.logs.lines.at(-1) ?? '';
    expect(line).not.toContain('qxv7');
    expect(line).not.toContain(PLATE_KEY);
    expect(line).toContain('"sqlState":"22P02"');
  });
});
