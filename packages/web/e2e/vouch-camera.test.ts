import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { encodeQR } from 'qr';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, TEST_BROWSER } from './browser';
import { Phone } from './phone';
import { joinApproved, roleInvite, startWorld, type World } from './world';

const suite = TEST_BROWSER ? describe : describe.skip;
const title = TEST_BROWSER
  ? 'vouching in person with the camera'
  : 'vouching in person with the camera (skipped: TEST_BROWSER is not set)';

/**
 * A camera that films a QR code: Chromium's fake capture device plays a Y4M file (raw YUV 4:2:0
 * frames), looping. The code is drawn black on white with the four-module quiet zone.
 */
function qrVideo(text: string, size = 480, frames = 3): Buffer {
  const modules = encodeQR(text, 'raw');
  const quiet = 4;
  const cells = modules.length + 2 * quiet;
  const scale = Math.floor(size / cells);
  const offset = Math.floor((size - cells * scale) / 2) + quiet * scale;
  const luma = Buffer.alloc(size * size, 235);
  modules.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (!dark) return;
      for (let dy = 0; dy < scale; dy++) {
        const start = (offset + y * scale + dy) * size + offset + x * scale;
        luma.fill(16, start, start + scale);
      }
    }),
  );
  const chroma = Buffer.alloc((size / 2) * (size / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${size} H${size} F10:1 Ip A1:1 C420jpeg\n`);
  return Buffer.concat([header, ...Array.from({ length: frames }, () => frame)]);
}

// Issue 14 (meeting invites: "an active member vouches for them in person (the web app scans a
// member's QR)") and issue 20 ("vouch (scan a member's QR in person)"): the camera path, with a
// camera that films the newcomer's code, decoded on the phone by the qr library's detector.
suite(title, () => {
  let world: World;
  let plain: Browser;
  let withCamera: Browser | undefined;
  let dir = '';

  beforeAll(async () => {
    world = await startWorld();
    plain = await launchBrowser();
    dir = await mkdtemp(path.join(tmpdir(), 'tocsin-camera-'));
  });
  afterAll(async () => {
    await withCamera?.close();
    await plain?.close();
    await world?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("an active member scans a newcomer's code with the camera and vouches for them", async () => {
    const newcomer = await Phone.open(plain, world.url, 'newcomer');
    await newcomer.join.joinWith(await roleInvite(world, 'member'), 'Powderhorn Park');
    expect((await newcomer.me()).status).toBe('probation');
    await newcomer.goto('/vouch');
    const handle = (await newcomer.page.getByTestId('my-handle').textContent()) ?? '';
    expect(handle.length).toBeGreaterThan(2);

    // What the newcomer's screen shows: `<origin>/vouch#<handle>` as a QR code.
    const video = path.join(dir, 'code.y4m');
    await writeFile(video, qrVideo(`${world.url}/vouch#${handle}`));
    withCamera = await launchBrowser([
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ]);
    const neighbor = await Phone.open(withCamera, world.url, 'neighbor with a camera');
    await neighbor.context.grantPermissions(['camera'], { origin: world.url });
    await joinApproved(world, neighbor, 'member');
    await neighbor.page.setViewportSize({ width: 360, height: 780 });
    await neighbor.goto('/vouch');
    await neighbor.page.getByRole('button', { name: 'Scan their code' }).click();
    // The scan fills in the nickname from the code and stops the camera.
    const field = neighbor.page.getByLabel('Their nickname');
    await expect.poll(() => field.inputValue(), { timeout: 20_000 }).toBe(handle);
    expect(
      await neighbor.page.evaluate<boolean>(
        `(() => { const v = document.querySelector('video'); return !v || v.srcObject === null; })()`,
      ),
    ).toBe(true);
    await neighbor.expectAccessible('vouch: scanned');
    await neighbor.page.getByRole('button', { name: 'Vouch for this member' }).click();
    await neighbor.page.getByText(`${handle} is now an active member.`).waitFor();
    // Polled: a page's first /me may be the answer preloaded when it loaded (early-requests.js).
    await expect.poll(async () => (await newcomer.me()).status, { timeout: 10_000 }).toBe('active');
    expect(newcomer.problems).toEqual([]);
    expect(neighbor.problems).toEqual([]);
  });
});
