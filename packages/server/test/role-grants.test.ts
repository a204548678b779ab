import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../src/app';
import type { ManualClock } from '../src/platform/clock';
import { operatorCountersign } from '../src/membership/members/role-grants.service';
import { buildCity, buildMember, type BuiltMember } from './helpers/factories';
import {
  createTestContext,
  describeEachDatabase,
  type DatabaseKind,
  type TestContext,
} from './helpers/harness';
import { countersign } from './helpers/roles';

type Auth = { authorization: string };
type ErrorBody = { error: { code: string } };
interface Grant {
  id: string;
  member: { id: string };
  role: string;
  kind: string;
  status: string;
  mayCountersign: boolean;
}
interface RolesAnswer {
  roles: string[];
  pending: Grant[];
}

const HOUR = 3_600_000;

function harness(kind: DatabaseKind) {
  const s = {} as {
    t: TestContext;
    app: FastifyInstance;
    city: Awaited<ReturnType<typeof buildCity>>;
  };
  beforeAll(async () => {
    s.t = await createTestContext({ kind });
    s.app = await createApp(s.t.ctx);
    await s.app.ready();
    s.city = await buildCity(s.t.ctx);
  });
  afterAll(async () => {
    await s.app.close();
    await s.t.close();
  });
  const put = (by: Auth, areaId: string, memberId: string, roles: string[]) =>
    s.app.inject({
      method: 'PUT',
      url: `/api/v1/areas/${areaId}/members/${memberId}/roles`,
      headers: by,
      payload: { roles },
    });
  const post = (by: Auth, url: string) => s.app.inject({ method: 'POST', url, headers: by });
  const rolesIn = async (memberId: string, areaId: string) =>
    (
      await s.t.ctx.db
        .selectFrom('area_roles')
        .select('role')
        .where('member_id', '=', memberId)
        .where('area_id', '=', areaId)
        .orderBy('role')
        .execute()
    ).map((r) => r.role);
  return { s, put, post, rolesIn };
}

