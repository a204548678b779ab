import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../src/app';
import { ManualClock } from '../src/platform/clock';
import { loadMinneapolis, POWDERHORN } from './helpers/city';
import { buildMember, type BuiltMember } from './helpers/factories';
import { createTestContext, describeEachDatabase, type TestContext } from './helpers/harness';

// Issue 20: a quick choice is stored as its code, so every reader sees it in their language.
describeEachDatabase('quick choices stored as codes', (kind) => {
  let t: TestContext;
  let app: FastifyInstance;
  let reporter: BuiltMember;
  const clock = new ManualClock('2026-03-10T15:00:00Z');

  beforeAll(async () => {
    t = await createTestContext({ kind, clock });
    await loadMinneapolis(t.ctx);
    app = await createApp(t.ctx);
    await app.ready();
    reporter = await buildMember(t.ctx, { sponsorId: (await buildMember(t.ctx)).id });
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  const report = (payload: object) =>
    app.inject({ method: 'POST', url: '/api/v1/reports', headers: reporter.auth, payload });

  it('stores the code, keeps typed words apart, and the incident carries it', async () => {
    const response = await report({
      salute: { activityCode: 'checkpoint', activity: ' en la 38 ', location: POWDERHORN },
    });
    expect(response.statusCode, response.body).toBe(201);
    const answer = response.json<{ report: { salute: object }; incident: { id: string } }>();
    expect(answer.report.salute).toMatchObject({
      activityCode: 'checkpoint',
      activity: 'en la 38',
    });
    const row = await t.ctx.db
      .selectFrom('incidents')
      .select(['activity', 'activity_code'])
      .where('id', '=', answer.incident.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ activity: 'en la 38', activity_code: 'checkpoint' });
    const incident = await app.inject({
      method: 'GET',
      url: `/api/v1/incidents/${answer.incident.id}`,
      headers: reporter.auth,
    });
    expect(incident.json()).toMatchObject({ activityCode: 'checkpoint', activity: 'en la 38' });
  });

  it('a code alone is an activity; an unknown code is refused naming the field', async () => {
    clock.advance(3 * 3_600_000);
    const alone = await report({ salute: { activityCode: 'doors', location: POWDERHORN } });
    expect(alone.statusCode, alone.body).toBe(201);
    const bad = await report({ salute: { activityCode: 'Doors', location: POWDERHORN } });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('salute.activityCode');
  });
});
