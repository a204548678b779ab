import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../src/app';
import { createBootstrapInvite } from '../src/membership/invites/invites.service';
import { findEverywhere } from './helpers/dump';
import { buildCity } from './helpers/factories';
import { recordFigure } from './helpers/figures';
import { createTestContext, describeEachDatabase, type TestContext } from './helpers/harness';
import { inviteCode, loginWithKey, registerWithInvite } from './helpers/identity';

/** Column names that would mean we keep what identifies a person outside Tocsin. */
const PII_COLUMN =
  /(phone|mobile|msisdn|e_?mail|ip_?addr|^ip$|_ip$|^ip_|remote_?addr|user_?agent|real_?name|birth|ssn|passport|address)/i;

describeEachDatabase('privacy: what the server must not hold', (kind) => {
  let t: TestContext;
  let app: FastifyInstance;

  beforeAll(async () => {
    t = await createTestContext({ kind });
    app = await createApp(t.ctx);
    await app.ready();
    await buildCity(t.ctx);
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it('no table has a column whose name suggests a phone, email or IP address', async () => {
    const columns = await sql<{ table_name: string; column_name: string }>`
      select table_name, column_name from information_schema.columns
      where table_schema = current_schema()`.execute(t.ctx.db);
    expect(columns.rows.length).toBeGreaterThan(30);
    const offending = columns.rows.filter((c) => PII_COLUMN.test(c.column_name));
    expect(offending).toEqual([]);
  });

  it('the logs of a whole identity flow contain no token, invite code, handle, key or recovery code, and the database no bearer secret in the clear', async () => {
    const secrets: string[] = [];
    const bootstrap = await createBootstrapInvite(t.ctx, 'http://127.0.0.1');
    secrets.push(bootstrap.code);
    const admin = await registerWithInvite(app, bootstrap.code);
    secrets.push(admin.token, admin.member.handle, admin.key.publicKey, ...admin.recoveryCodes);
    const code = await inviteCode(app, admin.auth);
    secrets.push(code);
    const member = await registerWithInvite(app, code);
    secrets.push(member.token, member.member.handle, member.key.publicKey, ...member.recoveryCodes);
    const login = await loginWithKey(app, member.key);
    secrets.push(login.json<{ token: string }>().token);
    await app.inject({
      method: 'POST',
      url: `/api/v1/members/${member.member.id}/vouch`,
      headers: admin.auth,
    });
    await app.inject({
      method: 'POST',
      url: '/api/v1/auth/recover',
      payload: { handle: member.member.handle, code: member.recoveryCodes[0] },
    });
    await app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: 'Bearer not-a-real-token-at-all-xyz' },
    });
    await app.inject({
      method: 'POST',
      url: '/api/v1/auth/device/register',
      payload: { invite: code, publicKey: 'bad' },
    });
    await app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: member.auth,
      payload: { displayName: 'Canary Person' },
    });
    secrets.push('Canary Person', 'not-a-real-token-at-all-xyz');
    // Handles, keys and display names are stored by design; bearer secrets only as hashes.
    const neverStored = [
      bootstrap.code,
      code,
      admin.token,
      member.token,
      login.json<{ token: string }>().token,
      ...admin.recoveryCodes,
      ...member.recoveryCodes,
      'not-a-real-token-at-all-xyz',
    ];
    const dbHits: string[] = [];
    for (const secret of neverStored) dbHits.push(...(await findEverywhere(t.ctx, secret)));

    const logs = t.logs.text;
    const ipPattern = /127\.0\.0\.1|remoteAddress|"ip"/;
    recordFigure('pii-canary', 'privacy.test.ts', kind, {
      planted: secrets.length + 1 + neverStored.length,
      dbHits: dbHits.length,
      logHits:
        secrets.filter((secret) => logs.includes(secret)).length + (ipPattern.test(logs) ? 1 : 0),
    });
    expect(logs).toContain('"route":"/api/v1/auth/device/register"');
    for (const secret of secrets) expect(logs).not.toContain(secret);
    expect(logs).not.toMatch(ipPattern);
    expect(dbHits).toEqual([]);
  });
});