describeEachDatabase('role grants need a second, outside person', (kind) => {
  const { s, put, post, rolesIn } = harness(kind);
  let north1: BuiltMember;
  let north2: BuiltMember;
  let south: BuiltMember;
  let admin: BuiltMember;

  beforeAll(async () => {
    const organizer = (areaId: string) =>
      buildMember(s.t.ctx, { roles: [{ areaId, role: 'organizer' }] });
    north1 = await organizer(s.city.north.id);
    north2 = await organizer(s.city.north.id);
    south = await organizer(s.city.south.id);
    admin = await buildMember(s.t.ctx, { roles: [{ areaId: s.city.city.id, role: 'admin' }] });
  });

  const newcomer = (sponsorId: string | null = null) =>
    buildMember(s.t.ctx, { sponsorId, roles: [{ areaId: s.city.north.id, role: 'member' }] });

  it('nobody raises themselves, the sponsor neither asks nor signs, the asker does not sign', async () => {
    const north = s.city.north.id;
    const self = await put(north1.auth, north, north1.id, ['organizer', 'verifier']);
    expect(self.statusCode).toBe(403);
    expect(self.json<ErrorBody>().error.code).toBe('self_grant');

    const invitee = await newcomer(north1.id);
    const bySponsor = await put(north1.auth, north, invitee.id, ['verifier']);
    expect(bySponsor.statusCode).toBe(403);
    expect(bySponsor.json<ErrorBody>().error.code).toBe('sponsor_grant');
    // Plain roles are not countersigned: the sponsor may still make them a responder.
    const responder = await put(north1.auth, north, invitee.id, ['responder']);
    expect(responder.json<RolesAnswer>()).toEqual({ roles: ['member', 'responder'], pending: [] });

    const asked = await put(north2.auth, north, invitee.id, ['responder', 'verifier']);
    expect(asked.statusCode, asked.body).toBe(200);
    const answer = asked.json<RolesAnswer>();
    expect(answer.roles).toEqual(['member', 'responder']);
    expect(answer.pending).toMatchObject([
      { role: 'verifier', kind: 'grant', status: 'pending', mayCountersign: false },
    ]);
    const grantId = answer.pending[0]!.id;
    // Asking again does not make a second grant.
    const again = await put(north2.auth, north, invitee.id, ['responder', 'verifier']);
    expect(again.json<RolesAnswer>().pending.map((g) => g.id)).toEqual([grantId]);

    const refusals: [BuiltMember, number, string][] = [
      [north2, 403, 'same_granter'],
      [north1, 403, 'sponsor_grant'],
      [invitee, 403, 'organizer_only'],
      [south, 404, 'not_found'],
    ];
    for (const [who, status, code] of refusals) {
      const r = await countersign(s.app, grantId, who.auth);
      expect(r.statusCode, r.body).toBe(status);
      expect(r.json<ErrorBody>().error.code).toBe(code);
    }
    expect(await rolesIn(invitee.id, north)).toEqual(['member', 'responder']);

    const seen = await s.app.inject({
      method: 'GET',
      url: '/api/v1/role-grants',
      headers: admin.auth,
    });
    expect(seen.json<Grant[]>().find((g) => g.id === grantId)).toMatchObject({
      mayCountersign: true,
    });
    const bySouth = await s.app.inject({
      method: 'GET',
      url: '/api/v1/role-grants',
      headers: south.auth,
    });
    expect(bySouth.json<Grant[]>().map((g) => g.id)).not.toContain(grantId);

    const signed = await countersign(s.app, grantId, admin.auth);
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json<Grant>()).toMatchObject({ id: grantId, status: 'countersigned' });
    expect(await rolesIn(invitee.id, north)).toEqual(['member', 'responder', 'verifier']);
    expect((await countersign(s.app, grantId, admin.auth)).statusCode).toBe(409);
  });

  it('a grant refused, withdrawn or left 72 hours does nothing', async () => {
    const north = s.city.north.id;
    const a = await newcomer();
    const ask = async () =>
      (await put(north2.auth, north, a.id, ['dispatcher'])).json<RolesAnswer>().pending[0]!.id;

    const refused = await post(admin.auth, `/api/v1/role-grants/${await ask()}/refuse`);
    expect(refused.json<Grant>().status).toBe('refused');
    const withdrawn = await post(north2.auth, `/api/v1/role-grants/${await ask()}/refuse`);
    expect(withdrawn.json<Grant>().status).toBe('withdrawn');
    // Setting roles without it withdraws a pending grant too.
    const dropped = await ask();
    expect((await put(north2.auth, north, a.id, ['member'])).json<RolesAnswer>().pending).toEqual(
      [],
    );
    expect((await countersign(s.app, dropped, north1.auth)).statusCode).toBe(409);

    const lapsing = await ask();
    (s.t.ctx.clock as ManualClock).advance(72 * HOUR);
    const late = await countersign(s.app, lapsing, north1.auth);
    expect(late.statusCode).toBe(410);
    expect(late.json<ErrorBody>().error.code).toBe('grant_expired');
    const list = await s.app.inject({
      method: 'GET',
      url: '/api/v1/role-grants',
      headers: admin.auth,
    });
    expect(list.json<Grant[]>().map((g) => g.id)).not.toContain(lapsing);
    expect(await rolesIn(a.id, north)).toEqual(['member']);
  });

  it('only an admin touches the admin role; removing another admin takes a second admin', async () => {
    const cityId = s.city.city.id;
    const cityOrganizer = await buildMember(s.t.ctx, {
      roles: [{ areaId: cityId, role: 'organizer' }],
    });
    const admin2 = await buildMember(s.t.ctx, { roles: [{ areaId: cityId, role: 'admin' }] });
    const admin3 = await buildMember(s.t.ctx, { roles: [{ areaId: cityId, role: 'admin' }] });
    // A city organizer can remove no admin (finding 5).
    const byOrganizer = await put(cityOrganizer.auth, cityId, admin.id, []);
    expect(byOrganizer.statusCode).toBe(403);
    expect(byOrganizer.json<ErrorBody>().error.code).toBe('admin_only');
    expect(await rolesIn(admin.id, cityId)).toEqual(['admin']);
    // Nor make themselves or anyone an admin.
    expect((await put(cityOrganizer.auth, cityId, cityOrganizer.id, ['admin'])).statusCode).toBe(
      403,
    );

    // Nor can one admin remove another by suspending them: the admin role goes first.
    const suspension = await s.app.inject({
      method: 'POST',
      url: `/api/v1/members/${admin3.id}/suspend`,
      headers: admin2.auth,
      payload: { reason: 'a quarrel' },
    });
    expect(suspension.statusCode, suspension.body).toBe(409);
    expect(suspension.json<ErrorBody>().error.code).toBe('admin_role_first');

    const removal = await put(admin2.auth, cityId, admin3.id, []);
    expect(removal.statusCode, removal.body).toBe(200);
    const pending = removal.json<RolesAnswer>().pending;
    expect(pending).toMatchObject([{ role: 'admin', kind: 'revoke', status: 'pending' }]);
    expect(await rolesIn(admin3.id, cityId)).toEqual(['admin']);
    expect((await countersign(s.app, pending[0]!.id, admin3.auth)).statusCode).toBe(403);
    expect((await countersign(s.app, pending[0]!.id, cityOrganizer.auth)).statusCode).toBe(403);
    expect((await countersign(s.app, pending[0]!.id, admin.auth)).statusCode).toBe(200);
    expect(await rolesIn(admin3.id, cityId)).toEqual([]);
    // Once the role is gone, suspension is an ordinary one.
    const later = await s.app.inject({
      method: 'POST',
      url: `/api/v1/members/${admin3.id}/suspend`,
      headers: admin2.auth,
      payload: { reason: 'a quarrel' },
    });
    expect(later.statusCode, later.body).toBe(200);

    // Stepping down is one's own decision, while another admin stays.
    const stepDown = await put(admin2.auth, cityId, admin2.id, []);
    expect(stepDown.json<RolesAnswer>()).toEqual({ roles: [], pending: [] });
  });
});

