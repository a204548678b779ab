import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cellCenter } from '@tocsin/core';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app';
import { ManualClock } from '../src/platform/clock';
import type { AppContext } from '../src/platform/context';
import {
  autoEndQuietIncidents,
  runSweep,
  SPENT_ACCESS_KEEP_MS,
} from '../src/rapid-response/retention/retention.service';
import { startSweeper } from '../src/rapid-response/retention/retention.scheduler';
import { loadMinneapolis, POWDERHORN, POWDERHORN_100M } from './helpers/city';
import { buildMember, type BuiltMember } from './helpers/factories';
import {
  createTestContext,
  describeEachDatabase,
  eventually,
  type TestContext,
} from './helpers/harness';
import { findEverywhere } from './helpers/dump';
import { recordFigure } from './helpers/figures';
import { StreamClient } from './helpers/stream';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const CANARY = 'CANARY-7Q4ZK';

/**
 * Rows still holding raw material of incidents closed more than `hours` ago: reports, photos
 * (orphans too), reporter links, alerts, delivery logs, dispatches, timeline notes, outbox events
 * and the incident's own activity text. After a sweep this must be 0.
 */
async function rowsPastTtl(ctx: AppContext, hours = 24): Promise<number> {
  const cutoff = new Date(ctx.clock.now().getTime() - hours * HOUR);
  const result = await sql<{ n: number }>`
    with expired as (select id from incidents where closed_at < ${cutoff})
    select (
      (select count(*) from reports where incident_id in (select id from expired))
      + (select count(*) from photos p join reports r on r.id = p.report_id
          where r.incident_id in (select id from expired))
      + (select count(*) from photos where report_id not in (select id from reports))
      + (select count(*) from incident_reporters where incident_id in (select id from expired))
      + (select count(*) from alerts where incident_id in (select id from expired))
      + (select count(*) from alert_deliveries where incident_id in (select id from expired))
      + (select count(*) from dispatches where incident_id in (select id from expired))
      + (select count(*) from incident_timeline
          where incident_id in (select id from expired) and note is not null)
      + (select count(*) from outbox
          where payload -> 'incident' ->> 'id' in (select id::text from expired))
      + (select count(*) from incidents where id in (select id from expired) and activity is not null)
    )::int as n`.execute(ctx.db);
  return result.rows[0]?.n ?? 0;
}

