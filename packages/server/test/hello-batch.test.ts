import { afterAll, beforeAll, expect, it } from 'vitest';
import { authenticateToken } from '../src/membership/auth/sessions.service';
import { revokeSession } from '../src/membership/auth/sessions.repository';
import { ManualClock } from '../src/platform/clock';
import { HelloBatcher, type HelloStart } from '../src/platform/realtime/hello-batch';
import {
  streamStart,
  type StreamStart,
} from '../src/rapid-response/alerts/stream/stream.repository';
import { savePreferences } from '../src/rapid-response/alerts/preferences.repository';
import { buildCity, buildMember } from './helpers/factories';
import { createTestContext, describeEachDatabase, type TestContext } from './helpers/harness';
import { streamSetup } from '../src/stream';

/** The alert topic's part of a hello's start (its preferences, shift and seq). */
const alerts = (start: HelloStart | null | undefined) => start?.starts.alerts as StreamStart;

// A reconnect storm's hellos share their statements; each still gets exactly what it would have
// got alone: the same member, roles, standing, preferences, shift and seq, or null.
describeEachDatabase('hello batching', (kind) => {
  let t: TestContext;
  const clock = new ManualClock();

  beforeAll(async () => {
    t = await createTestContext({ kind, clock });
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers many hellos at once as one at a time would', async () => {
    const { city, north } = await buildCity(t.ctx);
    const plain = await buildMember(t.ctx);
    const verifier = await buildMember(t.ctx, {
      roles: [
        { areaId: city.id, role: 'member' },
        { areaId: north.id, role: 'verifier' },
      ],
    });
    const responder = await buildMember(t.ctx, {
      roles: [{ areaId: north.id, role: 'responder' }],
    });
    await t.ctx.db
      .insertInto('responder_shifts')
      .values({
        member_id: responder.id,
        on_shift: true,
        coarse_cell: null,
        updated_at: t.ctx.clock.now(),
      })
      .execute();
    await savePreferences(
      t.ctx.db,
      verifier.id,
      { areaIds: [north.id], placeCells: [], radiusMeters: 800, minLevel: 'confirmed' },
      t.ctx.clock.now(),
    );
    const suspended = await buildMember(t.ctx, { status: 'suspended' });
    const revoked = await buildMember(t.ctx);
    await revokeSession(t.ctx.db, revoked.id, revoked.sessionId, t.ctx.clock.now());
    // A member with two devices: two sessions, two tokens.
    const second = await buildMember(t.ctx);
    const tokens = [
      plain.token,
      verifier.token,
      responder.token,
      suspended.token,
      revoked.token,
      second.token,
      plain.token,
      'x'.repeat(40),
      'short',
    ];

    const alone = [];
    for (const token of tokens) {
      const auth = await authenticateToken(t.ctx, token);
      alone.push(
        auth && {
          starts: { alerts: await streamStart(t.ctx.db, auth.principal.memberId) },
          principal: auth.principal,
        },
      );
    }
    const { authenticator, handlers } = streamSetup(t.ctx);
    const batcher = new HelloBatcher(authenticator, handlers);
    const together = await Promise.all(tokens.map((token) => batcher.start(token)));

    expect(together).toEqual(alone);
    expect(together.map((s) => s?.principal.memberId ?? null)).toEqual([
      plain.id,
      verifier.id,
      responder.id,
      null,
      null,
      second.id,
      plain.id,
      null,
      null,
    ]);
    expect(alerts(together[1])?.prefs?.radiusMeters).toBe(800);
    expect(together[1]?.principal.roles).toHaveLength(2);
    expect(alerts(together[2])?.onShift).toBe(true);
  });

  it('marks the sessions of a batch as seen, as a single hello does', async () => {
    const members = await Promise.all([buildMember(t.ctx), buildMember(t.ctx)]);
    clock.advance(5 * 60_000);
    const { authenticator, handlers } = streamSetup(t.ctx);
    const batcher = new HelloBatcher(authenticator, handlers);
    const starts = await Promise.all(members.map((m) => batcher.start(m.token)));
    expect(starts.every((s) => s !== null)).toBe(true);
    const seen = await t.ctx.db
      .selectFrom('sessions')
      .select('last_seen_at')
      .where(
        'id',
        'in',
        members.map((m) => m.sessionId),
      )
      .execute();
    expect(seen.map((s) => s.last_seen_at.getTime())).toEqual([
      t.ctx.clock.now().getTime(),
      t.ctx.clock.now().getTime(),
    ]);
  });
});
