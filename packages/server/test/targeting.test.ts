import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ManualClock } from '../src/platform/clock';
import { buildMember, type BuiltMember } from './helpers/factories';
import { confirmByTwo } from './helpers/confirm';
import { POWDERHORN, POWDERHORN_100M } from './helpers/city';
import { describeEachDatabase, eventually, type TestContext } from './helpers/harness';
import { closeCityApp, openCityApp, type CityApp } from './helpers/city-app';
import { StreamClient } from './helpers/stream';

const DOWNTOWN = { lat: 44.9772, lng: -93.2655 };

describeEachDatabase('alert targeting, levels, merge, all clear and report limits', (kind) => {
  let t: TestContext;
  let app: FastifyInstance;
  let clock: ManualClock;
  let ids: { cityId: string; powderhornId: string };
  const streams: StreamClient[] = [];

  let city: CityApp | undefined;

  beforeAll(async () => {
    clock = new ManualClock('2026-03-10T17:00:00Z');
    city = await openCityApp(kind, clock);
    ({ t, app, ids } = city);
  });
  afterAll(() => closeCityApp(city, streams));

  const neighbor = () => ({ roles: [{ areaId: ids.cityId, role: 'member' as const }] });
  const put = (m: BuiltMember, payload: object) =>
    app.inject({ method: 'PUT', url: '/api/v1/me/alerts', headers: m.auth, payload });
  const report = (m: BuiltMember, location: { lat: number; lng: number }, activity = 'agents') =>
    app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      headers: m.auth,
      payload: { salute: { activity, location } },
    });
  const open = async (m: BuiltMember, hello: object = {}) => {
    const s = await StreamClient.open(app, { token: m.token, ...hello });
    streams.push(s);
    return s;
  };
  /** Two independent members report at `at`; returns the incident id. */
  async function corroborate(at: { lat: number; lng: number }, near: { lat: number; lng: number }) {
    const [s1, s2] = [await buildMember(t.ctx), await buildMember(t.ctx)];
    const a = await buildMember(t.ctx, { sponsorId: s1.id, ...neighbor() });
    const b = await buildMember(t.ctx, { sponsorId: s2.id, ...neighbor() });
    const first = await report(a, at);
    await report(b, near);
    return first.json<{ incident: { id: string } }>().incident.id;
  }

  it('stores places only as coarse cells and targets by area, place and minimum level', async () => {
    const byArea = await buildMember(t.ctx, neighbor());
    const byPlace = await buildMember(t.ctx, neighbor());
    const confirmedOnly = await buildMember(t.ctx, neighbor());
    const elsewhere = await buildMember(t.ctx, neighbor());
    expect(
      (
        await put(byArea, {
          areaIds: [ids.powderhornId],
          places: [],
          radiusMeters: 500,
          minLevel: 'unconfirmed',
        })
      ).statusCode,
    ).toBe(200);
    const placed = await put(byPlace, {
      areaIds: [],
      places: [{ lat: 44.94812345, lng: -93.25598765 }],
      radiusMeters: 500,
      minLevel: 'unconfirmed',
    });
    const body = placed.json<{ places: { cell: string; lat: number; lng: number }[] }>();
    expect(body.places).toHaveLength(1);
    expect(body.places[0]!.cell).toMatch(/^88/); // an H3 res-8 cell
    const stored = await t.ctx.db
      .selectFrom('alert_preferences')
      .select('place_cells')
      .where('member_id', '=', byPlace.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain('44.948');
    await put(confirmedOnly, {
      areaIds: [ids.powderhornId],
      places: [],
      radiusMeters: 500,
      minLevel: 'confirmed',
    });
    await put(elsewhere, {
      areaIds: [],
      places: [DOWNTOWN],
      radiusMeters: 300,
      minLevel: 'unconfirmed',
    });
    const bad = await put(elsewhere, {
      areaIds: [crypto.randomUUID()],
      places: [],
      radiusMeters: 500,
      minLevel: 'unconfirmed',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { message: string } }>().error.message).toBe(
      'areaIds.0: no such area',
    );
    const tooSmall = await put(elsewhere, {
      areaIds: [],
      places: [],
      radiusMeters: 100,
      minLevel: 'unconfirmed',
    });
    expect(tooSmall.statusCode).toBe(400);

    const [sArea, sPlace, sConfirmed, sElsewhere] = [
      await open(byArea),
      await open(byPlace),
      await open(confirmedOnly),
      await open(elsewhere),
    ];
    const incidentId = await corroborate(POWDERHORN, POWDERHORN_100M);
    await eventually(() => {
      expect(sArea.kinds()).toEqual(['unconfirmed']);
      expect(sPlace.kinds()).toEqual(['unconfirmed']);
    });
    const verifier = await buildMember(t.ctx, {
      roles: [{ areaId: ids.powderhornId, role: 'verifier' }],
    });
    // Two independent verifiers confirm (one alone only corroborates).
    await confirmByTwo(app, t.ctx, incidentId, ids.powderhornId, verifier);
    await eventually(() => {
      expect(sConfirmed.kinds()).toEqual(['confirmed']);
      expect(sArea.kinds()).toEqual(['unconfirmed', 'confirmed']);
    });
    // The all clear reaches everyone alerted, and only them.
    const end = await app.inject({
      method: 'POST',
      url: `/api/v1/incidents/${incidentId}/end`,
      headers: verifier.auth,
      payload: { note: 'vehicles left' },
    });
    expect(end.json()).toMatchObject({ state: 'ended' });
    await eventually(() => {
      for (const s of [sArea, sPlace, sConfirmed]) expect(s.kinds().at(-1)).toBe('all_clear');
    });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(sElsewhere.alerts).toEqual([]);
    // Ending twice is refused, naming why.
    const again = await app.inject({
      method: 'POST',
      url: `/api/v1/incidents/${incidentId}/end`,
      headers: verifier.auth,
      payload: {},
    });
    expect(again.statusCode).toBe(409);
  });

  it('a dispatcher merges a duplicate; its audience gets an update and later the retraction', async () => {
    clock.advance(60 * 60_000);
    const watcher = await buildMember(t.ctx, neighbor());
    const nearA = { lat: 44.9622, lng: -93.2745 };
    const nearB = { lat: 44.9677, lng: -93.2745 }; // ~600 m away: the clustering keeps them apart
    await put(watcher, {
      areaIds: [],
      places: [nearB],
      radiusMeters: 300,
      minLevel: 'unconfirmed',
    });
    const stream = await open(watcher);
    const a = await corroborate(nearA, { lat: 44.9625, lng: -93.2745 });
    const b = await corroborate(nearB, { lat: 44.9679, lng: -93.2745 });
    expect(a).not.toBe(b);
    await eventually(() => expect(stream.kinds()).toEqual(['unconfirmed']));
    const dispatcher = await buildMember(t.ctx, {
      roles: [{ areaId: ids.cityId, role: 'dispatcher' }],
    });
    const merged = await app.inject({
      method: 'POST',
      url: `/api/v1/incidents/${b}/merge`,
      headers: dispatcher.auth,
      payload: { into: a },
    });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(merged.json()).toEqual({
      id: b,
      state: 'merged',
      into: { id: a, state: 'corroborated' },
    });
    await eventually(() => expect(stream.kinds()).toEqual(['unconfirmed', 'update']));
    const detail = await app.inject({
      method: 'GET',
      url: `/api/v1/incidents/${a}`,
      headers: dispatcher.auth,
    });
    expect(detail.json<{ reporters: number }>().reporters).toBe(4);
    await app.inject({
      method: 'POST',
      url: `/api/v1/incidents/${a}/verification`,
      headers: dispatcher.auth,
      payload: { outcome: 'false_alarm' },
    });
    await eventually(() => expect(stream.kinds()).toEqual(['unconfirmed', 'update', 'retraction']));
    const plain = await buildMember(t.ctx, neighbor());
    const forbidden = await app.inject({
      method: 'POST',
      url: `/api/v1/incidents/${a}/merge`,
      headers: plain.auth,
      payload: { into: b },
    });
    expect(forbidden.statusCode).toBe(403);
  });

  it('limits reports per member and per sponsor family with 429 and Retry-After', async () => {
    clock.advance(60 * 60_000);
    const member = await buildMember(t.ctx, neighbor());
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 11; i++) {
      last = await report(member, { lat: 44.93 + i * 0.01, lng: -93.3 });
      statuses.push(last.statusCode);
    }
    expect(statuses.slice(0, 10).every((s) => s === 201)).toBe(true);
    expect(last?.statusCode).toBe(429);
    expect(last?.json<{ error: { code: string } }>().error.code).toBe('report_rate_limited');
    expect(Number(last?.headers['retry-after'])).toBeGreaterThan(0);
    clock.advance(11 * 60_000);
    expect((await report(member, { lat: 44.99, lng: -93.3 })).statusCode).toBe(201);

    const sponsor = await buildMember(t.ctx);
    const family: number[] = [];
    for (let i = 0; i < 41; i++) {
      const m = await buildMember(t.ctx, { sponsorId: sponsor.id, ...neighbor() });
      family.push((await report(m, { lat: 44.9, lng: -93.22 })).statusCode);
    }
    expect(family.filter((s) => s === 201)).toHaveLength(40);
    expect(family.at(-1)).toBe(429);
  });
});
