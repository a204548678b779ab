import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ManualClock } from '../src/platform/clock';
import { buildMember, type BuiltMember } from './helpers/factories';
import { POWDERHORN } from './helpers/city';
import { describeEachDatabase, eventually, type TestContext } from './helpers/harness';
import { closeCityApp, openCityApp, type CityApp } from './helpers/city-app';
import { StreamClient } from './helpers/stream';

/** Downtown, some 4 km north of POWDERHORN: out of the automatic dispatch radius. */
const DOWNTOWN = { lat: 44.9778, lng: -93.265 };

// ADR 0023: the dispatcher console is live for every area where one dispatches, whatever one's
// alert areas; dispatchers send and stand down responders by hand; a member's open app hears of
// their new roles or status.
describeEachDatabase('dispatcher console and live member state', (kind) => {
  let t: TestContext;
  let app: FastifyInstance;
  let powderhornId: string;
  let cityId: string;
  const streams: StreamClient[] = [];
  let city: CityApp | undefined;

  beforeAll(async () => {
    city = await openCityApp(kind, new ManualClock('2026-02-03T20:00:00Z'));
    ({ t, app } = city);
    ({ powderhornId, cityId } = city.ids);
  });
  afterAll(() => closeCityApp(city, streams));

  const open = async (member: BuiltMember) => {
    const stream = await StreamClient.open(app, { token: member.token });
    streams.push(stream);
    return stream;
  };
  const ofType = (s: StreamClient, type: string) => s.messages.filter((m) => m.type === type);
  const call = (
    member: BuiltMember,
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    payload?: unknown,
  ) =>
    app.inject({
      method,
      url: `/api/v1${url}`,
      headers: member.auth,
      ...(payload ? { payload } : {}),
    });

  async function report(at: { lat: number; lng: number }) {
    const reporter = await buildMember(t.ctx, { roles: [{ areaId: cityId, role: 'member' }] });
    const res = await call(reporter, 'POST', '/reports', {
      salute: { activity: 'agents at a door', location: at },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ incident: { id: string } }>().incident.id;
  }

  it("sends every incident move to its area's dispatchers only, whatever their alert areas", async () => {
    const dispatcher = await buildMember(t.ctx, {
      roles: [
        { areaId: powderhornId, role: 'member' },
        { areaId: powderhornId, role: 'dispatcher' },
      ],
    });
    // Alerts of no area and no place: nothing reaches this socket as an alert.
    const prefs = await call(dispatcher, 'PUT', '/me/alerts', {
      areaIds: [],
      places: [],
      radiusMeters: 300,
      minLevel: 'confirmed',
    });
    expect(prefs.statusCode, prefs.body).toBe(200);
    const probation = await buildMember(t.ctx, {
      status: 'probation',
      roles: [
        { areaId: powderhornId, role: 'member' },
        { areaId: powderhornId, role: 'dispatcher' },
      ],
    });
    const member = await buildMember(t.ctx, { roles: [{ areaId: powderhornId, role: 'member' }] });
    const [desk, onProbation, plain] = [
      await open(dispatcher),
      await open(probation),
      await open(member),
    ];

    const incidentId = await report(POWDERHORN);
    await eventually(() => {
      const live = ofType(desk, 'console') as unknown as {
        kind: string;
        incident: { id: string };
      }[];
      expect(live.map((m) => [m.kind, m.incident.id])).toEqual([['reported', incidentId]]);
    });
    expect(ofType(desk, 'alert')).toHaveLength(0);
    expect(ofType(onProbation, 'console')).toHaveLength(0);
    expect(ofType(plain, 'console')).toHaveLength(0);
  });

  it('lets a dispatcher send an on-shift responder by hand and stand them down', async () => {
    const dispatcher = await buildMember(t.ctx, {
      roles: [
        { areaId: powderhornId, role: 'member' },
        { areaId: powderhornId, role: 'dispatcher' },
      ],
    });
    const responder = await buildMember(t.ctx, {
      roles: [
        { areaId: powderhornId, role: 'member' },
        { areaId: powderhornId, role: 'responder' },
      ],
    });
    const shift = await call(responder, 'PUT', '/me/shift', { onShift: true, location: DOWNTOWN });
    expect(shift.statusCode, shift.body).toBe(200);
    const phone = await open(responder);
    const incidentId = await report(POWDERHORN);

    const board = await call(dispatcher, 'GET', `/dispatch/responders?areaId=${powderhornId}`);
    expect(board.statusCode, board.body).toBe(200);
    const listed = board
      .json<{
        responders: { memberId: string; cell: string; outline: unknown[]; dispatches: unknown[] }[];
      }>()
      .responders.find((r) => r.memberId === responder.id);
    // Too far to be asked automatically; where they are is a coarse cell, never a position.
    expect(listed?.dispatches).toEqual([]);
    expect(listed?.cell).toMatch(/^88[0-9a-f]+$/);
    expect(listed?.outline.length).toBeGreaterThanOrEqual(6);
    expect(JSON.stringify(board.json())).not.toContain(String(DOWNTOWN.lat));

    const sent = await call(dispatcher, 'POST', `/incidents/${incidentId}/dispatches`, {
      memberId: responder.id,
    });
    expect(sent.statusCode, sent.body).toBe(200);
    const { id } = sent.json<{ id: string; state: string }>();
    await eventually(() =>
      expect(
        ofType(phone, 'dispatch').map((m) => (m as unknown as { state: string }).state),
      ).toEqual(['offered']),
    );
    const again = await call(dispatcher, 'POST', `/incidents/${incidentId}/dispatches`, {
      memberId: responder.id,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ error: { code: string } }>().error.code).toBe('already_dispatched');

    // The responder may not stand themselves down: they decline instead.
    expect((await call(responder, 'POST', `/dispatches/${id}/stand-down`, {})).statusCode).toBe(
      403,
    );
    const down = await call(dispatcher, 'POST', `/dispatches/${id}/stand-down`, {});
    expect(down.json()).toEqual({ id, state: 'stood_down' });
    await eventually(() =>
      expect(
        ofType(phone, 'dispatch').map((m) => (m as unknown as { state: string }).state),
      ).toEqual(['offered', 'stood_down']),
    );
    expect((await call(dispatcher, 'POST', `/dispatches/${id}/stand-down`, {})).statusCode).toBe(
      409,
    );
    // Stood down, they can be sent again.
    const resent = await call(dispatcher, 'POST', `/incidents/${incidentId}/dispatches`, {
      memberId: responder.id,
    });
    expect(resent.json()).toEqual({ id, state: 'offered' });

    // A member who is not on shift is nobody to send.
    const off = await buildMember(t.ctx, {
      roles: [{ areaId: powderhornId, role: 'responder' }],
    });
    const nobody = await call(dispatcher, 'POST', `/incidents/${incidentId}/dispatches`, {
      memberId: off.id,
    });
    expect(nobody.statusCode).toBe(404);
  });

  it("tells a member's open app of a role grant and of an approval", async () => {
    const organizer = await buildMember(t.ctx, { roles: [{ areaId: cityId, role: 'admin' }] });
    const member = await buildMember(t.ctx, {
      status: 'probation',
      roles: [{ areaId: powderhornId, role: 'member' }],
    });
    const other = await buildMember(t.ctx, { roles: [{ areaId: powderhornId, role: 'member' }] });
    const [mine, theirs] = [await open(member), await open(other)];

    const approved = await call(organizer, 'POST', `/members/${member.id}/approve`, {});
    expect(approved.statusCode, approved.body).toBe(200);
    await eventually(() =>
      expect(ofType(mine, 'member.updated')).toEqual([
        { type: 'member.updated', change: 'activated' },
      ]),
    );
    const granted = await call(
      organizer,
      'PUT',
      `/areas/${powderhornId}/members/${member.id}/roles`,
      { roles: ['member', 'responder'] },
    );
    expect(granted.statusCode, granted.body).toBe(200);
    await eventually(() =>
      expect(
        ofType(mine, 'member.updated').map((m) => (m as unknown as { change: string }).change),
      ).toEqual(['activated', 'roles']),
    );
    expect(ofType(theirs, 'member.updated')).toHaveLength(0);
  });
});
