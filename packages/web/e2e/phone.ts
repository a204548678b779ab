import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { seriousViolations } from './axe';
import { HomeScreen } from './pages/home-screen';
import { IncidentScreen } from './pages/incident-screen';
import { JoinScreen } from './pages/join-screen';
import { ReportScreen } from './pages/report-screen';
import { RespondScreen } from './pages/respond-screen';
import { SettingsScreen } from './pages/settings-screen';
import { addPlatformAuthenticator } from './webauthn';

// Records what the app shows as system notifications (headless Chromium shows none).
const RECORD_NOTIFICATIONS = `
  window.__notifications = [];
  const original = ServiceWorkerRegistration.prototype.showNotification;
  ServiceWorkerRegistration.prototype.showNotification = function (title, options) {
    window.__notifications.push({ title, body: (options && options.body) || '' });
    return original.call(this, title, options).catch(() => undefined);
  };
`;

export const SCREENSHOTS = path.resolve('test-results/screenshots');

export interface PhoneOptions {
  geolocation?: { latitude: number; longitude: number };
  /** A laptop screen instead of a phone (the dispatcher console). */
  laptop?: boolean;
  /** A platform authenticator with user verification (CDP virtual authenticator): passkeys work. */
  authenticator?: boolean;
}

/**
 * One member's phone: its own browser context (storage, cookies, service worker) with a
 * phone viewport, the city's time zone, and location and notifications allowed. Records
 * page errors and CSP violations, and system notifications the app shows.
 */
export class Phone {
  readonly problems: string[] = [];
  readonly join: JoinScreen;
  readonly home: HomeScreen;
  readonly report: ReportScreen;
  readonly incident: IncidentScreen;
  readonly settings: SettingsScreen;
  readonly respond: RespondScreen;

  private constructor(
    readonly name: string,
    readonly context: BrowserContext,
    readonly page: Page,
    readonly url: string,
  ) {
    this.join = new JoinScreen(this);
    this.home = new HomeScreen(this);
    this.report = new ReportScreen(this);
    this.incident = new IncidentScreen(this);
    this.settings = new SettingsScreen(this);
    this.respond = new RespondScreen(this);
  }

  static async open(browser: Browser, url: string, name: string, options: PhoneOptions = {}) {
    const context = await browser.newContext({
      ...(options.laptop
        ? { viewport: { width: 1366, height: 900 } }
        : { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }),
      locale: 'en-US',
      timezoneId: 'America/Chicago',
      ...(options.geolocation ? { geolocation: options.geolocation } : {}),
    });
    await context.grantPermissions(['geolocation', 'notifications'], { origin: url });
    await context.addInitScript({ content: RECORD_NOTIFICATIONS });
    const page = await context.newPage();
    if (options.authenticator) {
      await addPlatformAuthenticator(page);
    }
    const phone = new Phone(name, context, page, url);
    page.on('pageerror', (error) => phone.problems.push(`pageerror: ${error.message}`));
    // No third-party origin, ever (no CDN, no fonts, no map tiles without a tile server).
    context.on('request', (request) => {
      const target = new URL(request.url());
      if (!['http:', 'https:', 'ws:'].includes(target.protocol)) return;
      if (target.origin !== new URL(url).origin) phone.problems.push(`foreign: ${request.url()}`);
    });
    page.on('console', (message) => {
      const text = message.text();
      if (/Content Security Policy|Refused to/i.test(text)) phone.problems.push(`csp: ${text}`);
    });
    await mkdir(SCREENSHOTS, { recursive: true });
    return phone;
  }

  async goto(pathname: string): Promise<void> {
    const response = await this.page.goto(`${this.url}${pathname}`);
    expect(response?.status()).toBe(200);
  }

  /**
   * Navigates inside the app (no reload) through the bottom navigation; a role screen (and plates,
   * for someone with a role) is behind the Tools menu, which this opens first.
   */
  async nav(
    label: 'Alerts' | 'Report' | 'Respond' | 'Dispatch' | 'Plates' | 'Organize' | 'Settings',
  ): Promise<void> {
    const nav = this.page.getByRole('navigation', { name: 'Main' });
    const link = nav.getByRole('link', { name: label, exact: true });
    const tools = nav.getByRole('button', { name: 'Tools' });
    if (!(await link.isVisible()) && (await tools.isVisible())) await tools.click();
    await link.click();
  }

  /** The links behind the Tools menu (opened, read, closed); none without a role. */
  async tools(name = 'Tools'): Promise<string[]> {
    const nav = this.page.getByRole('navigation', { name: 'Main' });
    const tools = nav.getByRole('button', { name });
    if (!(await tools.isVisible())) return [];
    await tools.click();
    const links = await nav.getByRole('list').getByRole('link').allTextContents();
    await this.page.keyboard.press('Escape');
    return links;
  }

  /** The signed-in member as the server sees them. */
  async me(): Promise<{ id: string; handle: string; status: string }> {
    return this.page.evaluate<{ id: string; handle: string; status: string }>(
      `fetch('/api/v1/me').then((r) => r.json())`,
    );
  }

  async heading(): Promise<string> {
    return (await this.page.locator('main h1').first().textContent()) ?? '';
  }

  /** Fails on any serious or critical axe-core violation on the screen as it is now. */
  async expectAccessible(screen: string): Promise<void> {
    const violations = await seriousViolations(this.page);
    expect(violations, `${screen}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
  }

  async notifications(): Promise<{ title: string; body: string }[]> {
    return this.page.evaluate<{ title: string; body: string }[]>('window.__notifications || []');
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}
