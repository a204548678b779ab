import { randomInt } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../src/app';
import { ManualClock } from '../src/platform/clock';
import { buildCity, buildMember } from './helpers/factories';
import { createTestContext, describeEachDatabase, type TestContext } from './helpers/harness';
import { inviteCode } from './helpers/identity';
import {
  FLAG_UP,
  SoftAuthenticator,
  strangerKey,
  type AuthenticationJSON,
  type RegistrationJSON,
  type Tweaks,
} from './helpers/soft-authenticator';

// app.inject() sends `Host: localhost:80`, so with no public URL the RP is this origin.
const ORIGIN = 'http://localhost';
const MINUTE = 60_000;
const LOGIN_FAILED = { error: { code: 'login_failed', message: 'Login failed' } };

// Each anonymous call comes from its own address, so the suite's many ceremonies stay under the
// per-client limits; the limits have their own test at the end.
const anyAddress = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

interface CreationOptions {
  challenge: string;
  rp: { id: string; name: string };
  user: { id: string; name: string; displayName: string };
  attestation: string;
  authenticatorSelection: { residentKey: string; userVerification: string };
  excludeCredentials: { id: string }[];
  timeout: number;
}
interface RequestOptions {
  challenge: string;
  rpId: string;
  userVerification: string;
  allowCredentials?: { id: string }[];
}
interface Joined {
  member: { id: string; handle: string };
  token: string;
  recoveryCodes: string[];
  auth: { authorization: string };
  authenticator: SoftAuthenticator;
  options: CreationOptions;
}

