import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../src/app';
import { ManualClock } from '../src/platform/clock';
import { openSession } from '../src/membership/auth/sessions.service';
import { runSweep } from '../src/rapid-response/retention/retention.service';
import { loadMinneapolis, POWDERHORN } from './helpers/city';
import { dumpTables } from './helpers/dump';
import { buildMember, type BuiltMember } from './helpers/factories';
import { recordFigure } from './helpers/figures';
import { createTestContext, describeEachDatabase, type TestContext } from './helpers/harness';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
// 100 sweeps and about 70 production plate hashes: ~20 s on a quiet 2-core machine.

/**
 * The subpoena drill: a scripted week of a city's activity (reports, confirmations, plates
 * listed and looked up, push subscriptions, a member who leaves), then the clock moves on, the
 * retention sweep runs as the server would, and every table is dumped as a seizure would take it.
 * With the production plate hash and a plate key that is not in the database.
 */
describeEachDatabase('subpoena drill', (kind) => {
  const clock = new ManualClock(new Date('2026-03-01T15:00:00Z'));
  let t: TestContext;
  let app: FastifyInstance;
  let ids: { cityId: string; powderhornId: string };
  /** Every plate the week used, as its stored key (MN:ABC123). */
  const plates: string[] = [];

  beforeAll(async () => {
    t = await createTestContext({
      kind,
      clock,
      plateHash: 'production',
      plateKey: randomBytes(32),
    });
    ids = await loadMinneapolis(t.ctx);
    app = await createApp(t.ctx);
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  /** A session opened now: idle sessions end while the clock jumps, as they would. */
  const sessions = new Map<string, { authorization: string }>();
  const login = async (who: BuiltMember) => {
    const { token } = await openSession(t.ctx, t.ctx.db, who.id, 'device_key');
    sessions.set(who.id, { authorization: `Bearer ${token}` });
  };
  const inject = async (
    who: BuiltMember,
    method: 'GET' | 'POST',
    url: string,
    payload?: object,
  ) => {
    if (!sessions.has(who.id)) await login(who);
    const response = await app.inject({ method, url, headers: sessions.get(who.id), payload });
    expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(300);
    return response;
  };
  const sweepDaily = async (days: number) => {
    for (let d = 0; d < days; d++) {
      clock.advance(DAY_MS);
      await runSweep(t.ctx);
    }
  };
  const subscribe = (member: BuiltMember, lastUsed: Date | null) =>
    t.ctx.db
      .insertInto('push_subscriptions')
      .values({
        id: randomUUID(),
        member_id: member.id,
        endpoint: `https://push.example/${randomUUID()}`,
        p256dh: randomBytes(65).toString('base64url'),
        auth: randomBytes(16).toString('base64url'),
        created_at: clock.now(),
        last_success_at: lastUsed,
      })
      .execute();

  it('after a week and a month: no clear plate outside live reports, no row past its TTL, no member linked to a plate', async () => {
    // Set-up long before: the roles (their audit entries are past 90 days by the end).
    const admin = await buildMember(t.ctx, { roles: [{ areaId: ids.cityId, role: 'admin' }] });
    const member = () => buildMember(t.ctx, { roles: [{ areaId: ids.cityId, role: 'member' }] });
    const verifiers = [
      await buildMember(t.ctx, { roles: [{ areaId: ids.powderhornId, role: 'verifier' }] }),
      await buildMember(t.ctx, { roles: [{ areaId: ids.powderhornId, role: 'verifier' }] }),
    ];
    const residents = await Promise.all(Array.from({ length: 6 }, () => member()));
    const leaver = await member();
    await t.ctx.db
      .insertInto('audit_log')
      .values({ at: clock.now(), actor_id: admin.id, action: 'role.granted', details: null })
      .execute();
    await subscribe(leaver, null);
    await subscribe(residents[5]!, null);
    await sweepDaily(60);
    sessions.clear();

    // The week: each day two independent neighbors report a van with a plate; on odd days the
    // verifiers confirm and both verifiers approve the plate; every day people look plates up.
    for (let day = 0; day < 7; day++) {
      clock.advance(DAY_MS);
      const plate = `MN:DRL${String(day).padStart(3, '0')}`;
      const stray = `MN:STR${String(day).padStart(3, '0')}`;
      plates.push(plate, stray);
      const [a, b] = [residents[day % 5]!, residents[(day + 1) % 5]!];
      const report = await inject(a, 'POST', '/api/v1/reports', {
        salute: { activity: 'Unmarked van, two agents', location: POWDERHORN },
        plates: [plate.replace(':', ' ')],
      });
      const incidentId = report.json<{ incident: { id: string } }>().incident.id;
      clock.advance(10 * 60_000);
      await inject(b, 'POST', '/api/v1/reports', {
        salute: { activity: 'Same van, still there', location: POWDERHORN },
        plates: [plate.replace(':', ' '), stray.replace(':', ' ')],
        text: `white van ${stray.replace(':', ' ')} near the park`,
      });
      if (day % 2 === 1) {
        // Confirmation takes both verifiers (independent of each other and of the reporters).
        for (const v of verifiers) {
          await inject(v, 'POST', `/api/v1/incidents/${incidentId}/verification`, {
            outcome: 'confirmed',
          });
        }
        for (const v of verifiers) {
          await inject(v, 'POST', `/api/v1/plates/${encodeURIComponent(plate)}/approvals`);
        }
      }
      for (const asker of day <= 3 ? [residents[2]!, leaver] : [residents[2]!]) {
        await inject(asker, 'GET', `/api/v1/plates/${encodeURIComponent(plate)}`);
        await inject(asker, 'GET', `/api/v1/plates/${encodeURIComponent(stray)}`);
      }
      await subscribe(residents[day % 5]!, clock.now());
      if (day === 3) {
        await inject(admin, 'POST', `/api/v1/members/${leaver.id}/suspend`, {
          reason: 'moved away',
        });
      }
      clock.advance(5 * HOUR_MS);
      await runSweep(t.ctx);
    }

    // A month on, with the sweep running every day; then one last day of lookups and a report.
    await sweepDaily(33);
    sessions.clear();
    const last = 'MN:LAST001';
    plates.push(last);
    await inject(residents[0]!, 'POST', '/api/v1/reports', {
      salute: { activity: 'Van again', location: POWDERHORN },
      plates: ['MN LAST001'],
    });
    await inject(residents[1]!, 'GET', `/api/v1/plates/${encodeURIComponent('MN:DRL001')}`);
    await runSweep(t.ctx);

    const now = clock.now();
    const dump = await dumpTables(t.ctx);
    const settings = (await t.ctx.areas.get()).settings!;

    // 1. Clear plates: only in reports, and only reports of incidents not yet purged.
    const spellings = (key: string) => {
      const [state, body] = key.split(':') as [string, string];
      return [body, `${state} ${body}`];
    };
    const clearHits: string[] = [];
    for (const [table, rows] of Object.entries(dump)) {
      for (const row of rows) {
        const text = JSON.stringify(row);
        if (!plates.some((p) => spellings(p).some((s) => text.includes(s)))) continue;
        if (table === 'reports') continue;
        clearHits.push(table);
      }
    }
    const incidents = new Map(
      (dump.incidents ?? []).map((i) => [
        i.id as string,
        i as { purged_at: Date | null; closed_at: Date | null },
      ]),
    );
    const reportsOfPurged = (dump.reports ?? []).filter(
      (r) => incidents.get(r.incident_id as string)?.purged_at !== null,
    );

    // 2. Rows past their TTL.
    const ago = (days: number) => now.getTime() - days * DAY_MS;
    const time = (v: unknown) => (v instanceof Date ? v.getTime() : new Date(String(v)).getTime());
    const retentionMs = settings.retentionHours * HOUR_MS;
    const pastTtl = {
      plate_lookups: (dump.plate_lookups ?? []).filter(
        (r) => time(r.at) < ago(settings.keepDays.plateLookups),
      ).length,
      audit_log: (dump.audit_log ?? []).filter((r) => time(r.at) < ago(settings.keepDays.auditLog))
        .length,
      push_subscriptions: (dump.push_subscriptions ?? []).filter(
        (r) =>
          time(r.last_success_at ?? r.created_at) < ago(settings.keepDays.unusedPushSubscriptions),
      ).length,
      plates: (dump.plates ?? []).filter((r) => time(r.expires_at) <= now.getTime()).length,
      undecided_approvals: (dump.plate_approvals ?? []).filter(
        (r) => r.verifier_id !== null && time(r.approved_at) < ago(7),
      ).length,
      reports: reportsOfPurged.length,
      raw_past_retention: [...incidents.values()].filter(
        (i) =>
          i.purged_at === null &&
          i.closed_at !== null &&
          time(i.closed_at) < now.getTime() - retentionMs - 60_000,
      ).length,
      leaver_traces: ['plate_lookups', 'push_subscriptions', 'audit_log', 'plate_approvals']
        .flatMap((table) => dump[table] ?? [])
        .filter(
          (r) =>
            r.member_id === leaver.id || r.actor_id === leaver.id || r.verifier_id === leaver.id,
        ).length,
    };

    // 3. Links from a member to a plate: a row holding a plate's hash and any member's id.
    const memberIds = (dump.members ?? []).map((m) => m.id as string);
    const hashes = (dump.plates ?? []).map((p) => p.plate_hash as string);
    const links: string[] = [];
    for (const [table, rows] of Object.entries(dump)) {
      for (const row of rows) {
        const text = JSON.stringify(row);
        if (hashes.some((h) => text.includes(h)) && memberIds.some((m) => text.includes(m))) {
          links.push(table);
        }
      }
    }
    const rowsPastTtl = Object.values(pastTtl).reduce((sum, n) => sum + n, 0);
    recordFigure('subpoena-drill', 'subpoena-drill.test.ts', kind, {
      tables: Object.keys(dump).length,
      rows: Object.values(dump).reduce((sum, rows) => sum + rows.length, 0),
      platesUsed: plates.length,
      clearPlatesOutsideReports: clearHits.length,
      reportsOfPurgedIncidents: reportsOfPurged.length,
      rowsPastTtl,
      memberPlateLinks: links.length,
    });

    expect(clearHits).toEqual([]);
    expect(pastTtl).toEqual({
      plate_lookups: 0,
      audit_log: 0,
      push_subscriptions: 0,
      plates: 0,
      undecided_approvals: 0,
      reports: 0,
      raw_past_retention: 0,
      leaver_traces: 0,
    });
    expect(links).toEqual([]);
    // The drill saw something to purge and something kept: it is not vacuous.
    expect(dump.plates!.length).toBeGreaterThan(0);
    expect(dump.plate_approvals!.length).toBeGreaterThan(0);
    expect(dump.plate_lookups!.length).toBeGreaterThan(0);
    expect(dump.reports!.length).toBeGreaterThan(0);
    expect(dump.push_subscriptions!.length).toBeGreaterThan(0);
    expect(dump.audit_log!.length).toBeGreaterThan(0);
  }, 180_000);
});
