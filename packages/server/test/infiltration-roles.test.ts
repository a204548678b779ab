import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { COUNTERSIGNED_ROLES } from '@tocsin/core';
import { buildMember, type BuiltMember } from './helpers/factories';
import { POWDERHORN, POWDERHORN_100M } from './helpers/city';
import { describeEachDatabase, type TestContext } from './helpers/harness';
import { closeCityApp, openCityApp, type CityApp } from './helpers/city-app';
import { recordFigure } from './helpers/figures';
import { inviteCode, registerWithInvite } from './helpers/identity';

const PUPPETS = 20;
type Auth = { authorization: string };

// SECURITY (issue 14, findings 5 and 6): one organizer and the twenty people they invite cannot
// hand themselves a role that needs a countersign, nor confirm an incident among themselves.
describeEachDatabase('infiltration: one organizer and twenty puppets', (kind) => {
  let t: TestContext;
  let app: FastifyInstance;
  let ids: { cityId: string; powderhornId: string };
  let city: CityApp | undefined;
  let insider: BuiltMember;
  let outsideAdmin: BuiltMember;
  const puppets: { id: string; auth: Auth }[] = [];

  beforeAll(async () => {
    city = await openCityApp(kind);
    ({ t, app, ids } = city);
    outsideAdmin = await buildMember(t.ctx, { roles: [{ areaId: ids.cityId, role: 'admin' }] });
    insider = await buildMember(t.ctx, {
      roles: [{ areaId: ids.powderhornId, role: 'organizer' }],
    });
    for (let i = 0; i < PUPPETS; i++) {
      if (i < 5) {
        // Bound invites into the insider's area; the puppets are on probation until approved.
        const code = await inviteCode(app, insider.auth, { areaId: ids.powderhornId });
        const joined = await registerWithInvite(app, code);
        const approved = await post(insider.auth, `/api/v1/members/${joined.member.id}/approve`);
        expect(approved.statusCode, approved.body).toBe(200);
        puppets.push({ id: joined.member.id, auth: joined.auth });
      } else {
        // The rest as those invites leave them (registration is rate limited per address).
        const built = await buildMember(t.ctx, {
          sponsorId: insider.id,
          roles: [{ areaId: ids.powderhornId, role: 'member' }],
        });
        puppets.push({ id: built.id, auth: built.auth });
      }
    }
    const sponsors = await t.ctx.db
      .selectFrom('members')
      .select('sponsor_id')
      .where(
        'id',
        'in',
        puppets.map((p) => p.id),
      )
      .where('status', '=', 'active')
      .execute();
    expect(sponsors.map((m) => m.sponsor_id)).toEqual(puppets.map(() => insider.id));
  });
  afterAll(() => closeCityApp(city));

  const post = (auth: Auth, url: string, payload?: object) =>
    app.inject({ method: 'POST', url, headers: auth, ...(payload ? { payload } : {}) });
  const put = (auth: Auth, memberId: string, roles: string[]) =>
    app.inject({
      method: 'PUT',
      url: `/api/v1/areas/${ids.powderhornId}/members/${memberId}/roles`,
      headers: auth,
      payload: { roles },
    });
  const elevatedRolesOf = async (memberIds: string[]) =>
    t.ctx.db
      .selectFrom('area_roles')
      .select(['member_id', 'role'])
      .where('member_id', 'in', memberIds)
      .where('role', 'in', [...COUNTERSIGNED_ROLES])
      .execute();

  it('0 role grants without an outside countersign', async () => {
    const everyone = [insider.id, ...puppets.map((p) => p.id)];
    // Bound invites cannot carry a countersigned role.
    for (const role of COUNTERSIGNED_ROLES) {
      const invite = await post(insider.auth, '/api/v1/invites', {
        areaId: ids.powderhornId,
        role,
      });
      expect(invite.statusCode).toBe(403);
    }
    // The insider asks for every puppet, and for themselves: refused (sponsor, self).
    let attempts = 0;
    let refused = 0;
    for (const puppet of puppets) {
      for (const role of ['verifier', 'dispatcher', 'organizer'] as const) {
        attempts += 1;
        if ((await put(insider.auth, puppet.id, [role])).statusCode === 403) refused += 1;
      }
    }
    attempts += 1;
    if ((await put(insider.auth, insider.id, ['verifier', 'dispatcher'])).statusCode === 403) {
      refused += 1;
    }
    // Puppets ask for each other, list grants, countersign: they are no organizers.
    for (const [i, puppet] of puppets.entries()) {
      const other = puppets[(i + 1) % puppets.length]!;
      attempts += 1;
      if ((await put(puppet.auth, other.id, ['verifier'])).statusCode === 403) refused += 1;
      expect(
        (await app.inject({ method: 'GET', url: '/api/v1/role-grants', headers: puppet.auth }))
          .statusCode,
      ).toBe(403);
    }
    expect(refused).toBe(attempts);
    const grants = await t.ctx.db.selectFrom('role_grants').select('id').execute();
    const elevated = await elevatedRolesOf(puppets.map((p) => p.id));
    recordFigure('infiltration', 'infiltration-roles.test.ts: role grants', kind, {
      puppets: puppets.length,
      attempts,
      refused,
      grantsWithoutCountersign: elevated.length + grants.length,
    });
    expect(grants).toEqual([]);
    expect(elevated).toEqual([]);

    // The control: a grant asked by an outside admin and countersigned by another outsider works.
    const outsideOrganizer = await buildMember(t.ctx, {
      roles: [{ areaId: ids.powderhornId, role: 'organizer' }],
    });
    const asked = await put(outsideAdmin.auth, puppets[0]!.id, ['verifier']);
    const grantId = asked.json<{ pending: { id: string }[] }>().pending[0]!.id;
    // The insider is the puppet's sponsor: they cannot countersign it either.
    expect(
      (await post(insider.auth, `/api/v1/role-grants/${grantId}/countersign`)).statusCode,
    ).toBe(403);
    const signed = await post(outsideOrganizer.auth, `/api/v1/role-grants/${grantId}/countersign`);
    expect(signed.statusCode, signed.body).toBe(200);
    expect(await elevatedRolesOf([puppets[0]!.id])).toHaveLength(1);
    // Undo it for the next scenario.
    await put(outsideAdmin.auth, puppets[0]!.id, ['member']);
    expect(await elevatedRolesOf(everyone)).toHaveLength(1); // the insider's own
  });

  it('0 incidents confirmed by the puppets alone, even were they all verifiers', async () => {
    // The worst case: the puppets hold the verifier role already (say, from before this fix).
    await t.ctx.db
      .insertInto('area_roles')
      .values(
        puppets.map((p) => ({
          member_id: p.id,
          area_id: ids.powderhornId,
          role: 'verifier' as const,
          granted_by: insider.id,
          granted_at: t.ctx.clock.now(),
        })),
      )
      .onConflict((oc) => oc.doNothing())
      .execute();
    const places = [POWDERHORN, POWDERHORN_100M];
    const incidentIds: string[] = [];
    for (const [n, at] of places.entries()) {
      const reporter = n === 0 ? insider : puppets[n]!;
      const report = await post(reporter.auth, '/api/v1/reports', {
        id: randomUUID(),
        salute: { activity: `fake checkpoint ${n}`, location: at },
      });
      expect(report.statusCode, report.body).toBe(201);
      const incidentId = report.json<{ incident: { id: string } }>().incident.id;
      incidentIds.push(incidentId);
      for (const puppet of puppets) {
        const r = await post(puppet.auth, `/api/v1/incidents/${incidentId}/verification`, {
          outcome: 'confirmed',
        });
        // 200 while open; a confirmation never closes an incident.
        expect(r.statusCode, r.body).toBe(200);
      }
    }
    const states = await t.ctx.db
      .selectFrom('incidents')
      .select(['id', 'state', 'confirmed_at'])
      .where('id', 'in', incidentIds)
      .execute();
    const confirmed = states.filter((s) => s.state === 'confirmed' || s.confirmed_at !== null);
    recordFigure('infiltration', 'infiltration-roles.test.ts: confirmations', kind, {
      puppets: puppets.length,
      incidents: incidentIds.length,
      confirmations: puppets.length * incidentIds.length,
      confirmed: confirmed.length,
    });
    expect(confirmed).toEqual([]);

    // The control: two outside verifiers, independent of each other and of the insider, confirm.
    const outside = () =>
      buildMember(t.ctx, { roles: [{ areaId: ids.powderhornId, role: 'verifier' }] });
    for (const verifier of [await outside(), await outside()]) {
      await post(verifier.auth, `/api/v1/incidents/${incidentIds[1]}/verification`, {
        outcome: 'confirmed',
      });
    }
    const after = await t.ctx.db
      .selectFrom('incidents')
      .select('state')
      .where('id', '=', incidentIds[1]!)
      .executeTakeFirstOrThrow();
    expect(after.state).toBe('confirmed');
  });
});
