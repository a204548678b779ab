import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { currentSeq, recordDeliveries } from '../src/rapid-response/alerts/deliveries.repository';
import type * as Deliveries from '../src/rapid-response/alerts/deliveries.repository';
import { buildMember, type BuiltMember } from './helpers/factories';
import { FIVE_KM_AWAY, POWDERHORN, POWDERHORN_100M } from './helpers/city';
import { describeEachDatabase, eventually, type TestContext } from './helpers/harness';
import { closeCityApp, openCityApp, type CityApp } from './helpers/city-app';
import { StreamClient } from './helpers/stream';

// Reconnecting sockets are replayed what they missed, many at once (a reconnect storm shares its
// statements), each exactly once; and a retraction issued while a replay is under way still
// reaches the member the replay adds to the incident's log.

/** Holds the replay after it read the delivery log, until released (null: no hold). */
const gate = vi.hoisted(() => ({
  hold: null as Promise<void> | null,
  reached: () => {},
}));

vi.mock('../src/rapid-response/alerts/deliveries.repository', async (importOriginal) => {
  const original = await importOriginal<typeof Deliveries>();
  return {
    ...original,
    membersLogs: async (...args: Parameters<typeof original.membersLogs>) => {
      const logs = await original.membersLogs(...args);
      if (gate.hold) {
        gate.reached();
        await gate.hold;
      }
      return logs;
    },
  };
});

const ACTIVITY = 'agents detaining a man by the lake';

