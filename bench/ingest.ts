// Benchmark 5, ingest: reports per second through the report service (validation, SALUTE text
// merged with the typed fields, placement, merging into nearby incidents, the state machine,
// alerts and outbox, one durable commit each), on PGlite (on disk) and on PostgreSQL, against a
// plain single-row INSERT rate of the same database in the same run. Run: npm run bench -- ingest
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { reportInputSchema, type Principal } from '@tocsin/core';
import { envToConfig } from '../packages/server/src/platform/config/config';
import { createContext } from '../packages/server/src/context';
import { closeContext, type AppContext } from '../packages/server/src/platform/context';
import { createLogger } from '../packages/server/src/platform/logger';
import { ensureCity } from '../packages/server/src/membership/city/city.service';
import { submitReport } from '../packages/server/src/rapid-response/reports/reports.service';
import type { BenchResult, BenchRow } from './report';
import { cityPoints, seeded } from './lib/city-points';
import { freshDatabase, newSecret, Seeder } from './lib/cluster';
import { cpuMeter, postgresPids } from './lib/cpu';
import { nowMs } from './lib/ipc';
import { ratio } from './lib/stats';

const PHASE_MS = 2_500;
const ROUNDS = 3;
const REPORTERS = 1_500;
const HOTSPOTS = 25;

interface Rates {
  concurrency: number;
  /** Node CPU (user + system) per report, ms: on PGlite the database's work is in it too. */
  cpuPerReport: number;
  /** Node CPU per baseline INSERT, ms. */
  cpuPerInsert: number;
  /** PostgreSQL server CPU per report and per INSERT, ms (PostgreSQL only, from /proc). */
  pgCpu: { report: number; insert: number } | null;
  /** A `select 1` round trip on the same connection pool, ms. */
  roundTrip: number;
  /** Statements a report sends (PostgreSQL only: counted at the driver). */
  statements: number | null;
  insert: number;
  report: number;
  reports: number;
  incidents: number;
}

async function measure(ctx: AppContext, concurrencies: number[]): Promise<Rates[]> {
  await ensureCity(ctx);
  ctx.relay.start();
  const areas = await ctx.areas.get();
  const cityId = areas.city!.id;
  const seeder = new Seeder(ctx.db, ctx.secrets.serverKey);
  const reporters = await seeder.members(REPORTERS, {
    roles: () => [{ areaId: cityId, role: 'member' }],
  });
  const principals: Principal[] = reporters.map((r) => ({
    memberId: r.id,
    status: 'active',
    sponsorId: null,
    roles: [{ areaId: cityId, role: 'member' }],
  }));
  await sql`create table bench_insert (id uuid primary key, at timestamptz not null, body jsonb not null)`.execute(
    ctx.db,
  );
  const hotspots = cityPoints(areas, HOTSPOTS, 21);
  const random = seeded(3);
  let next = 0;
  const report = async () => {
    const spot = hotspots[Math.floor(random() * HOTSPOTS)]!;
    // Within ~200 m of a hotspot: most reports merge into an open incident there.
    const input = reportInputSchema.parse({
      id: randomUUID(),
      text: 'S: 4 agents, 2 vehicles\nA: detaining a man outside the store\nU: vests marked POLICE ICE',
      salute: {
        location: {
          lat: spot.lat + (random() - 0.5) * 0.0036,
          lng: spot.lng + (random() - 0.5) * 0.005,
        },
      },
    });
    await submitReport(ctx, principals[next++ % principals.length]!, input);
  };
  const insert = async () => {
    await sql`insert into bench_insert (id, at, body) values (${randomUUID()}, ${new Date()}, ${JSON.stringify({ activity: 'detaining a man' })})`.execute(
      ctx.db,
    );
  };
  /** Runs `fn` from `concurrency` loops at once for PHASE_MS; how many and how long. */
  const phase = async (fn: () => Promise<void>, concurrency: number) => {
    const start = nowMs();
    let n = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (nowMs() - start < PHASE_MS) {
          await fn();
          n++;
        }
      }),
    );
    return { n, ms: nowMs() - start };
  };
  const out: Rates[] = [];
  for (const concurrency of concurrencies) {
    // Warm-up, then interleaved phases so that load on this shared machine hits both alike.
    await phase(report, concurrency);
    await phase(insert, concurrency);
    const totals = { insert: { n: 0, ms: 0 }, report: { n: 0, ms: 0 } };
    let cpu = 0;
    let insertNodeCpu = 0;
    const pgCpu = { report: 0, insert: 0 };
    const onPostgres = ctx.database.kind === 'postgres';
    for (let r = 0; r < ROUNDS; r++) {
      const insertCpu = cpuMeter(onPostgres ? postgresPids : () => []);
      const beforeInsert = process.cpuUsage();
      const i = await phase(insert, concurrency);
      pgCpu.insert += insertCpu();
      const usedInsert = process.cpuUsage(beforeInsert);
      insertNodeCpu += (usedInsert.user + usedInsert.system) / 1000;
      totals.insert.n += i.n;
      totals.insert.ms += i.ms;
      const before = process.cpuUsage();
      const reportCpu = cpuMeter(onPostgres ? postgresPids : () => []);
      const p = await phase(report, concurrency);
      pgCpu.report += reportCpu();
      const used = process.cpuUsage(before);
      cpu += (used.user + used.system) / 1000;
      totals.report.n += p.n;
      totals.report.ms += p.ms;
    }
    const r0 = nowMs();
    for (let i = 0; i < 200; i++) await sql`select 1`.execute(ctx.db);
    const roundTrip = (nowMs() - r0) / 200;
    let statements: number | null = null;
    if (ctx.database.kind === 'postgres') {
      // Count what the driver sends for 50 reports (the relay's statements included).
      const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
      const original = proto.query;
      let sent = 0;
      proto.query = function (this: unknown, ...args: unknown[]) {
        sent++;
        return original.apply(this, args);
      };
      try {
        for (let i = 0; i < 50; i++) await report();
        await ctx.relay.flush();
      } finally {
        proto.query = original;
      }
      statements = sent / 50;
    }
    const incidents = await ctx.db
      .selectFrom('incidents')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    out.push({
      concurrency,
      cpuPerReport: cpu / totals.report.n,
      cpuPerInsert: insertNodeCpu / totals.insert.n,
      pgCpu: onPostgres
        ? { report: pgCpu.report / totals.report.n, insert: pgCpu.insert / totals.insert.n }
        : null,
      roundTrip,
      statements,
      insert: (totals.insert.n / totals.insert.ms) * 1000,
      report: (totals.report.n / totals.report.ms) * 1000,
      reports: totals.report.n,
      incidents: Number(incidents.n),
    });
  }
  return out;
}

