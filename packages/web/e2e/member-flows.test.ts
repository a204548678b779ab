import { describe, expect, it } from 'vitest';
import { TEST_BROWSER } from './browser';
import { browserWorld } from './browser-world';
import type { Phone } from './phone';
import { approve, confirmedByAnother, joinApproved, POWDERHORN_100M } from './world';

const suite = TEST_BROWSER ? describe : describe.skip;
const title = TEST_BROWSER
  ? 'member flows in the browser'
  : 'member flows in the browser (skipped: TEST_BROWSER is not set)';

suite(title, () => {
  const stage = browserWorld();
  const { phone } = stage;
  let alice: Phone; // first reporter, watches her home screen
  let bob: Phone; // second, independent reporter
  let incidentId = '';

  it('shows a logged-out visitor how to join and how to get back in', async () => {
    const visitor = await phone('visitor');
    await visitor.goto('/');
    await visitor.page.getByRole('heading', { name: 'Welcome to Tocsin' }).waitFor();
    await visitor.expectAccessible('welcome');
    await visitor.screenshot('01-welcome');
    await visitor.close();
  });

  it('joins with a device key: codes shown once, then language and alert areas', async () => {
    alice = await phone('alice');
    await alice.join.open(await stage.world.sponsors[0].invite());
    // The code left the address bar and history as soon as the page read it.
    expect(new URL(alice.page.url()).hash).toBe('');
    await alice.expectAccessible('join: create');
    await alice.screenshot('02-join-create');

    await alice.join.createAccount();
    const codes = await alice.join.recoveryCodes();
    expect(codes).toHaveLength(10);
    expect(codes[0]).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    expect(await alice.join.continueEnabled()).toBe(false);
    await alice.expectAccessible('join: recovery codes');
    await alice.screenshot('03-join-recovery-codes');

    await alice.join.confirmSaved();
    await alice.join.chooseArea('Powderhorn Park');
    await alice.expectAccessible('join: preferences');
    await alice.screenshot('04-join-preferences');
    await alice.join.finish();
    // Vouched for (here by an organizer's approval): her reports count toward corroboration.
    await approve(stage.world, alice);

    // The key is an Ed25519 pair whose private half cannot be exported; the session is a
    // __Host- cookie the page's scripts cannot read.
    const key = await alice.page.evaluate<{
      algorithm: string;
      extractable: boolean;
      type: string;
    }>(`new Promise((resolve, reject) => {
      const open = indexedDB.open('tocsin');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const get = open.result.transaction('keys').objectStore('keys').get('device');
        get.onsuccess = () => {
          const k = get.result.keyPair.privateKey;
          resolve({ algorithm: k.algorithm.name, extractable: k.extractable, type: k.type });
          open.result.close();
        };
      };
    })`);
    expect(key).toEqual({ algorithm: 'Ed25519', extractable: false, type: 'private' });
    const cookies = await alice.context.cookies(stage.world.url);
    expect(cookies.map((c) => [c.name.startsWith('__Host-'), c.httpOnly, c.sameSite])).toEqual([
      [true, true, 'Strict'],
    ]);
    expect(await alice.page.evaluate('document.cookie')).toBe('');
    const prefs = await alice.page.evaluate(`fetch('/api/v1/me/alerts').then((r) => r.json())`);
    expect(prefs).toMatchObject({ areaIds: [stage.world.areas.powderhornId] });
    await expect
      .poll(() => alice.page.getByTestId('connection-status').textContent())
      .toContain('Live');
    await alice.expectAccessible('home (empty)');
    await alice.screenshot('05-home-empty');
  });

  it('one member reports, a second independent member reports, the first sees UNCONFIRMED live', async () => {
    bob = await phone('bob', POWDERHORN_100M);
    await bob.join.joinWith(await stage.world.sponsors[1].invite(), 'Powderhorn Park');
    await approve(stage.world, bob);

    // Alice: a tap on a quick choice, her position (allowed, so found at once), send.
    await alice.report.open();
    await alice.report.waitForLocation();
    await alice.report.quick('Agents detaining someone');
    await alice.expectAccessible('report');
    await alice.screenshot('06-report-form');
    const aliceReport = await alice.report.send();
    await expect.poll(() => alice.report.statusOf(aliceReport)).toBe('sent');
    incidentId = await alice.report.incidentLink(aliceReport);
    expect(incidentId).toMatch(/^[0-9a-f-]{36}$/);
    await alice.screenshot('07-report-sent');
    await alice.nav('Alerts');
    await expect.poll(() => alice.home.stateOf(incidentId)).toBe('REPORTED');
    const loaded = await alice.page.evaluate('performance.timeOrigin');

    // Bob pastes a chat message; the form is filled by the core parser for him to check.
    await bob.report.open();
    await bob.report.paste(
      'S: 3 agents\nA: detaining a man outside the laundromat\nL: Powderhorn Park by the lake\nE: white van MN ABC 123',
    );
    await bob.page.getByText('The form was filled in. Check every field before sending.').waitFor();
    expect(await bob.report.field('What is happening?')).toBe(
      'detaining a man outside the laundromat',
    );
    expect(await bob.report.field('Street, corner or landmark')).toBe(
      'Powderhorn Park by the lake',
    );
    // The park is about 1 km from where Bob stands: the form asks which place (issue 20), and
    // he keeps his own position.
    await bob.page.getByTestId('place-choice').getByRole('button', { name: 'Where I am' }).click();
    await bob.report.waitForLocation();
    await bob.report.openDetails();
    expect(await bob.report.field('How many agents or vehicles?')).toBe('3 agents');
    expect(await bob.report.field('Licence plates')).toBe('MN ABC123');
    await bob.expectAccessible('report (pasted)');
    await bob.screenshot('08-report-pasted');
    const bobReport = await bob.report.send();
    await expect.poll(() => bob.report.statusOf(bobReport)).toBe('sent');
    expect(await bob.report.incidentLink(bobReport)).toBe(incidentId);

    // Alice never reloaded: the alert came over the stream.
    await alice.home.banner().waitFor();
    expect(await alice.home.bannerText()).toContain('UNCONFIRMED');
    await expect.poll(() => alice.home.stateOf(incidentId)).toBe('UNCONFIRMED');
    expect(await alice.page.evaluate('performance.timeOrigin')).toBe(loaded);
    await expect
      .poll(async () => (await alice.notifications()).map((n) => n.title))
      .toContain('Tocsin: UNCONFIRMED');
    await alice.expectAccessible('home with an alert');
    await alice.screenshot('09-home-unconfirmed');
  });

  it('a verifier confirms, then marks a false alarm; the first member sees both live', async () => {
    const verifier = await phone('verifier');
    await joinApproved(stage.world, verifier, 'verifier');

    // Another verifier confirmed first: one alone does not confirm.
    await confirmedByAnother(stage.world, incidentId);
    await verifier.incident.open(incidentId);
    expect(await verifier.incident.state()).toBe('UNCONFIRMED');
    await verifier.expectAccessible('incident (verifier)');
    await verifier.screenshot('10-incident-verifier');
    await verifier.incident.act('Confirm: it is happening');
    await expect.poll(() => verifier.incident.state()).toBe('CONFIRMED');

    // Confirmed within 500 m of her, and of Bob: it takes each screen until dismissed.
    for (const member of [alice, bob]) {
      await member.page
        .getByRole('alertdialog', { name: 'Confirmed near you' })
        .getByRole('button', { name: 'I have seen it' })
        .click();
    }
    await expect.poll(() => alice.home.stateOf(incidentId)).toBe('CONFIRMED');
    expect(await alice.home.bannerText()).toContain('CONFIRMED');
    await alice.screenshot('11-home-confirmed');

    // Alice opens the incident: state, what to do, timeline; it updates by itself.
    await alice.home.card(incidentId).getByRole('link').click();
    await alice.page.getByTestId('incident-state').waitFor();
    expect(await alice.incident.state()).toBe('CONFIRMED');
    await alice.page.getByRole('heading', { name: 'What to do' }).waitFor();
    await alice.page.getByRole('heading', { name: 'Know your rights' }).waitFor();
    // The map draws the neighborhoods on a plain background: the pack has no tile server.
    const map = alice.page.getByRole('region', {
      name: 'Map of the incident and the neighborhoods',
    });
    await expect.poll(() => map.locator('path').count()).toBeGreaterThan(80);
    await alice.expectAccessible('incident');
    await alice.screenshot('12-incident');

    await verifier.incident.act('False alarm');
    await expect.poll(() => alice.incident.state()).toBe('FALSE ALARM');
    await alice.nav('Alerts');
    await expect.poll(() => alice.home.stateOf(incidentId)).toBe('FALSE ALARM');
    expect(await alice.home.bannerText()).toContain('FALSE ALARM');
    await alice.screenshot('13-home-false-alarm');
    await verifier.close();
  });

  it('keeps a report made offline and sends it exactly once when the network returns', async () => {
    const posts: { id: string; status: number }[] = [];
    alice.page.on('requestfinished', (request) => {
      if (request.method() !== 'POST' || !request.url().endsWith('/api/v1/reports')) return;
      void request.response().then((response) => {
        const body = JSON.parse(request.postData() ?? '{}') as { id: string };
        posts.push({ id: body.id, status: response?.status() ?? 0 });
      });
    });

    await alice.context.setOffline(true);
    await expect
      .poll(() => alice.page.getByTestId('connection-status').textContent())
      .toContain('Offline');
    await alice.report.open();
    await alice.report.quick('Checkpoint');
    // The map's code comes from the service worker's cache; a tap chooses the place.
    await alice.report.pickOnMap();
    const id = await alice.report.send();
    expect(await alice.report.statusOf(id)).toBe('waiting');
    await alice.page.getByText('Waiting for the network. It will be sent by itself.').waitFor();
    await alice.expectAccessible('report (offline)');
    await alice.screenshot('14-report-offline');
    expect(posts).toEqual([]);

    await alice.context.setOffline(false);
    await expect.poll(() => alice.report.statusOf(id), { timeout: 15_000 }).toBe('sent');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(posts).toEqual([{ id, status: 201 }]);
    const stored = await stage.world.server.ctx.db
      .selectFrom('reports')
      .select('id')
      .where('id', '=', id)
      .execute();
    expect(stored).toHaveLength(1);
  });

  it('switches language without a reload, lists devices, logs out everywhere', async () => {
    await alice.settings.open();
    const loaded = await alice.page.evaluate('performance.timeOrigin');
    await alice.page.getByTestId('sessions').locator('li').first().waitFor();
    await alice.expectAccessible('settings');
    await alice.screenshot('15-settings');

    // Alert settings: a place (kept by the server only as a coarse cell), radius, level.
    await alice.page.getByRole('button', { name: 'Add my current location' }).click();
    await alice.page.getByText('Place 1', { exact: true }).waitFor();
    await alice.page.getByLabel('Alert distance around places').selectOption('2000');
    await alice.page.getByLabel('Only sightings a verifier confirmed').check();
    await alice.page.getByRole('button', { name: 'Save alert settings' }).click();
    await alice.page.getByText('Saved.').waitFor();
    const saved = await alice.page.evaluate<{
      areaIds: string[];
      places: { cell: string }[];
      radiusMeters: number;
      minLevel: string;
    }>(`fetch('/api/v1/me/alerts').then((r) => r.json())`);
    expect(saved).toMatchObject({
      areaIds: [stage.world.areas.powderhornId],
      radiusMeters: 2000,
      minLevel: 'confirmed',
    });
    expect(saved.places).toHaveLength(1);

    await alice.settings.chooseLanguage('es');
    await alice.page.getByRole('heading', { name: 'Ajustes' }).waitFor();
    expect(await alice.page.evaluate('document.documentElement.lang')).toBe('es');
    expect(await alice.page.evaluate('performance.timeOrigin')).toBe(loaded);
    await alice.expectAccessible('settings (es)');
    await alice.screenshot('16-settings-es');
    for (const [code, heading] of [
      ['so', 'Dejinta'],
      ['hmn', 'Chaw teeb tsa'],
      ['en', 'Settings'],
    ] as const) {
      await alice.settings.chooseLanguage(code);
      await alice.page.getByRole('heading', { name: heading }).waitFor();
    }

    // Logging out everywhere ends every session; the phone's key logs in again only on a tap.
    await alice.page.getByRole('button', { name: 'Log out everywhere' }).click();
    await alice.page
      .getByRole('group', { name: 'Log out on every device, this one included?' })
      .getByRole('button', { name: 'Log out everywhere' })
      .click();
    await alice.page.getByRole('heading', { name: 'Welcome to Tocsin' }).waitFor();
    await alice.goto('/');
    await alice.page.getByRole('heading', { name: 'Welcome to Tocsin' }).waitFor();
    await alice.page.getByRole('button', { name: "Log in with this phone's key" }).click();
    await alice.page.getByRole('heading', { name: 'Alerts', exact: true }).waitFor();
  });

  it('panic wipe: one confirmed tap leaves nothing of the app on the phone', async () => {
    await bob.settings.open();
    expect((await bob.settings.storageLeft()).indexedDB).toBeGreaterThan(0);
    await bob.settings.wipe();
    await bob.screenshot('17-wiped');
    expect(await bob.settings.storageLeft()).toEqual({
      localStorage: 0,
      sessionStorage: 0,
      indexedDB: 0,
      caches: 0,
      serviceWorkers: 0,
      cookies: 0,
    });
    expect(await bob.page.title()).toBe('');
  });
});