describeEachDatabase('retention sweep', (kind) => {
  let t: TestContext;
  let app: FastifyInstance;
  let clock: ManualClock;
  let areaIds: { cityId: string; powderhornId: string };
  const clients: StreamClient[] = [];

  const setup = async () => {
    clock = new ManualClock('2026-03-10T15:00:00Z');
    t = await createTestContext({ kind, clock });
    areaIds = await loadMinneapolis(t.ctx);
    app = await createApp(t.ctx);
    await app.ready();
    t.ctx.relay.start();
  };
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await app?.close();
    await t?.close();
  });

  const neighbor = () => ({ roles: [{ areaId: areaIds.cityId, role: 'member' as const }] });
  /** Two members with different sponsors: independent reporters. */
  const independentPair = async () => {
    const [s1, s2] = [await buildMember(t.ctx), await buildMember(t.ctx)];
    return [
      await buildMember(t.ctx, { sponsorId: s1.id, ...neighbor() }),
      await buildMember(t.ctx, { sponsorId: s2.id, ...neighbor() }),
    ] as const;
  };
  const report = async (member: BuiltMember, body: object) => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      headers: member.auth,
      payload: body,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ report: { id: string }; incident: { id: string; state: string } }>();
  };
  const act = async (member: BuiltMember, url: string, payload: object) => {
    const response = await app.inject({ method: 'POST', url, headers: member.auth, payload });
    expect(response.statusCode, response.body).toBe(200);
  };
  const listen = async (member: BuiltMember) => {
    const client = await StreamClient.open(app, { token: member.token, location: POWDERHORN });
    clients.push(client);
    return client;
  };
  const stats = async (member: BuiltMember) => {
    const response = await app.inject({
      method: 'GET',
      url: `/api/v1/areas/${areaIds.powderhornId}/stats?days=30`,
      headers: member.auth,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Record<string, unknown>>();
  };
  const count = async (
    table: 'reports' | 'photos' | 'incident_reporters' | 'incident_confirmations' | 'alerts',
    column: 'incident_id' | 'report_id',
    ids: string[],
  ) => {
    const row = await t.ctx.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where(sql.ref(column), 'in', ids)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };

  /** Members the delivery log says were told about an incident (it keeps them in batches). */
  const told = async (incidentId: string) => {
    const rows = await t.ctx.db
      .selectFrom('alert_deliveries')
      .select('member_ids')
      .where('incident_id', '=', incidentId)
      .execute();
    return rows.reduce((sum, row) => sum + row.member_ids.length, 0);
  };

  it('keeps an ended incident whole for 24 h, then purges its raw reports and links; stats still count it', async () => {
    await setup();
    const [a, b] = await independentPair();
    const listener = await buildMember(t.ctx, neighbor());
    const verifier = await buildMember(t.ctx, {
      roles: [{ areaId: areaIds.powderhornId, role: 'verifier' }],
    });
    const organizer = await buildMember(t.ctx, {
      roles: [{ areaId: areaIds.powderhornId, role: 'organizer' }],
    });
    const stream = await listen(listener);

    const first = await report(a, {
      text: `A: ${CANARY} agents detaining a man\nL: Powderhorn Park`,
      salute: { location: POWDERHORN, uniform: `vests ${CANARY}` },
      plates: ['MN ABC123'],
    });
    const second = await report(b, {
      salute: { activity: `two vans ${CANARY}`, location: POWDERHORN_100M },
    });
    const incidentId = first.incident.id;
    expect(second.incident).toMatchObject({ id: incidentId, state: 'corroborated' });
    await t.ctx.db
      .insertInto('photos')
      .values({
        id: randomUUID(),
        report_id: first.report.id,
        member_id: a.id,
        mime: 'image/jpeg',
        width: 1,
        height: 1,
        bytes: Buffer.from('jpeg'),
        created_at: clock.now(),
      })
      .execute();
    await t.ctx.db
      .insertInto('dispatches')
      .values({
        id: randomUUID(),
        incident_id: incidentId,
        member_id: listener.id,
        state: 'declined',
        round: 1,
        offered_at: clock.now(),
      })
      .execute();
    const base = `/api/v1/incidents/${incidentId}`;
    await act(verifier, `${base}/verification`, {
      outcome: 'confirmed',
      note: `saw them ${CANARY}`,
    });
    // A second, independent verifier: one alone does not confirm.
    const secondVerifier = await buildMember(t.ctx, {
      roles: [{ areaId: areaIds.powderhornId, role: 'verifier' }],
    });
    await act(secondVerifier, `${base}/verification`, { outcome: 'confirmed' });
    clock.advance(20 * MINUTE);
    await act(verifier, `${base}/end`, { note: `gone ${CANARY}` });
    await eventually(() =>
      expect(stream.kinds()).toEqual(['unconfirmed', 'confirmed', 'all_clear']),
    );
    // Deliveries are counted just after they are sent.
    await eventually(async () =>
      expect(await stats(organizer)).toMatchObject({ incidents: 1, alertsDelivered: 3 }),
    );
    const before = await stats(organizer);
    // Stopped so the relay's own cleanup of day-old events cannot do the purge's work for it.
    await t.ctx.relay.stop();
    const events = () =>
      t.ctx.db
        .selectFrom('outbox')
        .select('id')
        .where(sql<string>`payload -> 'incident' ->> 'id'`, '=', incidentId)
        .execute();
    expect((await events()).length).toBeGreaterThanOrEqual(4);
    expect(await findEverywhere(t.ctx, CANARY)).toEqual(
      expect.arrayContaining(['reports.text', 'reports.salute', 'incidents.activity']),
    );

    // 23 h after the all clear: nothing is purged yet.
    clock.advance(23 * HOUR);
    const early = await runSweep(t.ctx);
    expect(early.purged.incidents).toBe(0);
    const reportIds = [first.report.id, second.report.id];
    expect(await count('reports', 'incident_id', [incidentId])).toBe(2);
    expect(await count('photos', 'report_id', reportIds)).toBe(1);
    expect(await count('incident_reporters', 'incident_id', [incidentId])).toBe(2);
    expect(await count('incident_confirmations', 'incident_id', [incidentId])).toBe(2);
    expect(await told(incidentId)).toBe(3);

    // Past 24 h: the raw material goes, the incident's outline stays.
    clock.advance(1 * HOUR + 1);
    const summary = await runSweep(t.ctx);
    expect(summary.purged).toMatchObject({
      incidents: 1,
      reports: 2,
      photos: 1,
      reporterLinks: 2,
      dispatches: 1,
      deliveries: 3,
    });
    expect(summary.purged.alerts).toBeGreaterThanOrEqual(3);
    expect(await count('reports', 'incident_id', [incidentId])).toBe(0);
    expect(await count('photos', 'report_id', reportIds)).toBe(0);
    expect(await count('incident_reporters', 'incident_id', [incidentId])).toBe(0);
    expect(await count('incident_confirmations', 'incident_id', [incidentId])).toBe(0);
    expect(await count('alerts', 'incident_id', [incidentId])).toBe(0);
    expect(await told(incidentId)).toBe(0);
    expect(await events()).toEqual([]);
    const incident = await t.ctx.db
      .selectFrom('incidents')
      .selectAll()
      .where('id', '=', incidentId)
      .executeTakeFirstOrThrow();
    expect(incident).toMatchObject({
      state: 'ended',
      area_id: areaIds.powderhornId,
      activity: null,
      reporter_count: 2,
      independent_count: 2,
      alerts_delivered: 3,
      ...cellCenter(incident.coarse_cell),
    });
    expect(incident.purged_at).not.toBeNull();
    for (const at of ['first_report_at', 'corroborated_at', 'confirmed_at', 'closed_at'] as const) {
      expect(incident[at]).toBeInstanceOf(Date);
    }
    const notes = await t.ctx.db
      .selectFrom('incident_timeline')
      .select(['kind', 'note'])
      .where('incident_id', '=', incidentId)
      .execute();
    // Two confirmations: the first corroborates, the second (independent) confirms.
    expect(notes.map((n) => n.kind)).toEqual([
      'opened',
      'report',
      'confirmed',
      'confirmed',
      'all_clear',
    ]);
    expect(notes.every((n) => n.note === null)).toBe(true);

    // The subpoena drill: the canary is in no column of any table, and never was in a log line.
    const dbHits = await findEverywhere(t.ctx, CANARY);
    const logHits = t.logs.lines.filter((line) => line.includes(CANARY));
    const pastTtl = await rowsPastTtl(t.ctx);
    recordFigure('pii-canary', 'retention.test.ts', kind, {
      planted: 1,
      dbHits: dbHits.length,
      logHits: logHits.length,
    });
    recordFigure('rows-past-ttl', 'retention.test.ts', kind, { sweeps: 1, rowsPastTtl: pastTtl });
    expect(dbHits).toEqual([]);
    expect(logHits).toEqual([]);
    expect(pastTtl).toBe(0);
    // Staff still see the incident, with nothing of the reports.
    const detail = await app.inject({ method: 'GET', url: base, headers: verifier.auth });
    expect(detail.json()).toMatchObject({ state: 'ended', activity: null, reports: [] });
    // The same figures; the charts' day-by-day window has moved on a day with the clock, and the
    // incident is still counted in it, per area.
    const { series: seriesAfter, ...after } = await stats(organizer);
    const { series: seriesBefore, ...figures } = before;
    expect(after).toEqual(figures);
    const perArea = (series: unknown) =>
      (series as { areas: { areaId: string; incidents: number | null }[] }).areas.map((a) => [
        a.areaId,
        a.incidents,
      ]);
    expect(perArea(seriesAfter)).toEqual(perArea(seriesBefore));
    // A second sweep finds nothing more to do.
    expect((await runSweep(t.ctx)).purged.incidents).toBe(0);
  });

  it('ends a quiet incident after the quiet period; the all clear reaches who was alerted', async () => {
    await setup();
    const [a, b] = await independentPair();
    const listener = await buildMember(t.ctx, neighbor());
    const stream = await listen(listener);
    const { incident } = await report(a, {
      salute: { activity: 'agents at the corner', location: POWDERHORN },
    });
    await report(b, { salute: { activity: 'agents', location: POWDERHORN_100M } });
    await eventually(() => expect(stream.kinds()).toEqual(['unconfirmed']));

    clock.advance(179 * MINUTE);
    expect((await runSweep(t.ctx)).autoEnded).toBe(0);
    clock.advance(1 * MINUTE);
    // Two sweeps at once (two nodes, on PostgreSQL truly in parallel) end it once.
    const ended = await Promise.all([autoEndQuietIncidents(t.ctx), autoEndQuietIncidents(t.ctx)]);
    expect(ended[0] + ended[1]).toBe(1);
    await eventually(() => expect(stream.kinds()).toEqual(['unconfirmed', 'all_clear']));
    const row = await t.ctx.db
      .selectFrom('incidents')
      .select(['state', 'closed_at'])
      .where('id', '=', incident.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ state: 'ended', closed_at: clock.now() });
    const timeline = await t.ctx.db
      .selectFrom('incident_timeline')
      .select(['kind', 'actor_role'])
      .where('incident_id', '=', incident.id)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(timeline).toEqual({ kind: 'auto_end', actor_role: 'system' });
    const allClears = await t.ctx.db
      .selectFrom('alerts')
      .select('id')
      .where('incident_id', '=', incident.id)
      .where('kind', '=', 'all_clear')
      .execute();
    expect(allClears).toHaveLength(1);
    expect((await runSweep(t.ctx)).autoEnded).toBe(0);
  });

  it('runs on a timer until stopped', async () => {
    await setup();
    const member = await buildMember(t.ctx, neighbor());
    const { incident } = await report(member, {
      salute: { activity: 'checkpoint', location: POWDERHORN },
    });
    clock.advance(3 * HOUR);
    const sweeper = startSweeper(t.ctx, 10);
    await eventually(async () => {
      const row = await t.ctx.db
        .selectFrom('incidents')
        .select('state')
        .where('id', '=', incident.id)
        .executeTakeFirstOrThrow();
      expect(row.state).toBe('ended');
    });
    await sweeper.stop();
  });

  it('purges a merged incident only with the incident it merged into', async () => {
    await setup();
    const verifier = await buildMember(t.ctx, {
      roles: [{ areaId: areaIds.cityId, role: 'verifier' }],
    });
    const [a, b] = await independentPair();
    const from = await report(a, { salute: { activity: 'van', location: POWDERHORN } });
    // 1.1 km away: too far to join, close enough to be the same operation.
    const into = await report(b, {
      salute: { activity: 'van', location: { lat: 44.9575, lng: -93.2555 } },
    });
    expect(into.incident.id).not.toBe(from.incident.id);
    await act(verifier, `/api/v1/incidents/${from.incident.id}/merge`, { into: into.incident.id });
    clock.advance(25 * HOUR);
    // The survivor is still open (no sweep ended it yet): the merged one keeps its audience.
    await t.ctx.db
      .updateTable('incidents')
      .set({ last_activity_at: clock.now() })
      .where('id', '=', into.incident.id)
      .execute();
    expect((await runSweep(t.ctx)).purged.incidents).toBe(0);
    await act(verifier, `/api/v1/incidents/${into.incident.id}/end`, {});
    clock.advance(25 * HOUR);
    const summary = await runSweep(t.ctx);
    const pastTtl = await rowsPastTtl(t.ctx);
    recordFigure('rows-past-ttl', 'retention.test.ts', kind, { sweeps: 1, rowsPastTtl: pastTtl });
    expect(pastTtl).toBe(0);
    expect(summary.purged.incidents).toBe(2);
    expect(await count('incident_reporters', 'incident_id', [from.incident.id])).toBe(0);
  });

  it('deletes expired challenges, and sessions, invites and role grants settled over 30 days ago, keeping the vouch tree and the roles', async () => {
    await setup();
    const sponsor = await buildMember(t.ctx);
    const joined = await buildMember(t.ctx, { sponsorId: sponsor.id });
    const now = clock.now().getTime();
    const old = new Date(now - SPENT_ACCESS_KEEP_MS - HOUR);
    const recent = new Date(now - HOUR);
    await t.ctx.db
      .insertInto('auth_challenges')
      .values(
        ['expired', 'live'].map((name) => ({
          challenge_hash: name,
          purpose: 'device_login' as const,
          subject: name,
          member_id: null,
          payload: null,
          expires_at: name === 'expired' ? recent : new Date(now + MINUTE),
        })),
      )
      .execute();
    await t.ctx.db
      .updateTable('sessions')
      .set({ revoked_at: old })
      .where('id', '=', joined.sessionId)
      .execute();
    const invite = (id: string, values: { used_at?: Date; expires_at: Date }) => ({
      id,
      code_hash: id,
      sponsor_id: sponsor.id,
      area_id: null,
      role: null,
      created_at: old,
      ...values,
    });
    const [spent, expired, fresh] = [randomUUID(), randomUUID(), randomUUID()];
    await t.ctx.db
      .insertInto('invites')
      .values([
        invite(spent, { used_at: old, expires_at: new Date(now + HOUR) }),
        invite(expired, { expires_at: old }),
        invite(fresh, { used_at: recent, expires_at: new Date(now + HOUR) }),
      ])
      .execute();

    const grant = (id: string, values: { status: 'pending' | 'countersigned'; at: Date }) => ({
      id,
      member_id: joined.id,
      area_id: areaIds.cityId,
      role: 'verifier' as const,
      kind: 'grant' as const,
      requested_by: sponsor.id,
      requested_at: values.at,
      expires_at: new Date(values.at.getTime() + 72 * HOUR),
      status: values.status,
      decided_by: values.status === 'pending' ? null : sponsor.id,
      decided_via: values.status === 'pending' ? null : ('member' as const),
      decided_at: values.status === 'pending' ? null : values.at,
    });
    const [decidedLongAgo, lapsedLongAgo, decidedLately, waiting] = [
      randomUUID(),
      randomUUID(),
      randomUUID(),
      randomUUID(),
    ];
    await t.ctx.db
      .insertInto('role_grants')
      .values([
        grant(decidedLongAgo, { status: 'countersigned', at: old }),
        grant(lapsedLongAgo, { status: 'pending', at: new Date(old.getTime() - 72 * HOUR) }),
        grant(decidedLately, { status: 'countersigned', at: recent }),
        grant(waiting, { status: 'pending', at: recent }),
      ])
      .execute();

    const { access } = await runSweep(t.ctx);
    const keepFrom = new Date(now - SPENT_ACCESS_KEEP_MS);
    const pastTtl = await sql<{ n: number }>`select (
      (select count(*) from auth_challenges where expires_at < ${clock.now()})
      + (select count(*) from sessions where revoked_at < ${keepFrom} or expires_at < ${keepFrom})
      + (select count(*) from invites where used_at < ${keepFrom} or expires_at < ${keepFrom})
      + (select count(*) from role_grants where decided_at < ${keepFrom} or expires_at < ${keepFrom})
    )::int as n`.execute(t.ctx.db);
    const rowsPastTtl = pastTtl.rows[0]?.n ?? -1;
    recordFigure('rows-past-ttl', 'retention.test.ts', kind, { sweeps: 1, rowsPastTtl });
    expect(rowsPastTtl).toBe(0);
    expect(access).toEqual({ challenges: 1, sessions: 1, invites: 2, roleGrants: 2 });
    const grants = await t.ctx.db.selectFrom('role_grants').select('id').orderBy('id').execute();
    expect(grants.map((g) => g.id)).toEqual([decidedLately, waiting].sort());
    const left = await t.ctx.db.selectFrom('invites').select('id').execute();
    expect(left.map((r) => r.id)).toEqual([fresh]);
    const sessions = await t.ctx.db.selectFrom('sessions').select('id').execute();
    expect(sessions.map((s) => s.id)).toEqual([sponsor.sessionId]);
    const member = await t.ctx.db
      .selectFrom('members')
      .select('sponsor_id')
      .where('id', '=', joined.id)
      .executeTakeFirstOrThrow();
    expect(member.sponsor_id).toBe(sponsor.id);
  });
});

describe('tocsin purge', () => {
  const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../bin/tocsin.js');
  let dataDir = '';
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('runs one sweep and prints what it did', async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'tocsin-purge-'));
    const child = spawn(process.execPath, [bin, 'purge'], {
      env: { PATH: process.env.PATH ?? '', TOCSIN_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code, stderr).toBe(0);
    expect(stdout).toContain('Auto-ended 0 quiet incident(s).');
    expect(stdout).toMatch(/Purged 0 incident\(s\) past retention: 0 report\(s\), 0 photo\(s\)/);
    expect(stdout).toContain('Expired 0 plate record(s).');
    expect(stdout).toMatch(/Deleted 0 expired challenge\(s\), 0 dead session\(s\), 0 spent/);
  }, 60_000);
});
