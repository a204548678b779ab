import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildMember, type BuiltMember } from './helpers/factories';
import { POWDERHORN, POWDERHORN_100M } from './helpers/city';
import { describeEachDatabase, eventually, type TestContext } from './helpers/harness';
import { closeCityApp, openCityApp, type CityApp } from './helpers/city-app';
import { StreamClient } from './helpers/stream';

// Issue 14.4, on the stream: a member who reconnects after an unconfirmed incident was declared a
// false alarm is replayed its alerts as the outline only (no text, reporters or exact location);
// the area's verifier is replayed them in full.

const ACTIVITY = 'agents detaining a man by the lake';

describeEachDatabase('a false alarm is not replayed in full', (kind) => {
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

  it('replays the outline to members and the full alert to the verifier', async () => {
    const sponsors = [await buildMember(t.ctx), await buildMember(t.ctx), await buildMember(t.ctx)];
    const neighbor = { roles: [{ areaId: areaIds.cityId, role: 'member' as const }] };
    const a = await buildMember(t.ctx, { sponsorId: sponsors[0]!.id, ...neighbor });
    const b = await buildMember(t.ctx, { sponsorId: sponsors[1]!.id, ...neighbor });
    const c = await buildMember(t.ctx, { sponsorId: sponsors[2]!.id, ...neighbor });
    const verifier = await buildMember(t.ctx, {
      roles: [{ areaId: areaIds.powderhornId, role: 'verifier' }],
    });
    const live = await open(a, { location: POWDERHORN });
    const first = await report(b, { salute: { activity: ACTIVITY, location: POWDERHORN } });
    expect(first.statusCode, first.body).toBe(201);
    const id = first.json<{ incident: { id: string } }>().incident.id;
    const second = await report(c, { salute: { activity: ACTIVITY, location: POWDERHORN_100M } });
    expect(second.statusCode, second.body).toBe(201);
    await eventually(() => expect(live.kinds()).toContain('unconfirmed'));
    expect(JSON.stringify(live.alerts)).toContain('agents detaining');
    live.close();

    const verdict = await app.inject({
      method: 'POST',
      url: `/api/v1/incidents/${id}/verification`,
      headers: verifier.auth,
      payload: { outcome: 'false_alarm' },
    });
    expect(verdict.statusCode, verdict.body).toBe(200);

    const again = await open(a, { since: 0, location: POWDERHORN });
    await eventually(() => expect(again.kinds()).toContain('unconfirmed'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    for (const alert of again.alerts) {
      expect(JSON.stringify(alert)).not.toContain('agents detaining');
      const incident = alert.incident as { reporters: number; location: object; state: string };
      expect(incident.reporters).toBe(0);
      expect(incident.location).not.toEqual(POWDERHORN);
      expect(incident.state).toBe('false_alarm');
    }

    const staff = await open(verifier, { since: 0 });
    await eventually(() => expect(staff.alerts.length).toBeGreaterThan(0));
    expect(JSON.stringify(staff.alerts)).toContain('agents detaining');
  });
});