describeEachDatabase('the last admin, and the operator as second person', (kind) => {
  const { s, put, rolesIn } = harness(kind);

  it('the last admin cannot step down; the operator countersigns only while nobody else can', async () => {
    const cityId = s.city.city.id;
    const north = s.city.north.id;
    const admin = await buildMember(s.t.ctx, { roles: [{ areaId: cityId, role: 'admin' }] });
    const last = await put(admin.auth, cityId, admin.id, []);
    expect(last.statusCode).toBe(409);
    expect(last.json<ErrorBody>().error.code).toBe('last_admin');

    // A member someone else invited; the lone admin asks, nobody in the city could countersign.
    const inviter = await buildMember(s.t.ctx);
    const x = await buildMember(s.t.ctx, { sponsorId: inviter.id });
    const asked = (await put(admin.auth, north, x.id, ['organizer'])).json<RolesAnswer>();
    const grantId = asked.pending[0]!.id;
    const byOperator = await operatorCountersign(s.t.ctx, grantId);
    expect(byOperator.status).toBe('countersigned');
    expect(await rolesIn(x.id, north)).toEqual(['member', 'organizer']);
    const row = await s.t.ctx.db
      .selectFrom('role_grants')
      .select(['decided_via', 'decided_by'])
      .where('id', '=', grantId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ decided_via: 'operator', decided_by: null });

    // Now there is an organizer: they are the second person, not the operator.
    const y = await buildMember(s.t.ctx, { sponsorId: inviter.id });
    const next = (await put(admin.auth, north, y.id, ['verifier'])).json<RolesAnswer>();
    await expect(operatorCountersign(s.t.ctx, next.pending[0]!.id)).rejects.toMatchObject({
      status: 403,
      code: 'second_person_exists',
    });
    expect(await rolesIn(y.id, north)).toEqual(['member']);
  });
});
