import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildMember, type BuiltMember } from './helpers/factories';
import { FIVE_KM_AWAY, POWDERHORN, POWDERHORN_100M } from './helpers/city';
import { describeEachDatabase, eventually, type TestContext } from './helpers/harness';
import { closeCityApp, openCityApp, type CityApp } from './helpers/city-app';
import { StreamClient } from './helpers/stream';

interface Prefs {
  areaIds: string[];
  places: { cell: string; lat: number; lng: number }[];
  radiusMeters: number;
}

describeEachDatabase('home feed', (kind) => {
  let t: TestContext;
  let app: FastifyInstance;
  let ids: { cityId: string; powderhornId: string };

  let city: CityApp | undefined;

  beforeAll(async () => {
    city = await openCityApp(kind);
    ({ t, app, ids } = city);
  });
  afterAll(() => closeCityApp(city));

  const get = <T>(m: BuiltMember, url: string) =>
    app.inject({ method: 'GET', url: `/api/v1${url}`, headers: m.auth }).then((r) => {
      expect(r.statusCode, url).toBe(200);
      return r.json<T>();
    });
  const put = (m: BuiltMember, url: string, payload: object) =>
    app.inject({ method: 'PUT', url: `/api/v1${url}`, headers: m.auth, payload });
  const report = (m: BuiltMember, location: { lat: number; lng: number }) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      headers: m.auth,
      payload: { salute: { activity: 'agents', location } },
    });

  it('answers my alert settings and the incidents of my areas and places, each once', async () => {
    const me = await buildMember(t.ctx, { roles: [{ areaId: ids.cityId, role: 'member' }] });
    expect((await report(me, POWDERHORN)).statusCode).toBe(201);
    expect((await report(me, FIVE_KM_AWAY)).statusCode).toBe(201);
    // A place beside the area as well: its incidents are listed twice, the feed has them once.
    const saved = await put(me, '/me/alerts', {
      areaIds: [ids.powderhornId],
      places: [POWDERHORN_100M, FIVE_KM_AWAY],
      radiusMeters: 1000,
      minLevel: 'unconfirmed',
    });
    expect(saved.statusCode).toBe(200);

    const feed = await get<{ preferences: Prefs; incidents: { id: string }[] }>(me, '/me/feed');
    const prefs = await get<Prefs>(me, '/me/alerts');
    expect(feed.preferences).toEqual(prefs);
    // The same incidents the separate requests find, which the app used to make one by one.
    const lists = await Promise.all([
      ...prefs.areaIds.map((id) => get<{ id: string }[]>(me, `/incidents?areaId=${id}`)),
      ...prefs.places.map((p) =>
        get<{ id: string }[]>(
          me,
          `/incidents?lat=${p.lat}&lng=${p.lng}&radius=${prefs.radiusMeters}`,
        ),
      ),
    ]);
    const expected = new Set(lists.flat().map((i) => i.id));
    expect(expected.size).toBe(2);
    expect(lists.flat().length).toBeGreaterThan(expected.size);
    expect(feed.incidents.map((i) => i.id).sort()).toEqual([...expected].sort());
  });

  it('lists an unverified incident only to its reporter and the area staff', async () => {
    // In Powderhorn, over 500 m from the incidents of the test above.
    const place = { lat: 44.9445, lng: -93.2495 };
    const inArea = (m: BuiltMember) =>
      get<{ id: string }[]>(m, `/incidents?areaId=${ids.powderhornId}`);
    const near = (m: BuiltMember) =>
      get<{ id: string }[]>(m, `/incidents?lat=${place.lat}&lng=${place.lng}&radius=300`);
    const reporter = await buildMember(t.ctx, { roles: [{ areaId: ids.cityId, role: 'member' }] });
    const created = await report(reporter, place);
    expect(created.statusCode).toBe(201);
    const incidentId = created.json<{ incident: { id: string; state: string } }>().incident.id;
    expect(created.json<{ incident: { state: string } }>().incident.state).toBe('reported');

    const stranger = await buildMember(t.ctx, { roles: [{ areaId: ids.cityId, role: 'member' }] });
    const verifier = await buildMember(t.ctx, {
      roles: [{ areaId: ids.powderhornId, role: 'verifier' }],
    });
    const responder = await buildMember(t.ctx, {
      roles: [{ areaId: ids.powderhornId, role: 'responder' }],
    });
    const offShift = await buildMember(t.ctx, {
      roles: [{ areaId: ids.powderhornId, role: 'responder' }],
    });
    const shift = await put(responder, '/me/shift', { onShift: true, location: POWDERHORN });
    expect(shift.statusCode, shift.body).toBe(200);

    for (const [who, m, sees] of [
      ['reporter', reporter, true],
      ['verifier', verifier, true],
      ['on-shift responder', responder, true],
      ['off-shift responder', offShift, false],
      ['other member', stranger, false],
    ] as const) {
      for (const list of [await inArea(m), await near(m)]) {
        expect(
          list.some((i) => i.id === incidentId),
          who,
        ).toBe(sees);
      }
    }
  });

  it("makes an incident in no area the city staff's: listed to them by the city, alerted to them", async () => {
    // In Saint Paul: outside every Minneapolis neighborhood.
    const outside = { lat: 44.9537, lng: -93.09 };
    const verifier = await buildMember(t.ctx, {
      roles: [{ areaId: ids.cityId, role: 'verifier' }],
    });
    // The verifier follows the whole city.
    const follow = await put(verifier, '/me/alerts', {
      areaIds: [ids.cityId],
      places: [],
      radiusMeters: 1000,
      minLevel: 'unconfirmed',
    });
    expect(follow.statusCode, follow.body).toBe(200);
    const stranger = await buildMember(t.ctx, { roles: [{ areaId: ids.cityId, role: 'member' }] });
    const stream = await StreamClient.open(app, { token: verifier.token });
    try {
      const reporter = await buildMember(t.ctx, {
        roles: [{ areaId: ids.cityId, role: 'member' }],
      });
      const created = await report(reporter, outside);
      expect(created.statusCode).toBe(201);
      const incident = created.json<{ incident: { id: string; state: string } }>().incident;
      expect(incident.state).toBe('reported');
      const byCity = (m: BuiltMember) =>
        get<{ id: string; area: unknown }[]>(m, `/incidents?areaId=${ids.cityId}`);
      const listed = (await byCity(verifier)).find((i) => i.id === incident.id);
      expect(listed?.area).toBeNull();
      expect((await byCity(stranger)).some((i) => i.id === incident.id)).toBe(false);
      await eventually(() =>
        expect(
          stream.alerts.some((a) => a.incident?.id === incident.id && a.kind === 'reported'),
        ).toBe(true),
      );
    } finally {
      stream.close();
    }
  });

  it('is for members only', async () => {
    const anonymous = await app.inject({ method: 'GET', url: '/api/v1/me/feed' });
    expect(anonymous.statusCode).toBe(401);
  });
});
