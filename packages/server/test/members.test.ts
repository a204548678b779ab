import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../src/app';
import { buildCity, buildMember, type BuiltMember } from './helpers/factories';
import { createTestContext, describeEachDatabase, type TestContext } from './helpers/harness';
import { inviteCode, loginWithKey, registerWithInvite } from './helpers/identity';
import { setRolesCountersigned } from './helpers/roles';

type ErrorBody = { error: { code: string } };

describeEachDatabase('vouching, approval, suspension and roles', (kind) => {
  let t: TestContext;
  let app: FastifyInstance;
  let city: Awaited<ReturnType<typeof buildCity>>;
  let northOrganizer: BuiltMember;
  let southOrganizer: BuiltMember;
  let admin: BuiltMember;

  beforeAll(async () => {
    t = await createTestContext({ kind });
    app = await createApp(t.ctx);
    await app.ready();
    city = await buildCity(t.ctx);
    northOrganizer = await buildMember(t.ctx, {
      roles: [{ areaId: city.north.id, role: 'organizer' }],
    });
    southOrganizer = await buildMember(t.ctx, {
      roles: [{ areaId: city.south.id, role: 'organizer' }],
    });
    admin = await buildMember(t.ctx, { roles: [{ areaId: city.city.id, role: 'admin' }] });
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  const post = (url: string, auth: { authorization: string }, payload?: object) =>
    app.inject({ method: 'POST', url, headers: auth, ...(payload ? { payload } : {}) });
  const status = async (auth: { authorization: string }) =>
    (await app.inject({ method: 'GET', url: '/api/v1/me', headers: auth })).json<{
      status: string;
    }>().status;

  /** A new member invited by `sponsor` into `areaId`. */
  async function newcomer(sponsor: BuiltMember, areaId = city.north.id) {
    const code = await inviteCode(app, admin.auth, { areaId });
    const joined = await registerWithInvite(app, code);
    // Re-home the vouch tree: the sponsor of record is who we say.
    await t.ctx.db
      .updateTable('members')
      .set({ sponsor_id: sponsor.id })
      .where('id', '=', joined.member.id)
      .execute();
    return joined;
  }

  it('probation ends when a second active member who is not the sponsor vouches', async () => {
    const sponsor = await buildMember(t.ctx);
    const joined = await newcomer(sponsor);
    expect(await status(joined.auth)).toBe('probation');

    const bySponsor = await post(`/api/v1/members/${joined.member.id}/vouch`, sponsor.auth);
    expect(bySponsor.statusCode).toBe(403);
    expect(bySponsor.json<ErrorBody>().error.code).toBe('sponsor_cannot_vouch');

    const otherNewcomer = await buildMember(t.ctx, { status: 'probation' });
    const byProbation = await post(`/api/v1/members/${joined.member.id}/vouch`, otherNewcomer.auth);
    expect(byProbation.statusCode).toBe(403);

    const self = await post(`/api/v1/members/${joined.member.id}/vouch`, joined.auth);
    expect(self.statusCode).toBe(403);

    const voucher = await buildMember(t.ctx);
    const vouched = await post(`/api/v1/members/${joined.member.id}/vouch`, voucher.auth);
    expect(vouched.statusCode).toBe(200);
    expect(vouched.json()).toEqual({ status: 'active' });
    expect(await status(joined.auth)).toBe('active');

    const twice = await post(`/api/v1/members/${joined.member.id}/vouch`, voucher.auth);
    expect(twice.statusCode).toBe(409);
    const unknown = await post(`/api/v1/members/${crypto.randomUUID()}/vouch`, voucher.auth);
    expect(unknown.statusCode).toBe(404);
  });

  it("an organizer of the member's area approves; another area's organizer gets 404, a member 403", async () => {
    const sponsor = await buildMember(t.ctx);
    const joined = await newcomer(sponsor);
    const plain = await buildMember(t.ctx, { roles: [{ areaId: city.north.id, role: 'member' }] });
    expect((await post(`/api/v1/members/${joined.member.id}/approve`, plain.auth)).statusCode).toBe(
      403,
    );
    expect(
      (await post(`/api/v1/members/${joined.member.id}/approve`, southOrganizer.auth)).statusCode,
    ).toBe(404);
    const approved = await post(`/api/v1/members/${joined.member.id}/approve`, northOrganizer.auth);
    expect(approved.statusCode).toBe(200);
    expect(await status(joined.auth)).toBe('active');

    const second = await newcomer(sponsor, city.south.id);
    expect((await post(`/api/v1/members/${second.member.id}/approve`, admin.auth)).statusCode).toBe(
      200,
    );
  });

  it('suspension ends every session and unused invite at once, and blocks login', async () => {
    const sponsor = await buildMember(t.ctx);
    const joined = await newcomer(sponsor);
    await post(`/api/v1/members/${joined.member.id}/approve`, northOrganizer.auth);
    const otherSession = (await loginWithKey(app, joined.key)).json<{ token: string }>().token;
    const pending = await inviteCode(app, joined.auth);

    const bySouth = await post(`/api/v1/members/${joined.member.id}/suspend`, southOrganizer.auth, {
      reason: 'x',
    });
    expect(bySouth.statusCode).toBe(404);
    const suspended = await post(
      `/api/v1/members/${joined.member.id}/suspend`,
      northOrganizer.auth,
      {
        reason: 'reported sharing alerts outside',
      },
    );
    expect(suspended.statusCode).toBe(200);
    expect(suspended.json()).toEqual({
      status: 'suspended',
      sessionsRevoked: 2,
      invitesRevoked: 1,
    });

    for (const token of [joined.token, otherSession]) {
      const me = await app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(me.statusCode).toBe(401);
    }
    expect((await loginWithKey(app, joined.key)).statusCode).toBe(401);
    const useInvite = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/device/register',
      payload: {
        invite: pending,
        publicKey: (await import('./helpers/identity')).deviceKey().publicKey,
      },
    });
    expect(useInvite.statusCode).toBe(403);

    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'member.suspended')
      .execute();
    expect(
      audit.some((a) => a.target_id === joined.member.id && a.actor_id === northOrganizer.id),
    ).toBe(true);

    const reinstated = await post(
      `/api/v1/members/${joined.member.id}/reinstate`,
      northOrganizer.auth,
    );
    expect(reinstated.json()).toEqual({ status: 'active' });
    expect((await loginWithKey(app, joined.key)).statusCode).toBe(200);
  });

  it("organizers set roles in their own areas only; the admin role is the admin's to give", async () => {
    const member = await buildMember(t.ctx, { roles: [{ areaId: city.north.id, role: 'member' }] });
    const url = `/api/v1/areas/${city.north.id}/members/${member.id}/roles`;
    // Verifier and dispatcher wait for a second person: the admin countersigns.
    const set = await setRolesCountersigned(app, {
      areaId: city.north.id,
      memberId: member.id,
      roles: ['verifier', 'dispatcher'],
      by: northOrganizer.auth,
      countersigner: admin.auth,
    });
    expect(set).toEqual(['dispatcher', 'member', 'verifier']);

    const bySouth = await app.inject({
      method: 'PUT',
      url,
      headers: southOrganizer.auth,
      payload: { roles: ['organizer'] },
    });
    expect(bySouth.statusCode).toBe(403);
    const admin1 = await app.inject({
      method: 'PUT',
      url,
      headers: northOrganizer.auth,
      payload: { roles: ['admin'] },
    });
    expect(admin1.statusCode).toBe(403);
    const badRole = await app.inject({
      method: 'PUT',
      url,
      headers: northOrganizer.auth,
      payload: { roles: ['king'] },
    });
    expect(badRole.statusCode).toBe(400);
    expect(badRole.json<{ error: { message: string } }>().error.message).toMatch(/^roles\.0:/);

    const list = await app.inject({
      method: 'GET',
      url: `/api/v1/areas/${city.north.id}/members`,
      headers: northOrganizer.auth,
    });
    expect(list.statusCode).toBe(200);
    expect(
      list.json<{ id: string; roles: string[] }[]>().find((m) => m.id === member.id)?.roles,
    ).toEqual(['dispatcher', 'member', 'verifier']);
    const listBySouth = await app.inject({
      method: 'GET',
      url: `/api/v1/areas/${city.north.id}/members`,
      headers: southOrganizer.auth,
    });
    expect(listBySouth.statusCode).toBe(403);
    const listByMember = await app.inject({
      method: 'GET',
      url: `/api/v1/areas/${city.north.id}/members`,
      headers: member.auth,
    });
    expect(listByMember.statusCode).toBe(403);

    // A workplace is private: an outsider organizer gets 404 for it, not 403.
    const shopList = await app.inject({
      method: 'GET',
      url: `/api/v1/areas/${city.shop.id}/members`,
      headers: southOrganizer.auth,
    });
    expect(shopList.statusCode).toBe(404);
    const shopByParentOrganizer = await app.inject({
      method: 'GET',
      url: `/api/v1/areas/${city.shop.id}/members`,
      headers: northOrganizer.auth,
    });
    expect(shopByParentOrganizer.statusCode).toBe(200);

    const cleared = await app.inject({
      method: 'PUT',
      url,
      headers: northOrganizer.auth,
      payload: { roles: [] },
    });
    expect(cleared.json()).toEqual({ roles: [], pending: [] });
  });

  it('an organizer can bind an invite to their area and role; a member cannot', async () => {
    const member = await buildMember(t.ctx, { roles: [{ areaId: city.north.id, role: 'member' }] });
    const bound = await post('/api/v1/invites', member.auth, {
      areaId: city.north.id,
      role: 'verifier',
    });
    expect(bound.statusCode).toBe(403);
    const other = await post('/api/v1/invites', southOrganizer.auth, {
      areaId: city.north.id,
      role: 'verifier',
    });
    expect(other.statusCode).toBe(403);
    const hidden = await post('/api/v1/invites', southOrganizer.auth, { areaId: city.shop.id });
    expect(hidden.statusCode).toBe(404);
    const ok = await post('/api/v1/invites', northOrganizer.auth, {
      areaId: city.shop.id,
      role: 'responder',
    });
    expect(ok.statusCode).toBe(201);
    // Roles that need a countersign never come with an invite: the inviter is the sponsor.
    const verifierInvite = await post('/api/v1/invites', northOrganizer.auth, {
      areaId: city.shop.id,
      role: 'verifier',
    });
    expect(verifierInvite.statusCode).toBe(403);
    expect(verifierInvite.json<ErrorBody>().error.code).toBe('countersign_required');
    const adminInvite = await post('/api/v1/invites', northOrganizer.auth, { role: 'admin' });
    expect(adminInvite.statusCode).toBe(403);
    expect((await post('/api/v1/invites', admin.auth, { role: 'admin' })).statusCode).toBe(403);
  });
});
