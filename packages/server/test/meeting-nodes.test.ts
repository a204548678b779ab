import type { MeetingSummary } from '@tocsin/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEETING_STREAM_INTERVAL_MS } from '../src/organizing';
import { startAppNodes, type AppNode, type AppNodes } from './helpers/app-nodes';
import { buildMember, type BuiltMember } from './helpers/factories';
import { eventually, TEST_DATABASE_URL, TEST_NATS_URL } from './helpers/harness';
import { meetingMessages, writeAs } from './helpers/meetings';
import { StreamClient } from './helpers/stream';

const available = Boolean(TEST_DATABASE_URL && TEST_NATS_URL);
const suite = available ? describe : describe.skip;
const title = available
  ? 'a meeting followed on two nodes (PostgreSQL + NATS JetStream)'
  : 'a meeting followed on two nodes (skipped: TEST_DATABASE_URL and TEST_NATS_URL are not both set)';

// A follower on node B sees the writes taken by node A: each node's feed hears `meeting.changed`.
suite(title, () => {
  let cluster: AppNodes | undefined;
  let nodes: AppNode[] = [];
  const clients: StreamClient[] = [];
  let chair: BuiltMember;
  const members: BuiltMember[] = [];
  let meetingId = '';
  let code = '';

  const write = (node: AppNode, url: string, who: BuiltMember, payload: object = {}) =>
    writeAs(node.app, url, who, payload);
  const states = (client: StreamClient) => meetingMessages(client).map((m) => m.state);
  const announced = async (node: AppNode): Promise<unknown[]> => {
    const rows = await node.t.ctx.db
      .selectFrom('outbox')
      .select(['payload'])
      .where('type', '=', 'meeting.changed')
      .execute();
    return rows.map((row): unknown =>
      typeof row.payload === 'string' ? (JSON.parse(row.payload) as unknown) : row.payload,
    );
  };

  beforeAll(async () => {
    cluster = await startAppNodes({
      streamPrefix: 'TEST_MEETINGS',
      env: { TOCSIN_RATE_LIMIT: '1000000' },
    });
    nodes = cluster.nodes;
    const area = cluster.areaIds.powderhornId;
    const a = nodes[0]!;
    chair = await buildMember(a.t.ctx, { roles: [{ areaId: area, role: 'organizer' }] });
    for (let i = 0; i < 12; i += 1) {
      members.push(await buildMember(a.t.ctx, { roles: [{ areaId: area, role: 'member' }] }));
    }
    const bodies = await a.app.inject({
      method: 'GET',
      url: '/api/v1/bodies',
      headers: chair.auth,
    });
    const bodyId = bodies
      .json<{ id: string; areaId: string | null }[]>()
      .find((b) => b.areaId === area)!.id;
    const created = (await write(a, `/bodies/${bodyId}/meetings`, chair, {
      title: 'Two nodes',
      startsAt: '2026-12-10T18:00:00Z',
      agenda: [{ title: 'One' }],
    })) as { meeting: MeetingSummary };
    meetingId = created.meeting.id;
    await write(a, `/meetings/${meetingId}/open`, chair);
    const view = await a.app.inject({
      method: 'GET',
      url: `/api/v1/meetings/${meetingId}`,
      headers: chair.auth,
    });
    code = view.json<{ officer: { code: string } }>().officer.code;
  });

  afterAll(async () => {
    for (const c of clients) c.close();
    await cluster?.close();
  });

  it('a follower on node B gets the state after a check-in and a request to speak on node A', async () => {
    const [a, b] = nodes as [AppNode, AppNode];
    const onB = await StreamClient.open(b.app, { token: members[0]!.token, meetingId });
    clients.push(onB);
    await eventually(() => expect(states(onB).at(-1)?.attendance).toBe(0), 10_000);

    await write(a, `/meetings/${meetingId}/check-in`, members[1]!, { code });
    await eventually(() => expect(states(onB).at(-1)?.attendance).toBe(1), 10_000);

    await write(a, `/meetings/${meetingId}/speakers`, members[1]!, { kind: 'speak' });
    await eventually(
      () =>
        expect(
          states(onB)
            .at(-1)
            ?.queue.map((q) => q.member.id),
        ).toEqual([members[1]!.id]),
      10_000,
    );
    // The event names the meeting and nothing else.
    const events = await announced(a);
    expect(events.length).toBeGreaterThan(0);
    for (const payload of events) expect(payload).toEqual({ meetingId });
  });

  it('announces a burst of writes at most once per interval, and B still ends on the latest state', async () => {
    const [a, b] = nodes as [AppNode, AppNode];
    const onB = await StreamClient.open(b.app, { token: members[2]!.token, meetingId });
    clients.push(onB);
    await eventually(() => expect(states(onB).length).toBeGreaterThan(0), 10_000);
    const before = (await announced(a)).length;
    const started = Date.now();
    await Promise.all(
      members.slice(2).map((who) => write(a, `/meetings/${meetingId}/check-in`, who, { code })),
    );
    await eventually(() => expect(states(onB).at(-1)?.attendance).toBe(members.length - 1), 10_000);
    const elapsed = Date.now() - started;
    const events = (await announced(a)).length - before;
    expect(events).toBeGreaterThan(0);
    // Ten check-ins; no more events than one per interval since the burst began (plus one due).
    expect(events).toBeLessThanOrEqual(Math.ceil(elapsed / MEETING_STREAM_INTERVAL_MS) + 1);
  });
});
