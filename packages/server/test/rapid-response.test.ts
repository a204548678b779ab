import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildMember, type BuiltMember } from './helpers/factories';
import { FIVE_KM_AWAY, POWDERHORN, POWDERHORN_100M } from './helpers/city';
import { describeEachDatabase, eventually, type TestContext } from './helpers/harness';
import { closeCityApp, openCityApp, type CityApp } from './helpers/city-app';
import { StreamClient } from './helpers/stream';

describeEachDatabase('rapid response, end to end in one process', (kind) => {
  let t: TestContext;
  let app: FastifyInstance;
  let areaIds: { cityId: string; powderhornId: string };
  let city: CityApp | undefined;
  const clients: StreamClient[] = [];

  beforeAll(async () => {
    city = await openCityApp(kind);
    ({ t, app, ids: areaIds } = city);
  });
  afterAll(() => closeCityApp(city, clients));

  const open = async (member: BuiltMember, hello: object = {}) => {
    const client = await StreamClient.open(app, { token: member.token, ...hello });
    clients.push(client);
    return client;
  };
  const report = (member: BuiltMember, body: object) =>
    app.inject({ method: 'POST', url: '/api/v1/reports', headers: member.auth, payload: body });
  const verify = (member: BuiltMember, id: string, outcome: string) =>
    app.inject({
      method: 'POST',
      url: `/api/v1/incidents/${id}/verification`,
      headers: member.auth,
      payload: { outcome },
    });

  it('two independent reports corroborate, two independent verifiers confirm, a false alarm is retracted from everyone alerted', async () => {
    const [s1, s2, s3] = [
      await buildMember(t.ctx),
      await buildMember(t.ctx),
      await buildMember(t.ctx),
    ];
    const neighbor = { roles: [{ areaId: areaIds.cityId, role: 'member' as const }] };
    const a = await buildMember(t.ctx, { sponsorId: s1.id, ...neighbor });
    const b = await buildMember(t.ctx, { sponsorId: s2.id, ...neighbor });
    const c = await buildMember(t.ctx, { sponsorId: s3.id, ...neighbor });
    const far = await buildMember(t.ctx, { sponsorId: s1.id, ...neighbor });
    const verifier = await buildMember(t.ctx, {
      roles: [{ areaId: areaIds.powderhornId, role: 'verifier' }],
    });

    const aStream = await open(a, { location: POWDERHORN });
    const farStream = await open(far, { location: FIVE_KM_AWAY });
    const staffStream = await open(verifier);

    const first = await report(b, {
      salute: { activity: 'ICE agents detaining a man', location: POWDERHORN, size: '4' },
    });
    expect(first.statusCode, first.body).toBe(201);
    const incident = first.json<{ incident: { id: string; state: string } }>().incident;
    expect(incident.state).toBe('reported');
    // Staff hear of it; members do not, not yet.
    await eventually(() => expect(staffStream.kinds()).toEqual(['reported']));

    const second = await report(c, {
      text: 'A: 3 agents detaining someone\nL: Powderhorn Park, by the lake',
      salute: { location: POWDERHORN_100M },
    });
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json()).toMatchObject({
      incident: { id: incident.id, state: 'corroborated', reporters: 2 },
    });
    await eventually(() => expect(aStream.kinds()).toEqual(['unconfirmed']));
    expect(aStream.alerts[0]?.incident).toMatchObject({
      id: incident.id,
      state: 'corroborated',
      reporters: 2,
    });

    // One verifier alone does not confirm; a second, independent one does.
    const secondVerifier = await buildMember(t.ctx, {
      roles: [{ areaId: areaIds.powderhornId, role: 'verifier' }],
    });
    const once = await verify(verifier, incident.id, 'confirmed');
    expect(once.json()).toEqual({ id: incident.id, state: 'corroborated' });
    expect((await verify(secondVerifier, incident.id, 'confirmed')).json()).toEqual({
      id: incident.id,
      state: 'confirmed',
    });
    await eventually(() => expect(aStream.kinds()).toEqual(['unconfirmed', 'confirmed']));

    aStream.send({ type: 'location', location: FIVE_KM_AWAY });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await verify(verifier, incident.id, 'false_alarm')).statusCode).toBe(200);
    await eventually(() =>
      expect(aStream.kinds()).toEqual(['unconfirmed', 'confirmed', 'retraction']),
    );

    const seqs = aStream.alerts.map((m) => m.seq ?? 0);
    expect([...seqs].sort((x, y) => x - y)).toEqual(seqs);
    expect(new Set(aStream.alerts.map((m) => m.id)).size).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(farStream.alerts).toEqual([]);

    // Reconnecting with since=0 replays exactly what A was sent, from the database.
    const again = await open(a, { since: 0 });
    await eventually(() =>
      expect(again.kinds()).toEqual(['unconfirmed', 'confirmed', 'retraction']),
    );
    expect(again.alerts.map((m) => m.id)).toEqual(aStream.alerts.map((m) => m.id));
  });

  it('twenty members invited by one sponsor reporting the same sighting never reach general members', async () => {
    const sponsor = await buildMember(t.ctx);
    const neighbor = { roles: [{ areaId: areaIds.cityId, role: 'member' as const }] };
    const listener = await buildMember(t.ctx, neighbor);
    const stream = await open(listener, { location: { lat: 44.9622, lng: -93.2745 } });
    let incidentId = '';
    for (let i = 0; i < 20; i++) {
      const sock = await buildMember(t.ctx, { sponsorId: sponsor.id, ...neighbor });
      const response = await report(sock, {
        salute: { activity: 'checkpoint', location: { lat: 44.9622, lng: -93.2745 + i * 0.0001 } },
      });
      expect(response.statusCode, response.body).toBe(201);
      const body = response.json<{ incident: { id: string; state: string } }>();
      incidentId ||= body.incident.id;
      expect(body.incident).toMatchObject({ id: incidentId, state: 'reported' });
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(stream.alerts).toEqual([]);
    const seen = await app.inject({
      method: 'GET',
      url: `/api/v1/incidents/${incidentId}`,
      headers: listener.auth,
    });
    expect(seen.statusCode).toBe(404);
  });

  it('a member on probation is on the incident but corroborates only once vouched for', async () => {
    const [s1, s2, voucher] = [
      await buildMember(t.ctx),
      await buildMember(t.ctx),
      await buildMember(t.ctx, { roles: [{ areaId: areaIds.cityId, role: 'member' }] }),
    ];
    const neighbor = { roles: [{ areaId: areaIds.cityId, role: 'member' as const }] };
    const newcomer = await buildMember(t.ctx, {
      sponsorId: s1.id,
      status: 'probation',
      ...neighbor,
    });
    const b = await buildMember(t.ctx, { sponsorId: s2.id, ...neighbor });
    // b's sibling: not independent of b, so only the newcomer can make it two.
    const c = await buildMember(t.ctx, { sponsorId: s2.id, ...neighbor });
    const at = (i: number) => ({
      salute: {
        activity: 'agents at the bus stop',
        location: { lat: 44.9175, lng: -93.2301 + i * 0.0001 },
      },
    });
    const first = await report(newcomer, at(0));
    expect(first.statusCode, first.body).toBe(201);
    const second = await report(b, at(1));
    expect(second.json<{ incident: object }>().incident).toMatchObject({
      id: first.json<{ incident: { id: string } }>().incident.id,
      state: 'reported',
      reporters: 2,
    });
    const vouched = await app.inject({
      method: 'POST',
      url: `/api/v1/members/${newcomer.id}/vouch`,
      headers: voucher.auth,
    });
    expect(vouched.statusCode, vouched.body).toBe(200);
    // Vouched for now: the newcomer's report counts when the incident next changes.
    const third = await report(c, at(2));
    expect(third.json<{ incident: object }>().incident).toMatchObject({ state: 'corroborated' });
  });

  it('reports of one new sighting arriving at once make one incident', async () => {
    const neighbor = { roles: [{ areaId: areaIds.cityId, role: 'member' as const }] };
    const members = await Promise.all(
      Array.from({ length: 8 }, async () =>
        buildMember(t.ctx, { sponsorId: (await buildMember(t.ctx)).id, ...neighbor }),
      ),
    );
    // Near Lake Nokomis, where no other test reports.
    const responses = await Promise.all(
      members.map((m, i) =>
        report(m, {
          salute: {
            activity: 'agents at the bridge',
            location: { lat: 44.9105, lng: -93.2404 + i * 0.0002 },
          },
        }),
      ),
    );
    const ids = new Set(
      responses.map((r) => {
        expect(r.statusCode, r.body).toBe(201);
        return r.json<{ incident: { id: string } }>().incident.id;
      }),
    );
    expect(ids.size).toBe(1);
  });

  it('a retried report with the same id returns the first result and creates nothing', async () => {
    const member = await buildMember(t.ctx, {
      roles: [{ areaId: areaIds.cityId, role: 'member' }],
    });
    const id = crypto.randomUUID();
    const body = {
      id,
      salute: { activity: 'van parked', location: { lat: 44.9772, lng: -93.2655 } },
      plates: ['mn abc-123'],
    };
    const first = await report(member, body);
    expect(first.statusCode).toBe(201);
    const retry = await report(member, body);
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toEqual(first.json());
    expect(first.json<{ report: { plates: string[] } }>().report.plates).toEqual(['MN ABC123']);
    const rows = await t.ctx.db.selectFrom('reports').select('id').where('id', '=', id).execute();
    expect(rows).toHaveLength(1);
  });

  it('names the missing field, and places a report by the area its location text names', async () => {
    const member = await buildMember(t.ctx, {
      roles: [{ areaId: areaIds.cityId, role: 'member' }],
    });
    const noActivity = await report(member, { salute: { location: POWDERHORN } });
    expect(noActivity.statusCode).toBe(400);
    expect(noActivity.json<{ error: { message: string } }>().error.message).toBe(
      'salute.activity: required',
    );
    const noPlace = await report(member, { salute: { activity: 'agents' } });
    expect(noPlace.statusCode).toBe(400);
    expect(noPlace.json<{ error: { message: string } }>().error.message).toBe(
      'salute.location: required',
    );
    const unknownField = await report(member, { salute: { activity: 'x', colour: 'red' } });
    expect(unknownField.statusCode).toBe(400);
    const byText = await report(member, {
      text: 'Size: 2\nActivity: questioning people\nLocation: Powderhorn Park near the lake',
    });
    expect(byText.statusCode, byText.body).toBe(201);
    const incident = await t.ctx.db
      .selectFrom('incidents')
      .select('area_id')
      .where('id', '=', byText.json<{ incident: { id: string } }>().incident.id)
      .executeTakeFirstOrThrow();
    expect(incident.area_id).toBe(areaIds.powderhornId);
  });
});
