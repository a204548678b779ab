import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../src/app';
import { ManualClock } from '../src/platform/clock';
import { loadMinneapolis, POWDERHORN } from './helpers/city';
import { buildMember, type BuiltMember } from './helpers/factories';
import { recordFigure } from './helpers/figures';
import { createTestContext, describeEachDatabase, type TestContext } from './helpers/harness';

const DAY_MS = 86_400_000;
const PUPPETS = 20;

/**
 * Plate infiltration: one organizer and 20 verifiers they invited (roles a month old, all
 * active) approve a plate together. They list nothing, whether the incident is their own fake
 * (confirmed by an outside verifier, the worst case) or a real one reported by a neighbor.
 */
describeEachDatabase('plate infiltration', (kind) => {
  const clock = new ManualClock(new Date('2026-04-01T15:00:00Z'));
  let t: TestContext;
  let app: FastifyInstance;
  let ids: { cityId: string; powderhornId: string };
  let organizer: BuiltMember;
  let puppets: BuiltMember[];

  beforeAll(async () => {
    t = await createTestContext({ kind, clock });
    ids = await loadMinneapolis(t.ctx);
    app = await createApp(t.ctx);
    await app.ready();
    const longAgo = new Date(clock.now().getTime() - 30 * DAY_MS);
    organizer = await buildMember(t.ctx, {
      roles: [{ areaId: ids.powderhornId, role: 'organizer' }],
      grantedAt: longAgo,
    });
    puppets = [];
    for (let i = 0; i < PUPPETS; i++) {
      puppets.push(
        await buildMember(t.ctx, {
          sponsorId: organizer.id,
          roles: [{ areaId: ids.powderhornId, role: 'verifier' }],
          grantedAt: longAgo,
        }),
      );
    }
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  const outsider = (role: 'member' | 'verifier') =>
    buildMember(t.ctx, {
      roles: [{ areaId: role === 'member' ? ids.cityId : ids.powderhornId, role }],
      grantedAt: new Date(clock.now().getTime() - 30 * DAY_MS),
    });
  const send = (who: BuiltMember, method: 'GET' | 'POST', url: string, payload?: object) =>
    app.inject({ method, url, headers: who.auth, ...(payload ? { payload } : {}) });

  async function incidentWith(plate: string, reporters: BuiltMember[]): Promise<string> {
    clock.advance(3_600_000);
    let incidentId = '';
    for (const reporter of reporters) {
      const response = await send(reporter, 'POST', '/api/v1/reports', {
        salute: { activity: 'Agents at the corner', location: POWDERHORN },
        plates: [plate],
      });
      expect(response.statusCode, response.body).toBe(201);
      incidentId = response.json<{ incident: { id: string } }>().incident.id;
    }
    // Confirmation takes two verifiers independent of each other and of the reporters.
    for (let i = 0; i < 2; i++) {
      const confirmed = await send(
        await outsider('verifier'),
        'POST',
        `/api/v1/incidents/${incidentId}/verification`,
        { outcome: 'confirmed' },
      );
      expect(confirmed.statusCode, confirmed.body).toBe(200);
    }
    return incidentId;
  }

  /** Every puppet and the organizer approve; returns the last answer. */
  async function puppetsApprove(plate: string) {
    const url = `/api/v1/plates/${encodeURIComponent(plate)}/approvals`;
    let last: { listed: boolean; approvals: number } | null = null;
    for (const puppet of puppets) {
      const response = await send(puppet, 'POST', url);
      expect(response.statusCode, response.body).toBe(200);
      last = response.json();
    }
    // The organizer holds no verifier role: refused outright.
    expect((await send(organizer, 'POST', url)).statusCode).toBe(403);
    return last!;
  }

  const listed = async (plate: string) =>
    (
      await send(await outsider('member'), 'GET', `/api/v1/plates/${encodeURIComponent(plate)}`)
    ).json<{ listed: boolean }>().listed;

  it('20 puppets of one organizer list no plate, on their own fake incident or a real one', async () => {
    // Their own incident: two puppets report it (two outside verifiers even confirm it).
    await incidentWith('MN FAKE 001', puppets.slice(0, 2));
    const fake = await puppetsApprove('MN FAKE 001');
    // A neighbor's real sighting: the puppets are independent of the reporter, not of each other.
    await incidentWith('MN REAL 001', [await outsider('member')]);
    const real = await puppetsApprove('MN REAL 001');
    const listedCount = [await listed('MN FAKE 001'), await listed('MN REAL 001')].filter(
      Boolean,
    ).length;
    recordFigure('plate-infiltration', 'plate-infiltration.test.ts', kind, {
      puppets: PUPPETS,
      approvalsTried: 2 * PUPPETS,
      approvalsCounted: fake.approvals + real.approvals,
      platesListed: listedCount,
    });
    expect(fake).toEqual({ listed: false, approvals: 0 });
    expect(real).toEqual({ listed: false, approvals: 1 });
    expect(listedCount).toBe(0);

    // Control: one outside, seasoned verifier makes the real plate's second approval.
    const control = await send(
      await outsider('verifier'),
      'POST',
      `/api/v1/plates/${encodeURIComponent('MN REAL 001')}/approvals`,
    );
    expect(control.json()).toEqual({ listed: true, approvals: 2 });
    expect(await listed('MN REAL 001')).toBe(true);
    expect(await listed('MN FAKE 001')).toBe(false);
  });
});
