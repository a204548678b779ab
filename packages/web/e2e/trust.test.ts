import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ApiClient } from './api-client';
import { TEST_BROWSER } from './browser';
import { browserWorld } from './browser-world';
import type { Phone } from './phone';
import { joinApproved } from './world';

const suite = TEST_BROWSER ? describe : describe.skip;
const title = TEST_BROWSER
  ? 'devices, meeting invites and vouching in the browser'
  : 'devices, meeting invites and vouching in the browser (skipped: TEST_BROWSER is not set)';

const NARROW = { width: 360, height: 780 };

/** Each screen's heading in the other three languages, to check they are all there. */
const HEADINGS = {
  devices: { es: 'Sus dispositivos', so: 'Qalabkaaga', hmn: 'Koj cov khoom siv' },
  meeting: {
    es: 'Invitar a una reunión a Powderhorn Park',
    so: 'Shir ku casuun Powderhorn Park',
    hmn: 'Caw ib lub rooj sib tham rau Powderhorn Park',
  },
  vouch: { es: 'Responder en persona', so: 'Shakhsi ahaan u damiin', hmn: 'Lav tim ntsej muag' },
} as const;

/** Opens `path` in each other language, checks its heading and runs axe; back to English. */
async function everyLanguage(phone: Phone, path: string, screen: keyof typeof HEADINGS) {
  for (const [lang, heading] of Object.entries(HEADINGS[screen])) {
    await phone.page.evaluate(`localStorage.setItem('tocsin.lang', '${lang}')`);
    await phone.goto(path);
    await phone.page.getByRole('heading', { name: heading }).first().waitFor();
    await phone.expectAccessible(`${screen} (${lang})`);
  }
  await phone.page.evaluate(`localStorage.setItem('tocsin.lang', 'en')`);
}