describeEachDatabase('replays after a reconnect', (kind) => {
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
    const client = await StreamClient.open(app, {
      token: member.token,
      location: POWDERHORN,
      ...hello,
    });
    clients.push(client);
    return client;
  };
  const post = (member: BuiltMember, url: string, payload: object) =>
    app.inject({ method: 'POST', url: `/api/v1${url}`, headers: member.auth, payload });
  const neighbors = async (count: number) => {
    const list: BuiltMember[] = [];
    for (let i = 0; i < count; i++) {
      const sponsor = await buildMember(t.ctx);
      list.push(
        await buildMember(t.ctx, {
          sponsorId: sponsor.id,
          roles: [{ areaId: areaIds.cityId, role: 'member' }],
        }),
      );
    }
    return list;
  };
  /** Two independent reports: an incident with its `unconfirmed` alert. */
  const sighting = async (reporters: BuiltMember[]) => {
    const first = await post(reporters[0]!, '/reports', {
      salute: { activity: ACTIVITY, location: POWDERHORN },
    });
    expect(first.statusCode, first.body).toBe(201);
    const second = await post(reporters[1]!, '/reports', {
      salute: { activity: ACTIVITY, location: POWDERHORN_100M },
    });
    expect(second.statusCode, second.body).toBe(201);
    return first.json<{ incident: { id: string } }>().incident.id;
  };
  const verifier = () =>
    buildMember(t.ctx, { roles: [{ areaId: areaIds.powderhornId, role: 'verifier' }] });
  const alertsOf = (client: StreamClient, incidentId: string) =>
    client.alerts.filter((a) => a.incident?.id === incidentId);

  it('gives each of many reconnecting sockets what it missed, once and in order', async () => {
    const [a, b, ...away] = await neighbors(22);
    const stayed = await open(a!);
    // One member reconnects from two devices.
    const twice = away[0]!;
    const before = await currentSeq(t.ctx.db);
    const id = await sighting([a!, b!]);
    await eventually(() => expect(stayed.kinds()).toContain('unconfirmed'));
    const v1 = await verifier();
    const v2 = await verifier();
    expect(
      (await post(v1, `/incidents/${id}/verification`, { outcome: 'confirmed' })).statusCode,
    ).toBe(200);
    expect(
      (await post(v2, `/incidents/${id}/verification`, { outcome: 'confirmed' })).statusCode,
    ).toBe(200);
    await eventually(() => expect(stayed.kinds()).toContain('confirmed'));

    // Everyone who was away reconnects at once.
    const back = await Promise.all([
      ...away.map((member) => open(member, { since: before })),
      open(twice, { since: before }),
    ]);
    for (const client of back)
      await eventually(() =>
        expect(alertsOf(client, id).map((m) => m.kind)).toEqual(['unconfirmed', 'confirmed']),
      );
    // Nothing more comes (no second copy), and the live one is not sent again.
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const client of back) {
      const seqs = client.alerts.map((m) => m.seq!);
      expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
      expect(alertsOf(client, id)).toHaveLength(2);
    }
    expect(alertsOf(stayed, id).map((m) => m.kind)).toEqual(['unconfirmed', 'confirmed']);

    // The replays were recorded: a false alarm now reaches every one of them.
    expect(
      (await post(v1, `/incidents/${id}/verification`, { outcome: 'false_alarm' })).statusCode,
    ).toBe(200);
    for (const client of [stayed, ...back])
      await eventually(() =>
        expect(alertsOf(client, id).map((m) => m.kind)).toContain('retraction'),
      );
  });

  it('reaches a member whose replay was between its read and its write when a retraction went out', async () => {
    const [a, b, c, watcher] = await neighbors(4);
    // The watcher is connected throughout: its copy of the retraction says the node sent it.
    const live = await open(watcher!);
    const before = await currentSeq(t.ctx.db);
    const id = await sighting([a!, b!]);
    await eventually(() => expect(alertsOf(live, id).map((m) => m.kind)).toEqual(['unconfirmed']));

    // c was away; its replay stops after reading the log (c holds nothing of this incident).
    let release = () => {};
    const reached = new Promise<void>((resolve) => (gate.reached = resolve));
    gate.hold = new Promise<void>((resolve) => (release = resolve));
    const back = await open(c!, { since: before });
    await reached;
    gate.hold = null;
    // Meanwhile the incident is declared a false alarm: the retraction goes live to everyone the
    // log holds, which is not c yet.
    const v = await verifier();
    expect(
      (await post(v, `/incidents/${id}/verification`, { outcome: 'false_alarm' })).statusCode,
    ).toBe(200);
    await eventually(() => expect(alertsOf(live, id).map((m) => m.kind)).toContain('retraction'));
    release();

    await eventually(() =>
      expect(alertsOf(back, id).map((m) => m.kind)).toEqual(['unconfirmed', 'retraction']),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(alertsOf(back, id)).toHaveLength(2);
  });

  it('replays an alert and its retraction to a member who was away for both', async () => {
    const [a, b, c, watcher] = await neighbors(4);
    const live = await open(watcher!);
    const before = await currentSeq(t.ctx.db);
    const id = await sighting([a!, b!]);
    const v = await verifier();
    const verdict = await post(v, `/incidents/${id}/verification`, { outcome: 'false_alarm' });
    expect(verdict.statusCode).toBe(200);
    await eventually(() => expect(alertsOf(live, id).map((m) => m.kind)).toContain('retraction'));
    const back = await open(c!, { since: before });
    await eventually(() =>
      expect(alertsOf(back, id).map((m) => m.kind)).toEqual(['unconfirmed', 'retraction']),
    );
  });

  it("gives a member's two devices what each missed since its own seq", async () => {
    const [a, b, m, watcher] = await neighbors(4);
    const live = await open(watcher!);
    const before = await currentSeq(t.ctx.db);
    const id = await sighting([a!, b!]);
    await eventually(() => expect(alertsOf(live, id).map((x) => x.kind)).toEqual(['unconfirmed']));
    const middle = await currentSeq(t.ctx.db);
    const v1 = await verifier();
    const v2 = await verifier();
    for (const v of [v1, v2])
      expect(
        (await post(v, `/incidents/${id}/verification`, { outcome: 'confirmed' })).statusCode,
      ).toBe(200);
    await eventually(() => expect(alertsOf(live, id).map((x) => x.kind)).toContain('confirmed'));
    const [phone, tablet] = await Promise.all([
      open(m!, { since: before }),
      open(m!, { since: middle }),
    ]);
    await eventually(() =>
      expect(alertsOf(phone, id).map((x) => x.kind)).toEqual(['unconfirmed', 'confirmed']),
    );
    await eventually(() => expect(alertsOf(tablet, id).map((x) => x.kind)).toEqual(['confirmed']));
  });

  it('records several alerts of several incidents in one write, each member once per alert', async () => {
    const [a, b, c, d, ...others] = await neighbors(7);
    // Last in this file: its incidents stay open. The second lies five kilometres away.
    const first = await sighting([a!, b!]);
    for (const [member, location] of [
      [c!, FIVE_KM_AWAY],
      [d!, { ...FIVE_KM_AWAY, lat: FIVE_KM_AWAY.lat + 0.0009 }],
    ] as const) {
      const posted = await post(member, '/reports', { salute: { activity: ACTIVITY, location } });
      expect(posted.statusCode, posted.body).toBe(201);
    }
    const second = (
      await t.ctx.db
        .selectFrom('incidents')
        .select('id')
        .where('id', '!=', first)
        .where('state', '=', 'corroborated')
        .orderBy('first_report_at', 'desc')
        .executeTakeFirstOrThrow()
    ).id;
    const alerts = await t.ctx.db
      .selectFrom('alerts')
      .select(['id', 'incident_id', 'kind', 'seq'])
      .where('incident_id', 'in', [first, second])
      .where('kind', '=', 'unconfirmed')
      .execute();
    expect(alerts).toHaveLength(2);
    const [x, y] = alerts.map((row) => ({
      alertId: row.id,
      incidentId: row.incident_id,
      kind: row.kind,
      seq: Number(row.seq),
    }));
    const counts = async () =>
      new Map(
        (
          await t.ctx.db
            .selectFrom('incidents')
            .select(['id', 'alerts_delivered'])
            .where('id', 'in', [first, second])
            .execute()
        ).map((row) => [row.id, Number(row.alerts_delivered)]),
      );
    const before = await counts();
    const [m1, m2, m3] = others.map((m) => m.id);
    const at = t.ctx.clock.now();
    expect(
      await recordDeliveries(
        t.ctx.db,
        [
          { alert: x!, memberIds: [m1!, m2!] },
          { alert: y!, memberIds: [m2!, m3!, m1!] },
          { alert: x!, memberIds: [m1!] },
          { alert: y!, memberIds: [] },
        ],
        at,
      ),
    ).toBe(5);
    // Again, with one member new to x: only that one is written.
    expect(
      await recordDeliveries(
        t.ctx.db,
        [
          { alert: x!, memberIds: [m1!, m3!] },
          { alert: y!, memberIds: [m3!] },
        ],
        at,
      ),
    ).toBe(1);
    const rows = await t.ctx.db
      .selectFrom('alert_deliveries')
      .select(['alert_id', 'member_ids'])
      .where('alert_id', 'in', [x!.alertId, y!.alertId])
      .execute();
    const members = (alertId: string) =>
      rows
        .filter((row) => row.alert_id === alertId)
        .flatMap((row) => row.member_ids)
        .filter((id) => [m1, m2, m3].includes(id))
        .sort();
    expect(members(x!.alertId)).toEqual([m1!, m2!, m3!].sort());
    expect(members(y!.alertId)).toEqual([m1!, m2!, m3!].sort());
    const after = await counts();
    expect(after.get(x!.incidentId)! - before.get(x!.incidentId)!).toBe(3);
    expect(after.get(y!.incidentId)! - before.get(y!.incidentId)!).toBe(3);
  });
});