describeEachDatabase('passkeys (WebAuthn)', (kind) => {
  let t: TestContext;
  let app: FastifyInstance;
  let clock: ManualClock;
  let sponsor: Awaited<ReturnType<typeof buildMember>>;

  beforeAll(async () => {
    clock = new ManualClock('2026-01-20T15:00:00Z');
    t = await createTestContext({ kind, clock });
    app = await createApp(t.ctx);
    await app.ready();
    await buildCity(t.ctx);
    sponsor = await buildMember(t.ctx);
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  const post = (url: string, payload: object | undefined, headers: Record<string, string> = {}) =>
    app.inject({
      method: 'POST',
      url: `/api/v1${url}`,
      payload,
      headers,
      remoteAddress: anyAddress(),
    });

  async function registerOptions(body: object | undefined, headers: Record<string, string> = {}) {
    const response = await post('/auth/passkey/register/options', body, headers);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ ceremonyId: string; options: CreationOptions }>();
  }

  async function loginOptions(target: FastifyInstance = app) {
    const response = await target.inject({
      method: 'POST',
      url: '/api/v1/auth/passkey/login/options',
      remoteAddress: anyAddress(),
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ ceremonyId: string; options: RequestOptions }>();
  }

  const registerVerify = (
    ceremonyId: string,
    response: RegistrationJSON,
    extra: { invite?: string; headers?: Record<string, string> } = {},
  ) =>
    post(
      '/auth/passkey/register/verify',
      { ceremonyId, response, ...(extra.invite ? { invite: extra.invite } : {}) },
      extra.headers,
    );

  const loginVerify = (ceremonyId: string, response: AuthenticationJSON) =>
    post('/auth/passkey/login/verify', { ceremonyId, response });

  async function join(invite: string, authenticator = new SoftAuthenticator()): Promise<Joined> {
    const { ceremonyId, options } = await registerOptions({ invite });
    const response = await registerVerify(ceremonyId, authenticator.create(options, ORIGIN), {
      invite,
    });
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json<Omit<Joined, 'auth' | 'authenticator' | 'options'>>();
    return { ...body, auth: { authorization: `Bearer ${body.token}` }, authenticator, options };
  }

  async function login(authenticator: SoftAuthenticator, tweaks: Tweaks = {}) {
    const { ceremonyId, options } = await loginOptions();
    return loginVerify(ceremonyId, authenticator.get(options, ORIGIN, tweaks));
  }

  /** An invite from a new active sponsor (sponsors have a quota of 5 a week). */
  async function freshInvite(): Promise<string> {
    sponsor = await buildMember(t.ctx);
    return inviteCode(app, sponsor.auth);
  }

  const loginWith = (joined: Joined, tweaks: Tweaks) => login(joined.authenticator, tweaks);

  const me = (token: string) =>
    app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${token}` },
    });

  it('joins with an invite: probation member, handle as WebAuthn name, session and codes', async () => {
    const code = await freshInvite();
    const first = await registerOptions({ invite: code });
    // Asking for options checks the invite but does not use it.
    const second = await registerOptions({ invite: code });
    expect(second.ceremonyId).not.toBe(first.ceremonyId);
    const { options } = first;
    expect(options.rp.id).toBe('localhost');
    expect(options.user.name).toMatch(/^[a-z]+-[a-z]+-\d{4}$/);
    expect(options.user.displayName).toBe(options.user.name);
    expect(options.attestation).toBe('none');
    expect(options.authenticatorSelection).toMatchObject({
      residentKey: 'preferred',
      userVerification: 'required',
    });
    expect(options.timeout).toBe(2 * MINUTE);

    const authenticator = new SoftAuthenticator();
    const response = await registerVerify(first.ceremonyId, authenticator.create(options, ORIGIN), {
      invite: code,
    });
    expect(response.statusCode, response.body).toBe(201);
    const joined = response.json<{
      member: { id: string; handle: string };
      token: string;
      recoveryCodes: string[];
    }>();
    expect(joined.member.handle).toBe(options.user.name);
    expect(joined.recoveryCodes).toHaveLength(10);
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/^__Host-tocsin=/);
    for (const attr of ['Secure', 'HttpOnly', 'SameSite=Strict']) expect(cookie).toContain(attr);
    const who = await me(joined.token);
    expect(who.statusCode).toBe(200);
    expect(who.json()).toMatchObject({
      id: joined.member.id,
      handle: options.user.name,
      status: 'probation',
      sponsorId: sponsor.id,
    });

    // The invite is single use: the other open ceremony and any new one are refused.
    const late = await registerVerify(
      second.ceremonyId,
      new SoftAuthenticator().create(second.options, ORIGIN),
      { invite: code },
    );
    expect(late.statusCode).toBe(403);
    expect(late.json()).toEqual({
      error: { code: 'invite_invalid', message: 'This invite cannot be used' },
    });
    const again = await post('/auth/passkey/register/options', { invite: code });
    expect(again.statusCode).toBe(403);
    expect(again.json<{ error: { code: string } }>().error.code).toBe('invite_invalid');
  });

  it('logs in with the passkey without a user name and sets the session cookie', async () => {
    const joined = await join(await freshInvite());
    const { ceremonyId, options } = await loginOptions();
    expect(options.rpId).toBe('localhost');
    expect(options.userVerification).toBe('required');
    expect(options.allowCredentials ?? []).toEqual([]);
    const response = await loginVerify(ceremonyId, joined.authenticator.get(options, ORIGIN));
    expect(response.statusCode, response.body).toBe(200);
    const { token } = response.json<{ token: string }>();
    expect(String(response.headers['set-cookie'])).toMatch(/^__Host-tocsin=/);
    expect((await me(token)).json<{ id: string }>().id).toBe(joined.member.id);
    const sessions = await app.inject({
      method: 'GET',
      url: '/api/v1/me/sessions',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(sessions.json<{ method: string }[]>().map((s) => s.method)).toEqual([
      'passkey',
      'passkey',
    ]);
    // The counter is kept: it moved to the value the authenticator reported.
    const row = await t.ctx.db
      .selectFrom('passkeys')
      .select(['counter', 'last_used_at'])
      .where('member_id', '=', joined.member.id)
      .executeTakeFirstOrThrow();
    expect(Number(row.counter)).toBe(1);
    expect(row.last_used_at).not.toBeNull();
  });

  it('refuses a passkey without user verification, at registration and at login', async () => {
    const code = await freshInvite();
    const { ceremonyId, options } = await registerOptions({ invite: code });
    const unverified = await registerVerify(
      ceremonyId,
      new SoftAuthenticator().create(options, ORIGIN, { flags: FLAG_UP }),
      { invite: code },
    );
    expect(unverified.statusCode).toBe(400);
    expect(unverified.json()).toEqual({
      error: { code: 'passkey_rejected', message: 'The passkey could not be verified' },
    });
    // A refused registration leaves the invite usable.
    const joined = await join(code);
    const login = await loginWith(joined, { flags: FLAG_UP });
    expect(login.statusCode).toBe(401);
    expect(login.json()).toEqual(LOGIN_FAILED);
  });

  it('refuses another origin or RP ID', async () => {
    const joined = await join(await freshInvite());
    for (const tweaks of [
      { origin: 'https://evil.example' },
      { origin: 'http://localhost:8081' },
      { rpId: 'evil.example' },
    ]) {
      const response = await loginWith(joined, tweaks);
      expect(response.statusCode).toBe(401);
      expect(response.json()).toEqual(LOGIN_FAILED);
    }
    const code = await freshInvite();
    for (const tweaks of [{ origin: 'https://evil.example' }, { rpId: 'evil.example' }]) {
      const { ceremonyId, options } = await registerOptions({ invite: code });
      const response = await registerVerify(
        ceremonyId,
        new SoftAuthenticator().create(options, ORIGIN, tweaks),
        { invite: code },
      );
      expect(response.statusCode).toBe(400);
      expect(response.json<{ error: { code: string } }>().error.code).toBe('passkey_rejected');
    }
    expect((await loginWith(joined, {})).statusCode).toBe(200);
  });

  it('a ceremony is good for one attempt within two minutes', async () => {
    const joined = await join(await freshInvite());
    const { ceremonyId, options } = await loginOptions();
    const assertion = joined.authenticator.get(options, ORIGIN);
    expect((await loginVerify(ceremonyId, assertion)).statusCode).toBe(200);
    // The same assertion again, and a fresh assertion on the used ceremony.
    const replayed = await loginVerify(ceremonyId, assertion);
    const reused = await loginVerify(ceremonyId, joined.authenticator.get(options, ORIGIN));
    // A failed attempt uses the ceremony up: the right answer afterwards fails too.
    const burnt = await loginOptions();
    const wrong = await loginVerify(
      burnt.ceremonyId,
      joined.authenticator.get(burnt.options, ORIGIN, { signWith: strangerKey() }),
    );
    const afterWrong = await loginVerify(
      burnt.ceremonyId,
      joined.authenticator.get(burnt.options, ORIGIN),
    );
    // A challenge from another ceremony.
    const mine = await loginOptions();
    const theirs = await loginOptions();
    const swapped = await loginVerify(
      mine.ceremonyId,
      joined.authenticator.get(mine.options, ORIGIN, { challenge: theirs.options.challenge }),
    );
    const stale = await loginOptions();
    clock.advance(2 * MINUTE + 1000);
    const expired = await loginVerify(
      stale.ceremonyId,
      joined.authenticator.get(stale.options, ORIGIN),
    );
    for (const failed of [replayed, reused, wrong, afterWrong, swapped, expired]) {
      expect(failed.statusCode).toBe(401);
      expect(failed.json()).toEqual(LOGIN_FAILED);
    }

    // Registration ceremonies are single use and expire alike.
    const code = await freshInvite();
    const reg = await registerOptions({ invite: code });
    clock.advance(2 * MINUTE + 1000);
    const lateReg = await registerVerify(
      reg.ceremonyId,
      new SoftAuthenticator().create(reg.options, ORIGIN),
      { invite: code },
    );
    expect(lateReg.statusCode).toBe(400);
    expect(lateReg.json<{ error: { code: string } }>().error.code).toBe('passkey_rejected');
  });

  it('refuses an assertion whose counter went backwards (a cloned authenticator)', async () => {
    const joined = await join(await freshInvite());
    expect((await loginWith(joined, { counter: 5 })).statusCode).toBe(200);
    const cloned = await loginWith(joined, { counter: 5 });
    expect(cloned.statusCode).toBe(401);
    expect(cloned.json()).toEqual(LOGIN_FAILED);
    expect((await loginWith(joined, { counter: 6 })).statusCode).toBe(200);
  });

  it('a member adds a second passkey; both log in; list and remove them', async () => {
    const joined = await join(await freshInvite());
    // Signed in, with no body at all.
    const { ceremonyId, options } = await registerOptions(undefined, joined.auth);
    expect(options.user.name).toBe(joined.member.handle);
    expect(options.user.displayName).toBe(joined.member.handle);
    const firstId = joined.authenticator.credentials[0]!.id.toString('base64url');
    expect(options.excludeCredentials.map((c) => c.id)).toEqual([firstId]);
    const laptop = new SoftAuthenticator();
    const added = await registerVerify(ceremonyId, laptop.create(options, ORIGIN), {
      headers: joined.auth,
    });
    expect(added.statusCode, added.body).toBe(201);
    const { credentialId } = added.json<{ credentialId: string }>();
    expect(added.headers['set-cookie']).toBeUndefined();

    for (const authenticator of [joined.authenticator, laptop]) {
      const response = await login(authenticator);
      expect(response.statusCode).toBe(200);
      expect((await me(response.json<{ token: string }>().token)).json<{ id: string }>().id).toBe(
        joined.member.id,
      );
    }

    const list = await app.inject({
      method: 'GET',
      url: '/api/v1/me/passkeys',
      headers: joined.auth,
    });
    expect(list.statusCode).toBe(200);
    const passkeys = list.json<{ id: string; createdAt: string; lastUsedAt: string | null }[]>();
    expect(passkeys.map((p) => p.id).sort()).toEqual([firstId, credentialId].sort());
    for (const p of passkeys) {
      expect(Object.keys(p).sort()).toEqual(['createdAt', 'id', 'lastUsedAt']);
      expect(p.lastUsedAt).not.toBeNull();
    }

    // Another member can neither see nor delete them.
    const other = await buildMember(t.ctx);
    const theirs = await app.inject({
      method: 'GET',
      url: '/api/v1/me/passkeys',
      headers: other.auth,
    });
    expect(theirs.json()).toEqual([]);
    const del = (id: string, headers: Record<string, string>) =>
      app.inject({ method: 'DELETE', url: `/api/v1/me/passkeys/${id}`, headers });
    expect((await del(credentialId, other.auth)).statusCode).toBe(404);
    expect((await del(credentialId, joined.auth)).statusCode).toBe(204);
    expect((await del(credentialId, joined.auth)).statusCode).toBe(404);
    const removed = await login(laptop);
    expect(removed.statusCode).toBe(401);
    expect(removed.json()).toEqual(LOGIN_FAILED);
    expect((await login(joined.authenticator)).statusCode).toBe(200);
  });

  it('adding a passkey needs the session that opened the ceremony', async () => {
    const joined = await join(await freshInvite());
    const anonymous = await post('/auth/passkey/register/options', {});
    expect(anonymous.statusCode).toBe(401);
    const { ceremonyId, options } = await registerOptions({}, joined.auth);
    const other = await buildMember(t.ctx);
    const hijack = await registerVerify(
      ceremonyId,
      new SoftAuthenticator().create(options, ORIGIN),
      {
        headers: other.auth,
      },
    );
    expect(hijack.statusCode).toBe(400);
    expect(hijack.json<{ error: { code: string } }>().error.code).toBe('passkey_rejected');
    const rows = await t.ctx.db
      .selectFrom('passkeys')
      .select('id')
      .where('member_id', 'in', [joined.member.id, other.id])
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('a suspended member cannot log in with a passkey', async () => {
    const joined = await join(await freshInvite());
    await t.ctx.db
      .updateTable('members')
      .set({ status: 'suspended' })
      .where('id', '=', joined.member.id)
      .execute();
    const response = await login(joined.authenticator);
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual(LOGIN_FAILED);
  });

  it('an unknown credential gets the same answer as a bad signature', async () => {
    const joined = await join(await freshInvite());
    const forged = await loginWith(joined, { signWith: strangerKey() });
    // A passkey this server never saw, made for this RP.
    const stranger = new SoftAuthenticator();
    stranger.create({ challenge: 'AAAA', rp: { id: 'localhost' }, user: { id: 'AAAA' } }, ORIGIN);
    const unknown = await login(stranger);
    expect(unknown.statusCode).toBe(forged.statusCode);
    expect(unknown.statusCode).toBe(401);
    expect(unknown.body).toBe(forged.body);
    expect(unknown.json()).toEqual(LOGIN_FAILED);
    expect(Object.keys(unknown.headers).sort()).toEqual(Object.keys(forged.headers).sort());
  });

  it('a recovery code retires the passkeys of a possibly seized phone', async () => {
    const joined = await join(await freshInvite());
    const recovered = await post('/auth/recover', {
      handle: joined.member.handle,
      code: joined.recoveryCodes[0],
    });
    expect(recovered.statusCode, recovered.body).toBe(200);
    const response = await login(joined.authenticator);
    expect(response.statusCode).toBe(401);
  });

  it('takes the RP ID and origin from TOCSIN_PUBLIC_URL when it is set', async () => {
    const publicApp = await createApp({
      ...t.ctx,
      config: { ...t.ctx.config, publicUrl: 'https://tocsin.example.org' },
    });
    await publicApp.ready();
    try {
      const code = await freshInvite();
      const opened = await publicApp.inject({
        method: 'POST',
        url: '/api/v1/auth/passkey/register/options',
        payload: { invite: code },
      });
      const { ceremonyId, options } = opened.json<{
        ceremonyId: string;
        options: CreationOptions;
      }>();
      expect(options.rp.id).toBe('tocsin.example.org');
      const authenticator = new SoftAuthenticator();
      const joined = await publicApp.inject({
        method: 'POST',
        url: '/api/v1/auth/passkey/register/verify',
        payload: {
          ceremonyId,
          invite: code,
          response: authenticator.create(options, 'https://tocsin.example.org'),
        },
      });
      expect(joined.statusCode, joined.body).toBe(201);
      const { ceremonyId: loginId, options: loginOpts } = await loginOptions(publicApp);
      expect(loginOpts.rpId).toBe('tocsin.example.org');
      // The request's own Host (localhost) does not count once a public URL is set.
      const viaLocalhost = await publicApp.inject({
        method: 'POST',
        url: '/api/v1/auth/passkey/login/verify',
        payload: { ceremonyId: loginId, response: authenticator.get(loginOpts, ORIGIN) },
      });
      expect(viaLocalhost.statusCode).toBe(401);
      const { ceremonyId: okId, options: okOpts } = await loginOptions(publicApp);
      const ok = await publicApp.inject({
        method: 'POST',
        url: '/api/v1/auth/passkey/login/verify',
        payload: {
          ceremonyId: okId,
          response: authenticator.get(okOpts, 'https://tocsin.example.org'),
        },
      });
      expect(ok.statusCode, ok.body).toBe(200);
    } finally {
      await publicApp.close();
    }
  });

  it('answers malformed input with 400 naming the field, never 5xx', async () => {
    const joined = await join(await freshInvite());
    const { ceremonyId, options } = await loginOptions();
    const good = joined.authenticator.get(options, ORIGIN);
    const cases: [object, RegExp][] = [
      [{ ceremonyId, response: { ...good, type: 'password' } }, /^response\.type:/],
      [{ ceremonyId, response: { ...good, extra: 1 } }, /^response\.extra: unknown field/],
      [{ ceremonyId, response: { ...good, id: 'not base64url!' } }, /^response\.id:/],
      [
        { ceremonyId, response: { ...good, response: { ...good.response, signature: 42 } } },
        /^response\.response\.signature:/,
      ],
      [{ ceremonyId }, /^response: required/],
      [{ response: good }, /^ceremonyId: required/],
    ];
    for (const [payload, message] of cases) {
      const response = await post('/auth/passkey/login/verify', payload);
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json<{ error: { message: string } }>().error.message).toMatch(message);
    }
    const extraField = await post('/auth/passkey/login/options', { username: 'x' });
    expect(extraField.statusCode).toBe(400);
    expect(extraField.json<{ error: { message: string } }>().error.message).toBe(
      'username: unknown field',
    );
    // Well-formed base64url that decodes to garbage is the library's to refuse: 401 or 400.
    const garbage = Buffer.from('not json, not cbor').toString('base64url');
    const login = await loginOptions();
    const junkLogin = await loginVerify(login.ceremonyId, {
      ...good,
      response: { ...good.response, clientDataJSON: garbage, authenticatorData: garbage },
    });
    expect(junkLogin.statusCode).toBe(401);
    const code = await freshInvite();
    const reg = await registerOptions({ invite: code });
    const made = new SoftAuthenticator().create(reg.options, ORIGIN);
    for (const response of [
      { ...made, response: { ...made.response, attestationObject: garbage } },
      { ...made, response: { ...made.response, clientDataJSON: garbage } },
      { ...made, id: 'AAAA', rawId: 'AAAA' },
    ]) {
      const again = await registerOptions({ invite: code });
      const r = await registerVerify(again.ceremonyId, response, {
        invite: code,
      });
      expect(r.statusCode, r.body).toBe(400);
    }
    const noInvite = await registerVerify(reg.ceremonyId, made);
    expect(noInvite.statusCode).toBe(400);
    expect(noInvite.json<{ error: { message: string } }>().error.message).toMatch(/^invite:/);
  });

  it('rate-limits the public passkey endpoints with 429', async () => {
    let last;
    for (let i = 0; i < 21; i++) {
      last = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/passkey/login/options',
        remoteAddress: '198.51.100.77',
      });
    }
    expect(last?.statusCode).toBe(429);
    expect(last?.headers['retry-after']).toBeDefined();
  });
});
