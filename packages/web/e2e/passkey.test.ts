import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBootstrapInvite } from '../../server/src/membership/invites/invites.service';
import type { RunningServer } from '../../server/src/server';
import { launchBrowser, TEST_BROWSER } from './browser';
import { PasskeyPage } from './passkey-page';
import { startTestServer } from './server';

const suite = TEST_BROWSER ? describe : describe.skip;
const title = TEST_BROWSER
  ? 'passkeys in a browser'
  : 'passkeys in a browser (skipped: TEST_BROWSER is not set)';

suite(title, () => {
  let server: RunningServer;
  let browser: Browser;
  // WebAuthn needs a domain as RP ID; localhost is one, and a secure context over http.
  let url: string;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    url = server.url.replace('127.0.0.1', 'localhost');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('joins with an invite, logs in without a user name, and adds a second passkey', async () => {
    const invite = await createBootstrapInvite(server.ctx, url);
    const phone = await PasskeyPage.open(browser, url);

    const joined = await phone.run('join', { invite: invite.code });
    expect(joined.status, JSON.stringify(joined.body)).toBe(201);
    const { member } = joined.body as { member: { id: string; handle: string } };
    const [stored] = await phone.credentials();
    expect(stored?.isResidentCredential).toBe(true);
    expect(stored?.userName).toBe(member.handle);
    expect((await phone.get('/me')).body).toMatchObject({ id: member.id });

    await phone.page.context().clearCookies();
    expect((await phone.get('/me')).status).toBe(401);
    const login = await phone.run('login');
    expect(login.status, JSON.stringify(login.body)).toBe(200);
    expect((await phone.get('/me')).body).toMatchObject({ id: member.id });

    const again = await phone.run('join', { invite: invite.code });
    expect(again.status).toBe(403);

    // A second device, its own browser context, adds a passkey under the phone's session.
    const laptop = await PasskeyPage.open(browser, url);
    const { token } = login.body as { token: string };
    const added = await laptop.run('add', { token });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect((await laptop.get('/me')).status).toBe(401);
    const laptopLogin = await laptop.run('login');
    expect(laptopLogin.status, JSON.stringify(laptopLogin.body)).toBe(200);
    const passkeys = await laptop.get('/me/passkeys');
    expect((passkeys.body as unknown[]).length).toBe(2);
  });
});
