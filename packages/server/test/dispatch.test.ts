import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ManualClock } from '../src/platform/clock';
import { escalateDispatches } from '../src/rapid-response/dispatch/dispatch.service';
import { buildMember, type BuiltMember } from './helpers/factories';
import { POWDERHORN } from './helpers/city';
import { describeEachDatabase, eventually, type TestContext } from './helpers/harness';
import { closeCityApp, openCityApp, type CityApp } from './helpers/city-app';
import { StreamClient } from './helpers/stream';

/**
 * Responder positions around POWDERHORN whose coarse-cell centers lie 409, 546, 800 and 805 m
 * from the incident's cell (all within the demo pack's 1 km radius), then one 8 km away.
 */
const offsets = [
  [0, 0],
  [0, 0.008],
  [0.004, 0],
  [-0.004, 0],
  [0.07, 0],
] as const;

describeEachDatabase('dispatch of on-shift responders', (kind) => {
  let t: TestContext;
  let app: FastifyInstance;
  let clock: ManualClock;
  let powderhornId: string;
  let cityId: string;
  const streams: StreamClient[] = [];

  let city: CityApp | undefined;

  beforeAll(async () => {
    clock = new ManualClock('2026-02-03T20:00:00Z');
    city = await openCityApp(kind, clock);
    ({ t, app } = city);
    ({ powderhornId, cityId } = city.ids);
  });
  afterAll(() => closeCityApp(city, streams));

  /** Five responders of Powderhorn on shift at growing distances, each with a stream. */
  async function responders(): Promise<{ member: BuiltMember; stream: StreamClient }[]> {
    const list = [];
    for (const [dLat, dLng] of offsets) {
      const member = await buildMember(t.ctx, {
        roles: [
          { areaId: powderhornId, role: 'member' },
          { areaId: powderhornId, role: 'responder' },
        ],
      });
      const shift = await app.inject({
        method: 'PUT',
        url: '/api/v1/me/shift',
        headers: member.auth,
        payload: {
          onShift: true,
          location: { lat: POWDERHORN.lat + dLat, lng: POWDERHORN.lng + dLng },
        },
      });
      expect(shift.statusCode, shift.body).toBe(200);
      const stream = await StreamClient.open(app, { token: member.token });
      streams.push(stream);
      list.push({ member, stream });
    }
    return list;
  }

  const dispatchesOf = (s: StreamClient) =>
    s.messages.filter((m) => m.type === 'dispatch') as unknown as { id: string; state: string }[];
  const answer = (member: BuiltMember, id: string, response: string) =>
    app.inject({
      method: 'POST',
      url: `/api/v1/dispatches/${id}`,
      headers: member.auth,
      payload: { response },
    });

  async function openIncident(at = POWDERHORN) {
    const reporter = await buildMember(t.ctx, { roles: [{ areaId: cityId, role: 'member' }] });
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      headers: reporter.auth,
      payload: { salute: { activity: 'agents at a door', location: at } },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ incident: { id: string } }>().incident.id;
  }

  it('asks the three nearest in range; two accept and the third stands down; dispatchers see who goes', async () => {
    const rs = await responders();
    const incidentId = await openIncident();
    await eventually(() => {
      for (const r of rs.slice(0, 3)) expect(dispatchesOf(r.stream)).toHaveLength(1);
    });
    expect(dispatchesOf(rs[3]!.stream)).toHaveLength(0);
    expect(dispatchesOf(rs[4]!.stream)).toHaveLength(0);

    const [d0, d1, d2] = rs.slice(0, 3).map((r) => dispatchesOf(r.stream)[0]!.id);
    expect((await answer(rs[1]!.member, d0!, 'accept')).statusCode).toBe(404); // not theirs
    expect((await answer(rs[0]!.member, d0!, 'on_scene')).statusCode).toBe(409); // not accepted yet
    expect((await answer(rs[0]!.member, d0!, 'accept')).json()).toEqual({
      id: d0,
      state: 'accepted',
    });
    expect((await answer(rs[1]!.member, d1!, 'accept')).json()).toEqual({
      id: d1,
      state: 'accepted',
    });
    await eventually(() =>
      expect(dispatchesOf(rs[2]!.stream).map((m) => m.state)).toEqual(['offered', 'stood_down']),
    );
    expect((await answer(rs[2]!.member, d2!, 'accept')).statusCode).toBe(409);
    expect((await answer(rs[0]!.member, d0!, 'on_scene')).json()).toEqual({
      id: d0,
      state: 'on_scene',
    });

    const dispatcher = await buildMember(t.ctx, {
      roles: [{ areaId: powderhornId, role: 'dispatcher' }],
    });
    const detail = await app.inject({
      method: 'GET',
      url: `/api/v1/incidents/${incidentId}`,
      headers: dispatcher.auth,
    });
    expect(
      detail
        .json<{ going: { handle: string }[] }>()
        .going.map((g) => g.handle)
        .sort(),
    ).toEqual([rs[0]!.member.handle, rs[1]!.member.handle].sort());

    // A responder who accepted may verify; one who was never dispatched may not.
    const byAccepted = await app.inject({
      method: 'POST',
      url: `/api/v1/incidents/${incidentId}/verification`,
      headers: rs[1]!.member.auth,
      payload: { outcome: 'confirmed' },
    });
    expect(byAccepted.statusCode, byAccepted.body).toBe(200);
    const byOther = await app.inject({
      method: 'POST',
      url: `/api/v1/incidents/${incidentId}/verification`,
      headers: rs[3]!.member.auth,
      payload: { outcome: 'false_alarm' },
    });
    expect(byOther.statusCode).toBe(403);

    // The all clear stands down whoever is still going.
    const end = await app.inject({
      method: 'POST',
      url: `/api/v1/incidents/${incidentId}/end`,
      headers: dispatcher.auth,
      payload: {},
    });
    expect(end.statusCode).toBe(200);
    await eventually(() =>
      expect(dispatchesOf(rs[1]!.stream).map((m) => m.state)).toEqual(['offered', 'stood_down']),
    );
  });

  it('asks the next responders when nobody accepts within two minutes', async () => {
    for (const s of streams.splice(0)) s.close();
    await t.ctx.db.updateTable('responder_shifts').set({ on_shift: false }).execute();
    clock.advance(60 * 60_000); // past the merge window: the next report opens a new incident
    const rs = await responders();
    await openIncident();
    await eventually(() => expect(dispatchesOf(rs[2]!.stream)).toHaveLength(1));
    expect(await escalateDispatches(t.ctx)).toBe(0); // not yet two minutes
    clock.advance(2 * 60_000 + 1_000);
    expect(await escalateDispatches(t.ctx)).toBe(1); // the fourth; the fifth is out of range
    await eventually(() => expect(dispatchesOf(rs[3]!.stream)).toHaveLength(1));
    expect(dispatchesOf(rs[4]!.stream)).toHaveLength(0);
    const expired = await t.ctx.db
      .selectFrom('dispatches')
      .select('state')
      .where('state', '=', 'expired')
      .execute();
    expect(expired).toHaveLength(3);
  });
});