suite(title, () => {
  const stage = browserWorld();
  const { phone } = stage;
  let organizer: Phone;
  let newcomer: Phone;
  let meetingCode = '';

  it('an organizer makes a meeting invite, shows its QR code on the projector, and withdraws it', async () => {
    organizer = await phone('organizer');
    await joinApproved(stage.world, organizer, 'organizer');
    await organizer.page.setViewportSize(NARROW);
    await organizer.goto('/organize/meeting');
    await organizer.page
      .getByRole('heading', { name: 'Invite a meeting to Powderhorn Park' })
      .waitFor();
    await organizer.page.getByLabel('Meeting name').fill('Block 12 assembly');
    await organizer.page.getByLabel('How many people can join').fill('300');
    await organizer.page.getByLabel('Works for how many hours').fill('3');
    await organizer.page.getByRole('button', { name: 'Make the meeting invite' }).click();
    const made = organizer.page.getByTestId('meeting-invite');
    const qr = made.getByRole('img', { name: 'QR code to join Tocsin: Block 12 assembly' });
    await qr.waitFor();
    // Drawn here: an SVG of modules, no image fetched.
    expect(await made.locator('svg[role="img"]').count()).toBe(1);
    expect(await made.locator('img').count()).toBe(0);
    expect((await qr.locator('path').getAttribute('d'))?.length).toBeGreaterThan(200);
    const link = (await made.locator('.meeting-card__url').textContent()) ?? '';
    expect(link).toMatch(new RegExp(`^${stage.world.url}/join#[\\w-]{16,}$`));
    meetingCode = link.split('#')[1] ?? '';
    await organizer.expectAccessible('meeting invite: made');
    await organizer.screenshot('70-meeting-invite');

    await organizer.page.getByRole('button', { name: 'Show on the projector' }).click();
    const projector = organizer.page.getByRole('dialog', { name: 'Block 12 assembly' });
    await projector
      .getByRole('img', { name: 'QR code to join Tocsin: Block 12 assembly' })
      .waitFor();
    await organizer.expectAccessible('meeting invite: projector');
    await organizer.screenshot('71-meeting-projector');
    await projector.getByRole('button', { name: 'Close the projector view' }).click();

    // Someone in the room joins with the code: on probation, the organizer as sponsor.
    newcomer = await phone('newcomer');
    await newcomer.page.setViewportSize(NARROW);
    await newcomer.join.joinWith(meetingCode, 'Powderhorn Park');
    const me = await newcomer.page.evaluate<{ status: string; sponsorId: string }>(
      `fetch('/api/v1/me').then((r) => r.json())`,
    );
    expect(me.status).toBe('probation');
    expect(me.sponsorId).toBe((await organizer.me()).id);

    await organizer.goto('/organize/meeting');
    const row = organizer.page
      .getByTestId('meetings')
      .locator('li', { hasText: 'Block 12 assembly' });
    await row.getByText('1 of 300 joined').waitFor();
    await row.getByRole('button', { name: 'Withdraw Block 12 assembly' }).click();
    await organizer.expectAccessible('meeting invite: withdraw confirm');
    await row.getByRole('button', { name: 'Yes, withdraw it' }).click();
    await organizer.page
      .getByTestId('meetings')
      .locator('li[data-state="revoked"]', { hasText: 'Block 12 assembly' })
      .waitFor();
    await expect(ApiClient.join(stage.world.server.url, meetingCode)).rejects.toThrow(
      /answered 410.*invite_gone/,
    );
    await everyLanguage(organizer, '/organize/meeting', 'meeting');
  });

  it('a member on probation shows their code; an active member vouches for them in person', async () => {
    await newcomer.goto('/vouch');
    await newcomer.page.getByRole('heading', { name: 'Your code' }).waitFor();
    const handle = (await newcomer.page.getByTestId('my-handle').textContent()) ?? '';
    await newcomer.page
      .getByRole('img', { name: `QR code with your nickname ${handle}` })
      .waitFor();
    await newcomer.expectAccessible('vouch: my code');
    await newcomer.screenshot('72-vouch-my-code');

    const neighbor = await phone('neighbor');
    await joinApproved(stage.world, neighbor, 'member');
    await neighbor.page.setViewportSize(NARROW);
    await neighbor.goto('/vouch');
    await neighbor.page.getByRole('button', { name: 'Scan their code' }).waitFor();
    // No camera in the test browser: the nickname under the code, typed in.
    await neighbor.page.getByLabel('Their nickname').fill(handle);
    await neighbor.page.getByRole('button', { name: 'Vouch for this member' }).click();
    await neighbor.page.getByText(`${handle} is now an active member.`).waitFor();
    await neighbor.expectAccessible('vouch: done');
    expect((await newcomer.me()).status).toBe('active');
    await everyLanguage(neighbor, '/vouch', 'vouch');
  });

  it('lists my devices, removes a lost phone (it cannot log in) and logs out everywhere', async () => {
    const member = await phone('member with two phones');
    await joinApproved(stage.world, member, 'member');
    await member.page.setViewportSize(NARROW);
    // A second phone's key, added from this one.
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const lost = publicKey.export({ format: 'jwk' }).x ?? '';
    const added = await member.page.evaluate<number>(
      `fetch('/api/v1/me/device-keys', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ publicKey: '${lost}' }) }).then((r) => r.status)`,
    );
    expect(added).toBe(201);
    const loginWithLost = async () => {
      const anonymous = new ApiClient(stage.world.server.url);
      const { challenge } = await anonymous.ok<{ challenge: string }>(
        'POST',
        '/auth/device/challenge',
        {
          publicKey: lost,
        },
      );
      const signature = sign(null, Buffer.from(challenge, 'utf8'), privateKey).toString(
        'base64url',
      );
      return anonymous.call('POST', '/auth/device/login', {
        publicKey: lost,
        challenge,
        signature,
      });
    };
    expect((await loginWithLost()).status).toBe(200);

    await member.settings.open();
    await member.page.getByRole('link', { name: 'Your devices and keys' }).click();
    await member.page.getByRole('heading', { name: 'Your devices' }).waitFor();
    const list = member.page.getByTestId('devices');
    await expect.poll(() => list.locator('li').count()).toBe(2);
    expect(await list.locator('li[data-current="yes"]').count()).toBe(1);
    await member.expectAccessible('devices: list');
    await member.screenshot('73-devices');

    const other = list.locator('li[data-current="no"]');
    await other.getByRole('button', { name: /^Remove Phone key/ }).click();
    await member.expectAccessible('devices: remove confirm');
    await other.getByRole('button', { name: 'Yes, remove it' }).click();
    await member.page.getByText('Removed. It cannot log in any more.').waitFor();
    await expect.poll(() => list.locator('li').count()).toBe(1);
    // The seized phone's key cannot log in any more.
    expect((await loginWithLost()).status).toBe(401);
    await everyLanguage(member, '/settings/devices', 'devices');

    await member.goto('/settings/devices');
    await member.page.getByRole('button', { name: 'Log out everywhere' }).click();
    await member.page
      .getByRole('group', { name: 'Log out everywhere and remove every other device?' })
      .getByRole('button', { name: 'Log out everywhere' })
      .click();
    await member.page.getByRole('heading', { name: 'Welcome to Tocsin' }).waitFor();
    // This phone's own key was kept: it logs straight back in, on the screen it was on.
    await member.page.getByRole('button', { name: "Log in with this phone's key" }).click();
    await member.page.getByRole('heading', { name: 'Your devices' }).waitFor();
    await expect.poll(() => list.locator('li[data-current="yes"]').count()).toBe(1);
    expect((await member.me()).status).toBe('active');
  });
});
