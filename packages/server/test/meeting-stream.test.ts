import { rm } from 'node:fs/promises';
import type { MeetingSummary } from '@tocsin/core';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../src/app';
import { MEETING_STREAM_INTERVAL_MS } from '../src/organizing';
import { loadCityPack } from '../src/membership/city/city.service';
import { writeCityPack } from './helpers/city-packs';
import { buildMember, type BuiltMember } from './helpers/factories';
import {
  createTestContext,
  describeEachDatabase,
  eventually,
  type TestContext,
} from './helpers/harness';
import { meetingMessages, writeAs } from './helpers/meetings';
import { StreamClient } from './helpers/stream';

// Participants who say hello with a meeting get its live state: members of the body only, and
// at most five messages a second however many changes there are.

describeEachDatabase('meeting stream', (kind) => {
  let t: TestContext;
  let app: FastifyInstance;
  let pack: string;
  let chair: BuiltMember;
  let outsider: BuiltMember;
  const members: BuiltMember[] = [];
  let meetingId = '';
  let code = '';

  const write = (url: string, who: BuiltMember, payload: object = {}) =>
    writeAs(app, url, who, payload);

  beforeAll(async () => {
    t = await createTestContext({ kind, env: { TOCSIN_RATE_LIMIT: '1000000' } });
    app = await createApp(t.ctx);
    await app.ready();
    pack = await writeCityPack();
    await loadCityPack(t.ctx, pack);
    const snapshot = await t.ctx.areas.get();
    const north = snapshot.all.find((a) => a.slug === 'north-side')?.id ?? '';
    const south = snapshot.all.find((a) => a.slug === 'south-side')?.id ?? '';
    chair = await buildMember(t.ctx, { roles: [{ areaId: north, role: 'organizer' }] });
    outsider = await buildMember(t.ctx, { roles: [{ areaId: south, role: 'member' }] });
    for (let i = 0; i < 30; i += 1) {
      members.push(await buildMember(t.ctx, { roles: [{ areaId: north, role: 'member' }] }));
    }
    const bodies = await app.inject({ method: 'GET', url: '/api/v1/bodies', headers: chair.auth });
    const bodyId = bodies
      .json<{ id: string; areaId: string }[]>()
      .find((b) => b.areaId === north)!.id;
    const created = (await write(`/bodies/${bodyId}/meetings`, chair, {
      title: 'Live',
      startsAt: '2026-12-10T18:00:00Z',
      agenda: [{ title: 'One' }],
    })) as { meeting: MeetingSummary };
    meetingId = created.meeting.id;
    await write(`/meetings/${meetingId}/open`, chair);
    const view = await app.inject({
      method: 'GET',
      url: `/api/v1/meetings/${meetingId}`,
      headers: chair.auth,
    });
    code = view.json<{ officer: { code: string } }>().officer.code;
  });
  afterAll(async () => {
    await app.close();
    await t.close();
    await rm(pack, { recursive: true, force: true });
  });

  it('sends members the state, coalesced to at most five a second, and nothing to non-members', async () => {
    const member = await StreamClient.open(app, { token: members[0]!.token, meetingId });
    const stranger = await StreamClient.open(app, { token: outsider.token, meetingId });
    await eventually(() => expect(meetingMessages(member).length).toBeGreaterThan(0));
    const first = meetingMessages(member)[0]!;
    expect(first.meetingId).toBe(meetingId);
    expect(first.state.state).toBe('open');
    // The members' state: no check-in code, no names of who is present.
    expect(JSON.stringify(first)).not.toContain(code);
    expect(first.state).not.toHaveProperty('officer');

    const before = meetingMessages(member).length;
    const started = Date.now();
    await Promise.all(
      members.map((who) => write(`/meetings/${meetingId}/check-in`, who, { code })),
    );
    await eventually(() =>
      expect(meetingMessages(member).at(-1)?.state.attendance).toBe(members.length),
    );
    const elapsed = Date.now() - started;
    const sent = meetingMessages(member).length - before;
    // 30 changes, but no more messages than one per interval (plus the one already due).
    expect(sent).toBeLessThanOrEqual(Math.ceil(elapsed / MEETING_STREAM_INTERVAL_MS) + 1);
    expect(sent).toBeLessThan(members.length);

    await write(`/meetings/${meetingId}/speakers`, members[1]!, { kind: 'speak' });
    await eventually(() =>
      expect(
        meetingMessages(member)
          .at(-1)
          ?.state.queue.map((q) => q.member.id),
      ).toEqual([members[1]!.id]),
    );
    expect(meetingMessages(stranger)).toEqual([]);
    member.socket.close();
    stranger.socket.close();
  });

  it('follows and leaves a meeting on a live socket with `follow`; a stranger follows nothing', async () => {
    const member = await StreamClient.open(app, { token: members[2]!.token });
    const stranger = await StreamClient.open(app, { token: outsider.token });
    member.send({ type: 'follow', meetingId });
    stranger.send({ type: 'follow', meetingId });
    await eventually(() => expect(meetingMessages(member).length).toBeGreaterThan(0));
    expect(meetingMessages(member)[0]!.meetingId).toBe(meetingId);

    member.send({ type: 'follow', meetingId: null });
    await new Promise((resolve) => setTimeout(resolve, MEETING_STREAM_INTERVAL_MS * 2));
    const left = meetingMessages(member).length;
    // A change after leaving: a socket that still follows hears of it, the member's does not.
    const control = await StreamClient.open(app, { token: members[4]!.token, meetingId });
    await write(`/meetings/${meetingId}/speakers`, members[3]!, { kind: 'speak' });
    await eventually(() =>
      expect(
        meetingMessages(control)
          .at(-1)
          ?.state.queue.map((q) => q.member.id),
      ).toContain(members[3]!.id),
    );
    expect(meetingMessages(member)).toHaveLength(left);
    control.socket.close();
    expect(meetingMessages(stranger)).toEqual([]);
    member.socket.close();
    stranger.socket.close();
  });
});
