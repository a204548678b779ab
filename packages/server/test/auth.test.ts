import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../src/app';
import { ManualClock } from '../src/platform/clock';
import { createBootstrapInvite } from '../src/membership/invites/invites.service';
import { buildCity, buildMember } from './helpers/factories';
import { createTestContext, describeEachDatabase, type TestContext } from './helpers/harness';
import { deviceKey, inviteCode, loginWithKey, registerWithInvite } from './helpers/identity';

const MINUTE = 60_000;
const DAY = 86_400_000;

describeEachDatabase('device keys, sessions and recovery', (kind) => {
  let t: TestContext;
  let app: FastifyInstance;
  let clock: ManualClock;
  let city: Awaited<ReturnType<typeof buildCity>>;

  beforeAll(async () => {
    clock = new ManualClock('2026-01-20T15:00:00Z');
    t = await createTestContext({ kind, clock });
    app = await createApp(t.ctx);
    await app.ready();
    city = await buildCity(t.ctx);
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it('the bootstrap invite makes an active admin; /me follows the contract', async () => {
    const invite = await createBootstrapInvite(t.ctx, 'http://127.0.0.1:8080');
    expect(invite.url).toBe(`http://127.0.0.1:8080/join#${invite.code}`);
    const admin = await registerWithInvite(app, invite.code);
    expect(admin.member.handle).toMatch(/^[a-z]+-[a-z]+-\d{4}$/);
    expect(admin.recoveryCodes).toHaveLength(10);
    expect(new Set(admin.recoveryCodes).size).toBe(10);
    const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers: admin.auth });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      id: admin.member.id,
      handle: admin.member.handle,
      status: 'active',
      sponsorId: null,
      roles: [
        { areaId: city.city.id, role: 'admin' },
        { areaId: city.city.id, role: 'member' },
      ].sort((a, b) => a.role.localeCompare(b.role)),
    });
    // Single use.
    const again = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/device/register',
      payload: { invite: invite.code, publicKey: deviceKey().publicKey },
    });
    expect(again.statusCode).toBe(403);
    expect(again.json()).toEqual({
      error: { code: 'invite_invalid', message: 'This invite cannot be used' },
    });
  });

  it('an invited member starts on probation under their sponsor, with the invite area', async () => {
    const sponsor = await buildMember(t.ctx, {
      roles: [{ areaId: city.north.id, role: 'organizer' }],
    });
    const code = await inviteCode(app, sponsor.auth, { areaId: city.north.id, role: 'responder' });
    const joined = await registerWithInvite(app, code);
    const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers: joined.auth });
    expect(me.json()).toMatchObject({ status: 'probation', sponsorId: sponsor.id });
    expect(
      me
        .json<{ roles: { role: string }[] }>()
        .roles.map((r) => r.role)
        .sort(),
    ).toEqual(['member', 'responder']);
  });

  it('invites expire after 7 days', async () => {
    const sponsor = await buildMember(t.ctx);
    const code = await inviteCode(app, sponsor.auth);
    clock.advance(7 * DAY + MINUTE);
    const late = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/device/register',
      payload: { invite: code, publicKey: deviceKey().publicKey },
    });
    expect(late.statusCode).toBe(403);
    expect(late.json<{ error: { code: string } }>().error.code).toBe('invite_invalid');
  });

  it('members have a quota of 5 invites per 7 days; probation members cannot invite', async () => {
    const member = await buildMember(t.ctx);
    for (let i = 0; i < 5; i++) await inviteCode(app, member.auth);
    const sixth = await app.inject({
      method: 'POST',
      url: '/api/v1/invites',
      headers: member.auth,
      payload: {},
    });
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json<{ error: { code: string } }>().error.code).toBe('invite_quota');
    expect(Number(sixth.headers['retry-after'])).toBeGreaterThan(6 * 86_400);
    clock.advance(7 * DAY + MINUTE);
    await inviteCode(app, member.auth);

    const newcomer = await buildMember(t.ctx, { status: 'probation' });
    const refused = await app.inject({
      method: 'POST',
      url: '/api/v1/invites',
      headers: newcomer.auth,
      payload: {},
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json<{ error: { code: string } }>().error.code).toBe('probation');
  });

  it('logs in with a signed single-use challenge and sets a strict __Host- cookie', async () => {
    const sponsor = await buildMember(t.ctx);
    const joined = await registerWithInvite(app, await inviteCode(app, sponsor.auth));
    const login = await loginWithKey(app, joined.key);
    expect(login.statusCode).toBe(200);
    const { token } = login.json<{ token: string }>();
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16);
    const cookie = String(login.headers['set-cookie']);
    expect(cookie).toMatch(/^__Host-tocsin=/);
    for (const attr of ['Secure', 'HttpOnly', 'SameSite=Strict', 'Path=/'])
      expect(cookie).toContain(attr);
    const viaCookie = await app.inject({
      method: 'GET',
      url: '/api/v1/me',
      cookies: { '__Host-tocsin': token },
    });
    expect(viaCookie.json<{ id: string }>().id).toBe(joined.member.id);
    // The token is stored only as a keyed hash.
    const rows = await t.ctx.db.selectFrom('sessions').select('token_hash').execute();
    expect(rows.some((r) => r.token_hash === token)).toBe(false);
  });

  it('refuses reused, expired, forged and unknown-key logins with one identical answer', async () => {
    const sponsor = await buildMember(t.ctx);
    const joined = await registerWithInvite(app, await inviteCode(app, sponsor.auth));
    const ask = async (publicKey: string) =>
      (
        await app.inject({
          method: 'POST',
          url: '/api/v1/auth/device/challenge',
          payload: { publicKey },
        })
      ).json<{ challenge: string }>().challenge;
    const login = (publicKey: string, challenge: string, signature: string) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/auth/device/login',
        payload: { publicKey, challenge, signature },
      });

    const challenge = await ask(joined.key.publicKey);
    expect(
      (await login(joined.key.publicKey, challenge, joined.key.sign(challenge))).statusCode,
    ).toBe(200);
    const reused = await login(joined.key.publicKey, challenge, joined.key.sign(challenge));

    const stale = await ask(joined.key.publicKey);
    clock.advance(2 * MINUTE + 1000);
    const expired = await login(joined.key.publicKey, stale, joined.key.sign(stale));

    const forgedChallenge = await ask(joined.key.publicKey);
    const forged = await login(
      joined.key.publicKey,
      forgedChallenge,
      deviceKey().sign(forgedChallenge),
    );
    // A failed attempt uses the challenge up: the right signature afterwards fails too.
    const afterForgery = await login(
      joined.key.publicKey,
      forgedChallenge,
      joined.key.sign(forgedChallenge),
    );

    const stranger = deviceKey();
    const strangerChallenge = await ask(stranger.publicKey);
    expect(strangerChallenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const unknown = await login(
      stranger.publicKey,
      strangerChallenge,
      stranger.sign(strangerChallenge),
    );

    for (const failed of [reused, expired, forged, afterForgery, unknown]) {
      expect(failed.statusCode).toBe(401);
      expect(failed.json()).toEqual({ error: { code: 'login_failed', message: 'Login failed' } });
    }
  });

  it('rejects a malformed public key naming the field', async () => {
    const bad = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/device/challenge',
      payload: { publicKey: 'AAAA' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { message: string } }>().error.message).toMatch(/^publicKey:/);
  });

  it('sessions end after the idle timeout and the absolute timeout', async () => {
    const idle = await buildMember(t.ctx);
    clock.advance(31 * DAY);
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/me', headers: idle.auth })).statusCode,
    ).toBe(401);

    const busy = await buildMember(t.ctx);
    for (let day = 0; day < 180; day += 20) {
      clock.advance(20 * DAY);
      const status = (await app.inject({ method: 'GET', url: '/api/v1/me', headers: busy.auth }))
        .statusCode;
      expect(status).toBe(day + 20 < 180 ? 200 : 401);
    }
  });

  it('lists and revokes sessions, and logs out everywhere', async () => {
    const sponsor = await buildMember(t.ctx);
    const joined = await registerWithInvite(app, await inviteCode(app, sponsor.auth));
    const second = (await loginWithKey(app, joined.key)).json<{ token: string }>().token;
    const third = (await loginWithKey(app, joined.key)).json<{ token: string }>().token;
    const list = await app.inject({
      method: 'GET',
      url: '/api/v1/me/sessions',
      headers: joined.auth,
    });
    const sessions = list.json<{ id: string; current: boolean }[]>();
    expect(sessions).toHaveLength(3);
    expect(sessions.filter((s) => s.current)).toHaveLength(1);
    const other = sessions.find((s) => !s.current)!;
    const revoke = await app.inject({
      method: 'DELETE',
      url: `/api/v1/me/sessions/${other.id}`,
      headers: joined.auth,
    });
    expect(revoke.statusCode).toBe(204);
    const statuses = await Promise.all(
      [second, third].map(
        async (token) =>
          (
            await app.inject({
              method: 'GET',
              url: '/api/v1/me',
              headers: { authorization: `Bearer ${token}` },
            })
          ).statusCode,
      ),
    );
    expect(statuses.sort()).toEqual([200, 401]);
    const all = await app.inject({
      method: 'POST',
      url: '/api/v1/me/sessions/revoke-all',
      headers: joined.auth,
    });
    expect(all.statusCode).toBe(204);
    for (const token of [joined.token, second, third]) {
      const me = await app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(me.statusCode).toBe(401);
    }
  });

  it('a recovery code restores access once, ends other sessions and retires old device keys', async () => {
    const sponsor = await buildMember(t.ctx);
    const joined = await registerWithInvite(app, await inviteCode(app, sponsor.auth));
    const newPhone = deviceKey();
    const typed = joined.recoveryCodes[3]!.toLowerCase().replace('-', ' ');
    const recovered = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/recover',
      payload: { handle: joined.member.handle, code: typed, publicKey: newPhone.publicKey },
    });
    expect(recovered.statusCode, recovered.body).toBe(200);
    expect(recovered.json()).toMatchObject({ member: joined.member, recoveryCodesLeft: 9 });
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/me', headers: joined.auth })).statusCode,
    ).toBe(401);
    expect((await loginWithKey(app, joined.key)).statusCode).toBe(401);
    expect((await loginWithKey(app, newPhone)).statusCode).toBe(200);
    const reuse = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/recover',
      payload: { handle: joined.member.handle, code: joined.recoveryCodes[3] },
    });
    expect(reuse.statusCode).toBe(401);
    expect(reuse.json<{ error: { code: string } }>().error.code).toBe('recovery_failed');
  });

  it('rate-limits the challenge endpoint with 429 and Retry-After', async () => {
    const key = deviceKey();
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 25; i++) {
      last = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/device/challenge',
        remoteAddress: '198.51.100.9',
        payload: { publicKey: key.publicKey },
      });
      statuses.push(last.statusCode);
    }
    expect(statuses.slice(0, 20).every((s) => s === 200)).toBe(true);
    expect(last?.statusCode).toBe(429);
    expect(last?.headers['retry-after']).toBeDefined();
  });
});
