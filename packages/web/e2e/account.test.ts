import { describe, expect, it } from 'vitest';
import { TEST_BROWSER } from './browser';
import { browserWorld } from './browser-world';
import { addPlatformAuthenticator } from './webauthn';

const suite = TEST_BROWSER ? describe : describe.skip;
const title = TEST_BROWSER
  ? 'account tools in the browser'
  : 'account tools in the browser (skipped: TEST_BROWSER is not set)';

suite(title, () => {
  const stage = browserWorld();

  it('a member sets a display name and makes new recovery codes in settings', async () => {
    const alice = await stage.phone('alice');
    await alice.join.open(await stage.world.sponsors[0].invite());
    await alice.join.createAccount();
    const first = await alice.join.recoveryCodes();
    await alice.join.confirmSaved();
    await alice.join.chooseArea('Powderhorn Park');
    await alice.join.finish();

    await alice.settings.open();
    const name = alice.page.getByLabel('Your name for other members (optional)');
    await name.fill('Alicia M.');
    await alice.page.getByRole('button', { name: 'Save name' }).click();
    await alice.page.getByText('Name saved.').waitFor();
    expect((await alice.me()) as unknown).toMatchObject({ displayName: 'Alicia M.' });

    await alice.page.getByRole('button', { name: 'Make new recovery codes' }).click();
    await alice.page
      .getByText('Make new codes? The codes you saved before will stop working.')
      .waitFor();
    await alice.expectAccessible('settings: new recovery codes?');
    await alice.page.getByRole('button', { name: 'Make new recovery codes' }).click();
    await alice.page.getByText('Your new recovery codes. The old ones no longer work.').waitFor();
    const codes = await alice.page.getByTestId('recovery-codes').locator('code').allTextContents();
    expect(codes).toHaveLength(10);
    expect(codes.filter((c) => first.includes(c))).toEqual([]);
    await alice.expectAccessible('settings: new recovery codes');

    // At 360 px, in Somali, nothing scrolls sideways.
    await alice.settings.chooseLanguage('so');
    await alice.page.getByRole('heading', { name: 'Koodhadhka soo celinta' }).waitFor();
    await alice.page.setViewportSize({ width: 360, height: 780 });
    expect(await alice.page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      360,
    );
    await alice.expectAccessible('settings (so, 360 px)');
    await alice.screenshot('account-01-settings-so');
  });

  it('a member adds a passkey from settings, and it logs them in', async () => {
    const bob = await stage.phone('bob');
    // Joined with a key kept on this phone: the phone had no passkey then.
    await bob.join.joinWith(await stage.world.sponsors[1].invite(), 'Powderhorn Park');
    const passkeys = () =>
      bob.page.evaluate<unknown[]>(`fetch('/api/v1/me/passkeys').then((r) => r.json())`);
    expect(await passkeys()).toEqual([]);

    // Now the phone has a platform authenticator (a CDP virtual one, with user verification).
    await addPlatformAuthenticator(bob.page);
    await bob.settings.open();
    const card = bob.page.getByTestId('passkeys');
    await card.getByRole('button', { name: 'Add a passkey' }).click();
    await card.getByText('Passkey added. It is listed with your devices.').waitFor();
    expect(await passkeys()).toHaveLength(1);
    await bob.expectAccessible('settings: passkey added');

    await bob.page.getByRole('link', { name: 'Your devices and keys' }).click();
    await bob.page.getByRole('heading', { name: 'Your devices' }).waitFor();
    await expect
      .poll(() => bob.page.getByTestId('devices').locator('li').allTextContents())
      .toEqual(expect.arrayContaining([expect.stringMatching(/^Passkey/)]));

    // The session ends and this phone's own key is gone: the passkey made in settings opens a
    // new session.
    const { handle } = await bob.me();
    await bob.page.evaluate(`new Promise((resolve, reject) => {
      const open = indexedDB.open('tocsin');
      open.onsuccess = () => {
        const tx = open.result.transaction('keys', 'readwrite');
        tx.objectStore('keys').clear();
        tx.oncomplete = () => { open.result.close(); resolve(null); };
        tx.onerror = () => reject(tx.error);
      };
    })`);
    await bob.context.clearCookies();
    await bob.goto('/');
    await bob.page.getByRole('button', { name: 'Log in with a passkey' }).click();
    await bob.page.getByRole('heading', { name: 'Alerts', exact: true }).waitFor();
    await bob.settings.open();
    await bob.page.getByText(`Nickname: ${handle}`).waitFor();
  });

  it('a member joins a neighborhood from settings and leaves it, and the server has it so', async () => {
    const carla = await stage.phone('carla');
    await carla.join.joinWith(await stage.world.sponsors[1].invite(), 'Powderhorn Park');
    const areas = await carla.page.evaluate<{ id: string; name: string }[]>(
      `fetch('/api/v1/areas').then((r) => r.json())`,
    );
    const phillips = areas.find((a) => a.name === 'East Phillips');
    expect(phillips).toBeDefined();
    const holds = async () =>
      ((await carla.me()) as unknown as { roles: { areaId: string; role: string }[] }).roles
        .filter((r) => r.areaId === phillips?.id)
        .map((r) => r.role);
    expect(await holds()).toEqual([]);

    await carla.settings.open();
    const card = carla.page.getByTestId('my-neighborhoods');
    await card.getByLabel('Join a neighborhood').selectOption({ label: 'East Phillips' });
    await card.getByRole('button', { name: 'Join', exact: true }).click();
    await card.getByText('You joined East Phillips.').waitFor();
    expect(await holds()).toEqual(['member']);
    await card.getByRole('button', { name: 'Leave East Phillips' }).waitFor();
    await carla.expectAccessible('settings: neighborhoods, joined');

    await card.getByRole('button', { name: 'Leave East Phillips' }).click();
    await card.getByText('Leave East Phillips? Any role you hold there ends.').waitFor();
    await carla.expectAccessible('settings: leave a neighborhood?');
    await card.getByRole('button', { name: 'Leave', exact: true }).click();
    await card.getByText('You left East Phillips.').waitFor();
    expect(await holds()).toEqual([]);
    expect(await card.getByRole('button', { name: 'Leave East Phillips' }).count()).toBe(0);

    // The new cards at 360 px in every language: nothing sideways, no axe violation.
    await carla.page.setViewportSize({ width: 360, height: 780 });
    const titles = {
      en: 'Neighborhoods you belong to',
      es: 'Vecindarios a los que pertenece',
      so: 'Xaafadaha aad ka tirsan tahay',
      hmn: 'Cov zej zog koj koom nrog',
    };
    const passkeyTitles = {
      en: 'Passkeys',
      es: 'Llaves de acceso',
      so: 'Furayaasha sirta',
      hmn: 'Cov passkey',
    };
    for (const lang of ['en', 'es', 'so', 'hmn'] as const) {
      await carla.settings.chooseLanguage(lang);
      await card.getByRole('heading', { name: titles[lang] }).waitFor();
      await carla.page
        .getByTestId('passkeys')
        .getByRole('heading', { name: passkeyTitles[lang] })
        .waitFor();
      expect(
        await carla.page.evaluate('document.documentElement.scrollWidth'),
        `settings (${lang}) fits 360 px`,
      ).toBeLessThanOrEqual(360);
      await carla.expectAccessible(`settings: neighborhoods and passkeys (${lang}, 360 px)`);
      await carla.screenshot(`account-02-neighborhoods-${lang}`);
    }
  });
});