async function context(env: Record<string, string>, dataDir: string): Promise<AppContext> {
  const config = envToConfig({
    TOCSIN_DATA_DIR: dataDir,
    TOCSIN_NODE_ID: 'bench-ingest',
    LOG_LEVEL: 'warn',
    ...env,
  });
  return createContext({
    config,
    secrets: { serverKey: newSecret() },
    logger: createLogger('warn'),
  });
}

export async function run(): Promise<BenchResult> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'tocsin-bench-ingest-'));
  const database = await freshDatabase();
  const results: Record<string, Rates[]> = {};
  try {
    for (const [name, env, concurrencies] of [
      ['PGlite', {}, [1]],
      // PGlite has one connection; PostgreSQL also with 8 at once (the pool holds 10).
      ['PostgreSQL', { DATABASE_URL: database.url }, [1, 8]],
    ] as const) {
      const ctx = await context(env, dataDir);
      try {
        results[name] = await measure(ctx, [...concurrencies]);
      } finally {
        await closeContext(ctx);
      }
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
    await database.drop();
  }
  const rows: BenchRow[] = [];
  for (const [name, list] of Object.entries(results)) {
    for (const r of list) {
      const label = `${name}, ${r.concurrency === 1 ? 'one at a time' : `${r.concurrency} at once`}`;
      const share = r.report / r.insert;
      rows.push(
        {
          label: `${label}: plain single-row INSERT (baseline)`,
          value: `${r.insert.toFixed(0)} /s`,
        },
        {
          label: `${label}: reports with merging and durable commit`,
          value: `${r.report.toFixed(0)} /s`,
        },
        {
          label: `${label}: reports / INSERT`,
          value: ratio(share),
          target: '≥ 0.25',
          met: share >= 0.25,
        },
      );
    }
    const first = list[0]!;
    rows.push(
      {
        label: `${name}: Node CPU per report, one at a time${name === 'PGlite' ? ' (the database runs in it)' : ''}`,
        value: `${first.cpuPerReport.toFixed(2)} ms`,
      },
      { label: `${name}: \`select 1\` round trip`, value: `${first.roundTrip.toFixed(2)} ms` },
    );
    if (first.pgCpu)
      rows.push({
        label: `${name}: PostgreSQL CPU per report / per INSERT, one at a time`,
        value: `${first.pgCpu.report.toFixed(2)} ms / ${first.pgCpu.insert.toFixed(2)} ms`,
      });
    // Where both loops keep the cores busy (8 at once), reports / INSERT is CPU per INSERT / CPU
    // per report; one at a time, each loop also waits, and the ratio is that scaled by how much
    // of the machine each kept busy.
    const all = (r: Rates) => ({
      report: r.cpuPerReport + (r.pgCpu?.report ?? 0),
      insert: r.cpuPerInsert + (r.pgCpu?.insert ?? 0),
    });
    for (const r of list) {
      const cpu = all(r);
      rows.push({
        label: `${name}, ${r.concurrency === 1 ? 'one at a time' : `${r.concurrency} at once`}: all CPU per report / per INSERT${r.pgCpu ? ' (Node + PostgreSQL)' : ''}, and their ratio`,
        value: `${cpu.report.toFixed(2)} ms / ${cpu.insert.toFixed(2)} ms → ${ratio(cpu.insert / cpu.report)}`,
      });
    }
    if (first.statements !== null)
      rows.push({
        label: `${name}: statements per report (transaction and relay included)`,
        value: first.statements.toFixed(1),
      });
    const last = list[list.length - 1]!;
    rows.push({
      label: `${name}: incidents the reports merged into`,
      value: `${last.incidents.toLocaleString('en-US')} incidents`,
    });
  }
  return {
    name: 'ingest',
    title: 'Ingest: reports per second vs a plain single-row INSERT into the same database',
    rows,
    note: [
      `In-process, one at a time (and on PostgreSQL also 8 at once): ${ROUNDS} interleaved phases of ${PHASE_MS / 1000} s each (after a warm-up of each). A report goes through the report service as the route calls it: the input schema, the SALUTE text parsed and merged with the typed fields, the point snapped to its cell, rate limits, the cells and open incidents nearby locked and the nearest within 400 m / 45 min chosen, the state machine, timeline, alerts and outbox rows, one commit; the outbox relay publishes behind it.`,
      `Reports come from ${REPORTERS} members at ${HOTSPOTS} hotspots over the demo pack (within ~200 m), so most merge. The baseline inserts one row (uuid, timestamp, small jsonb) per statement, autocommit, through the same Kysely driver. PGlite runs on an on-disk data dir; PostgreSQL is the local server (fsync on, synchronous_commit on).`,
    ].join(' '),
  };
}
