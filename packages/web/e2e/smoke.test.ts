import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/src/server';
import { launchBrowser, TEST_BROWSER } from './browser';
import { startTestServer } from './server';

const suite = TEST_BROWSER ? describe : describe.skip;
const title = TEST_BROWSER ? 'browser smoke' : 'browser smoke (skipped: TEST_BROWSER is not set)';
const screenshots = path.resolve('test-results/screenshots');

suite(title, () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    await mkdir(screenshots, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('loads the served web shell, reads its title, and breaks no security policy', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const problems: string[] = [];
    const foreign: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(msg.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('request', (request) => {
      if (!request.url().startsWith(server.url)) foreign.push(request.url());
    });

    const response = await page.goto(server.url);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(await page.title()).toBe('Tocsin');
    await page.getByRole('heading', { name: 'Welcome to Tocsin' }).waitFor();
    // The manifest and the service worker make the app installable and its shell work offline.
    const manifest = await page.evaluate(`fetch('/manifest.webmanifest').then((r) => r.json())`);
    expect(manifest).toMatchObject({ name: 'Tocsin', display: 'standalone', start_url: '/' });
    await expect
      .poll(() => page.evaluate('navigator.serviceWorker.ready.then((r) => !!r.active)'))
      .toBe(true);
    await page.screenshot({ path: path.join(screenshots, 'shell.png') });
    expect(problems).toEqual([]);
    expect(foreign).toEqual([]);
    await page.close();
  });
});
