import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AreaStatsView } from '@tocsin/core';
import { createApp } from '../src/app';
import { ManualClock } from '../src/platform/clock';
import { runSweep } from '../src/rapid-response/retention/retention.service';
import { firstDayOf } from '../src/rapid-response/stats/stats.service';
import { FIVE_KM_AWAY, loadMinneapolis, POWDERHORN } from './helpers/city';
import { buildArea, buildMember, type BuiltMember } from './helpers/factories';
import { createTestContext, describeEachDatabase, type TestContext } from './helpers/harness';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describeEachDatabase('area statistics', (kind) => {
  let t: TestContext;
  let app: FastifyInstance;
  const clock = new ManualClock('2026-03-10T15:00:00Z');
  let areaIds: { cityId: string; powderhornId: string };
  let workplaceId: string;
  let organizer: BuiltMember;
  let admin: BuiltMember;

  const post = async (member: BuiltMember, url: string, payload: object) => {
    const response = await app.inject({ method: 'POST', url, headers: member.auth, payload });
    expect(response.statusCode, response.body).toBeLessThan(300);
    return response.json<{ incident: { id: string; state: string } }>();
  };
  const stats = (member: BuiltMember, areaId: string, query = '?days=30') =>
    app.inject({
      method: 'GET',
      url: `/api/v1/areas/${areaId}/stats${query}`,
      headers: member.auth,
    });

  /**
   * A small known month. In Powderhorn Park (and a workplace in it):
   *   I1 corroborated after 10 min, confirmed after 30, ended;
   *   I2 corroborated after 20 min, confirmed after 40, ended;
   *   I3 a false alarm 5 min after its only report;
   *   I4 (in the workplace) corroborated after 30 min, ended, never confirmed.
   * Elsewhere in the city: I5 corroborated after 6 min, still open.
   */
  beforeAll(async () => {
    t = await createTestContext({ kind, clock });
    areaIds = await loadMinneapolis(t.ctx);
    workplaceId = (await buildArea(t.ctx, { kind: 'workplace', parentId: areaIds.powderhornId }))
      .id;
    app = await createApp(t.ctx);
    await app.ready();
    organizer = await buildMember(t.ctx, {
      roles: [{ areaId: areaIds.powderhornId, role: 'organizer' }],
    });
    admin = await buildMember(t.ctx, { roles: [{ areaId: areaIds.cityId, role: 'admin' }] });
    const verifier = await buildMember(t.ctx, {
      roles: [{ areaId: areaIds.cityId, role: 'verifier' }],
    });
    // Confirming takes a second, independent verifier.
    const verifier2 = await buildMember(t.ctx, {
      roles: [{ areaId: areaIds.cityId, role: 'verifier' }],
    });
    const [s1, s2] = [await buildMember(t.ctx), await buildMember(t.ctx)];
    // Workers of the workplace: only its members may place a report there by its id.
    const worker = { roles: [{ areaId: workplaceId, role: 'member' as const }] };
    const a = await buildMember(t.ctx, { sponsorId: s1.id, ...worker });
    const b = await buildMember(t.ctx, { sponsorId: s2.id, ...worker });

    const sighting = async (
      where: { location?: object; areaId?: string },
      corroborateAfter: number | null,
    ) => {
      const place = where.location
        ? { salute: { activity: 'agents', location: where.location } }
        : { areaId: where.areaId, salute: { activity: 'agents' } };
      const { incident } = await post(a, '/api/v1/reports', place);
      if (corroborateAfter !== null) {
        clock.advance(corroborateAfter * MINUTE);
        const second = await post(b, '/api/v1/reports', place);
        expect(second.incident).toMatchObject({ id: incident.id, state: 'corroborated' });
      }
      return incident.id;
    };
    const act = async (id: string, what: 'end' | 'confirmed' | 'false_alarm') => {
      if (what === 'end') return post(verifier, `/api/v1/incidents/${id}/end`, {});
      if (what === 'confirmed') {
        await post(verifier2, `/api/v1/incidents/${id}/verification`, { outcome: what });
      }
      return post(verifier, `/api/v1/incidents/${id}/verification`, { outcome: what });
    };

    const i1 = await sighting({ location: POWDERHORN }, 10);
    clock.advance(20 * MINUTE);
    await act(i1, 'confirmed');
    await act(i1, 'end');
    clock.advance(HOUR);
    const i2 = await sighting({ location: POWDERHORN }, 20);
    clock.advance(20 * MINUTE);
    await act(i2, 'confirmed');
    await act(i2, 'end');
    clock.advance(HOUR);
    const i3 = await sighting({ location: POWDERHORN }, null);
    clock.advance(5 * MINUTE);
    await act(i3, 'false_alarm');
    clock.advance(HOUR);
    const i4 = await sighting({ areaId: workplaceId }, 30);
    await act(i4, 'end');
    clock.advance(HOUR);
    await sighting({ location: FIVE_KM_AWAY }, 6);
    // Deliveries are counted by the realtime gateway (retention.test.ts covers that path); here
    // a fixed two per incident.
    await t.ctx.db.updateTable('incidents').set({ alerts_delivered: 2 }).execute();
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  const POWDERHORN_STATS = {
    days: 30,
    incidents: 4,
    falseAlarmRate: 0.25,
    medianMinutesToCorroborate: 20,
    medianMinutesToConfirm: 35,
    alertsDelivered: 8,
    // City-wide figures: only the city's own statistics carry them.
    authFailures: null,
  };

  it('counts an area and the areas under it, with exact medians', async () => {
    const response = await stats(organizer, areaIds.powderhornId);
    expect(response.statusCode, response.body).toBe(200);
    const { series, ...totals } = response.json<AreaStatsView>();
    expect(totals).toEqual({ areaId: areaIds.powderhornId, ...POWDERHORN_STATS });
    // The charts: one line per area with incidents; every count under 5 is null, and so are
    // the rate and medians drawn from under 5 incidents (k-anon rule).
    expect(series?.days).toHaveLength(30);
    expect(series?.days.at(-1)).toBe('2026-03-10');
    expect(series?.areas.map((a) => a.areaId).sort()).toEqual(
      [areaIds.powderhornId, workplaceId].sort(),
    );
    for (const line of series?.areas ?? []) {
      expect(line.incidentsByDay).toHaveLength(30);
      expect(line.incidentsByDay.slice(0, -1).every((n) => n === 0)).toBe(true);
      expect(line.incidentsByDay.at(-1)).toBeNull();
      expect(line).toMatchObject({
        incidents: null,
        falseAlarmRate: null,
        medianMinutesToCorroborate: null,
        medianMinutesToConfirm: null,
      });
    }
    expect(series?.areas.find((a) => a.areaId === areaIds.powderhornId)?.name).toBe(
      'Powderhorn Park',
    );

    const city = await stats(admin, areaIds.cityId);
    const { series: citySeries, ...cityTotals } = city.json<AreaStatsView>();
    expect(citySeries?.areas.length).toBeGreaterThan(0);
    expect(cityTotals).toEqual({
      areaId: areaIds.cityId,
      days: 30,
      incidents: 5,
      falseAlarmRate: 0.2,
      medianMinutesToCorroborate: 15,
      medianMinutesToConfirm: 35,
      alertsDelivered: 10,
      authFailures: { recoveryFailed: 0, recoveryLocked: 0, inviteRefused: 0 },
    });

    const workplace = await stats(organizer, workplaceId);
    expect(workplace.json()).toMatchObject({
      incidents: 1,
      falseAlarmRate: 0,
      medianMinutesToCorroborate: 30,
      medianMinutesToConfirm: null,
    });
  });

  it('answers organizers of the area and admins only; a hidden workplace is not found', async () => {
    const member = await buildMember(t.ctx, {
      roles: [{ areaId: areaIds.powderhornId, role: 'member' }],
    });
    const verifier = await buildMember(t.ctx, {
      roles: [{ areaId: areaIds.powderhornId, role: 'verifier' }],
    });
    const onProbation = await buildMember(t.ctx, {
      status: 'probation',
      roles: [{ areaId: areaIds.powderhornId, role: 'organizer' }],
    });
    const elsewhere = (await t.ctx.areas.get()).all.find(
      (area) => area.kind === 'neighborhood' && area.id !== areaIds.powderhornId,
    );
    const otherOrganizer = await buildMember(t.ctx, {
      roles: [{ areaId: elsewhere!.id, role: 'organizer' }],
    });
    for (const who of [member, verifier, onProbation, otherOrganizer]) {
      expect((await stats(who, areaIds.powderhornId)).statusCode).toBe(403);
    }
    expect((await stats(organizer, areaIds.cityId)).statusCode).toBe(403);
    expect((await stats(member, workplaceId)).statusCode).toBe(404);
    expect((await stats(admin, workplaceId)).statusCode).toBe(200);
    const anonymous = await app.inject({
      method: 'GET',
      url: `/api/v1/areas/${areaIds.powderhornId}/stats`,
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('validates the window and counts only its days', async () => {
    for (const query of ['?days=0', '?days=367', '?days=x', '?days=3&extra=1']) {
      expect((await stats(organizer, areaIds.powderhornId, query)).statusCode).toBe(400);
    }
    expect((await stats(organizer, areaIds.powderhornId, '')).json()).toMatchObject({ days: 30 });
    expect(firstDayOf('2026-03-10', 1)).toBe('2026-03-10');
    expect(firstDayOf('2026-03-10', 30)).toBe('2026-02-09');
    clock.advance(2 * 24 * HOUR);
    expect((await stats(organizer, areaIds.powderhornId, '?days=2')).json()).toMatchObject({
      incidents: 0,
      medianMinutesToCorroborate: null,
    });
    expect((await stats(organizer, areaIds.powderhornId, '?days=3')).json()).toMatchObject({
      incidents: 4,
    });
  });

  it('gives the same figures after the raw reports are purged', async () => {
    clock.advance(2 * 24 * HOUR);
    const summary = await runSweep(t.ctx);
    // I5 ends (quiet) in this very sweep, so its retention has only begun.
    expect(summary).toMatchObject({ autoEnded: 1, purged: { incidents: 4 } });
    const response = await stats(organizer, areaIds.powderhornId);
    const { series, ...totals } = response.json<AreaStatsView>();
    expect(totals).toEqual({ areaId: areaIds.powderhornId, ...POWDERHORN_STATS });
    // The charts read only what an incident keeps: the same lines, two days further on.
    expect(series?.areas).toHaveLength(2);
    expect(
      series?.areas.every((a) => a.incidentsByDay.filter((n) => n === null).length === 1),
    ).toBe(true);
  });
});
