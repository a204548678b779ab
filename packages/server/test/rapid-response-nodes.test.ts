import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppNodes, type AppNode, type AppNodes } from './helpers/app-nodes';
import { buildMember } from './helpers/factories';
import { FIVE_KM_AWAY, POWDERHORN, POWDERHORN_100M } from './helpers/city';
import { eventually, TEST_DATABASE_URL, TEST_NATS_URL } from './helpers/harness';
import { StreamClient } from './helpers/stream';

const available = Boolean(TEST_DATABASE_URL && TEST_NATS_URL);
const suite = available ? describe : describe.skip;
const title = available
  ? 'rapid response on two nodes (PostgreSQL + NATS JetStream)'
  : 'rapid response on two nodes (skipped: TEST_DATABASE_URL and TEST_NATS_URL are not both set)';

suite(title, () => {
  let cluster: AppNodes | undefined;
  let nodes: AppNode[] = [];
  const clients: StreamClient[] = [];
  let areaIds: AppNodes['areaIds'];

  beforeAll(async () => {
    cluster = await startAppNodes({ streamPrefix: 'TEST_RR' });
    ({ nodes, areaIds } = cluster);
  });

  afterAll(async () => {
    for (const c of clients) c.close();
    await cluster?.close();
  });

  it('reports on node A alert a socket on node B; confirmation and retraction follow it; since replays', async () => {
    const [a, b] = nodes as [(typeof nodes)[0], (typeof nodes)[0]];
    const neighbor = { roles: [{ areaId: areaIds.cityId, role: 'member' as const }] };
    const sponsors = [
      await buildMember(a.t.ctx),
      await buildMember(a.t.ctx),
      await buildMember(a.t.ctx),
    ];
    const listener = await buildMember(a.t.ctx, { sponsorId: sponsors[0]!.id, ...neighbor });
    const r1 = await buildMember(a.t.ctx, { sponsorId: sponsors[1]!.id, ...neighbor });
    const r2 = await buildMember(a.t.ctx, { sponsorId: sponsors[2]!.id, ...neighbor });
    const far = await buildMember(a.t.ctx, { sponsorId: sponsors[0]!.id, ...neighbor });
    const verifier = await buildMember(a.t.ctx, {
      roles: [{ areaId: areaIds.powderhornId, role: 'verifier' }],
    });

    const onB = await StreamClient.open(b.app, { token: listener.token, location: POWDERHORN });
    const farOnB = await StreamClient.open(b.app, { token: far.token, location: FIVE_KM_AWAY });
    clients.push(onB, farOnB);

    const post = (member: typeof r1, body: object) =>
      a.app.inject({ method: 'POST', url: '/api/v1/reports', headers: member.auth, payload: body });
    const first = await post(r1, {
      salute: { activity: 'agents detaining a man', location: POWDERHORN },
    });
    const incidentId = first.json<{ incident: { id: string } }>().incident.id;
    const second = await post(r2, {
      salute: { activity: 'agents detaining a man', location: POWDERHORN_100M },
    });
    expect(second.json()).toMatchObject({ incident: { id: incidentId, state: 'corroborated' } });
    await eventually(() => expect(onB.kinds()).toEqual(['unconfirmed']), 10_000);

    const verify = (outcome: string, by = verifier) =>
      a.app.inject({
        method: 'POST',
        url: `/api/v1/incidents/${incidentId}/verification`,
        headers: by.auth,
        payload: { outcome },
      });
    // Two independent verifiers confirm; one alone only corroborates.
    const verifier2 = await buildMember(a.t.ctx, {
      roles: [{ areaId: areaIds.powderhornId, role: 'verifier' }],
    });
    expect((await verify('confirmed', verifier2)).statusCode).toBe(200);
    expect((await verify('confirmed')).statusCode).toBe(200);
    await eventually(() => expect(onB.kinds()).toEqual(['unconfirmed', 'confirmed']), 10_000);
    onB.send({ type: 'location', location: FIVE_KM_AWAY });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await verify('false_alarm')).statusCode).toBe(200);
    await eventually(
      () => expect(onB.kinds()).toEqual(['unconfirmed', 'confirmed', 'retraction']),
      10_000,
    );
    expect(farOnB.alerts).toEqual([]);

    // Reconnect to the other node with the seq of the first alert: the rest is replayed from PostgreSQL.
    const firstSeq = onB.alerts[0]!.seq!;
    const onA = await StreamClient.open(a.app, { token: listener.token, since: firstSeq });
    clients.push(onA);
    await eventually(() => expect(onA.kinds()).toEqual(['confirmed', 'retraction']));
    expect(onA.alerts.map((m) => m.id)).toEqual(onB.alerts.slice(1).map((m) => m.id));
  });
});
