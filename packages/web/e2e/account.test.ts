import { describe, expect, it } from 'vitest';
import { TEST_BROWSER } from './browser';
import { browserWorld } from './browser-world';

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
});
