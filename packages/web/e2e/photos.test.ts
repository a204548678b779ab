import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { TEST_BROWSER } from './browser';
import { browserWorld } from './browser-world';
import type { Phone } from './phone';
import { approve, approvedMember, joinApproved, POWDERHORN_100M } from './world';

const suite = TEST_BROWSER ? describe : describe.skip;
const title = TEST_BROWSER
  ? 'photos in the browser'
  : 'photos in the browser (skipped: TEST_BROWSER is not set)';

/** A camera-sized JPEG (2400 × 1800) carrying EXIF with a GPS position, made for the test. */
async function cameraPhoto(): Promise<Buffer> {
  const width = 2400;
  const height = 1800;
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const at = (y * width + x) * 3;
      pixels[at] = (x * 255) / width;
      pixels[at + 1] = (y * 255) / height;
      pixels[at + 2] = (x ^ y) & 0xff;
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 92 })
    .withExif({
      IFD0: { Make: 'TestPhone', Model: 'SECRETMODEL' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '44/1 56/1 51/1',
        GPSLongitudeRef: 'W',
        GPSLongitude: '93/1 15/1 20/1',
      },
    })
    .toBuffer();
}

// Keeps a copy of every file the page uploads (the browser does not show a form's blob to the
// test as request data): exactly what left the phone.
const RECORD_UPLOADS = `
  window.__uploads = [];
  const send = window.fetch;
  window.fetch = function (input, init) {
    const file = init && init.body instanceof FormData ? init.body.get('file') : null;
    if (file instanceof Blob) {
      window.__uploads.push(file.arrayBuffer().then((b) => Array.from(new Uint8Array(b))));
    }
    return send.apply(this, arguments);
  };
`;

async function uploadsOf(phone: Phone): Promise<Buffer[]> {
  const files = await phone.page.evaluate<number[][]>('Promise.all(window.__uploads)');
  return files.map((bytes) => Buffer.from(bytes));
}

/** Chooses files through the form's "Add a photo" button, as a member would. */
async function addPhoto(phone: Phone, file: Buffer): Promise<void> {
  const chooser = phone.page.waitForEvent('filechooser');
  await phone.page.getByRole('button', { name: 'Add a photo' }).click();
  await (await chooser).setFiles({ name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: file });
}

/** Whether the page is wider than a 360 px phone (something would scroll sideways). */
async function fitsOn360(phone: Phone): Promise<boolean> {
  await phone.page.setViewportSize({ width: 360, height: 780 });
  const wide = await phone.page.evaluate<number>('document.documentElement.scrollWidth');
  await phone.page.setViewportSize({ width: 390, height: 844 });
  return wide <= 360;
}

suite(title, () => {
  const stage = browserWorld();
  const { phone } = stage;
  let alice: Phone;
  let photo: Buffer;
  let reportId = '';
  let incidentId = '';

  it('a member attaches a photo: made smaller and stripped of its metadata on the phone, sent after the report', async () => {
    photo = await cameraPhoto();
    expect(photo.includes('SECRETMODEL')).toBe(true);
    expect((await sharp(photo).metadata()).exif).toBeDefined();

    alice = await phone('alice');
    await alice.context.addInitScript({ content: RECORD_UPLOADS });
    await alice.join.joinWith(await stage.world.sponsors[0].invite(), 'Powderhorn Park');
    await approve(stage.world, alice);

    await alice.report.open();
    await alice.report.waitForLocation();
    await alice.report.quick('Agents detaining someone');
    await addPhoto(alice, photo);
    await alice.page.getByRole('img', { name: 'Photo 1 to add' }).waitFor();
    await alice.page.getByRole('button', { name: 'Remove photo 1' }).waitFor();
    await alice.page
      .getByText('Photos are made smaller on your phone and lose their hidden data')
      .waitFor();
    await alice.expectAccessible('report with a photo');
    expect(await fitsOn360(alice)).toBe(true);
    await alice.screenshot('photos-01-report-with-photo');

    reportId = await alice.report.send();
    await expect.poll(() => alice.report.statusOf(reportId)).toBe('sent');
    await expect.poll(() => alice.report.item(reportId).textContent()).not.toContain('Photos');
    incidentId = await alice.report.incidentLink(reportId);

    // What left the phone: one JPEG, at most 1600 px on its long side, with no EXIF or GPS.
    const uploads = await uploadsOf(alice);
    expect(uploads).toHaveLength(1);
    const sent = uploads[0] ?? Buffer.alloc(0);
    const meta = await sharp(sent).metadata();
    expect(meta.format).toBe('jpeg');
    expect(Math.max(meta.width, meta.height)).toBe(1600);
    expect(meta.exif).toBeUndefined();
    expect(sent.includes('SECRETMODEL')).toBe(false);
    expect(sent.length).toBeLessThan(photo.length);
    expect(sent.length).toBeLessThanOrEqual(700 * 1024);

    // The author may see her own photo; the server kept it without metadata too.
    const mine = await alice.page.evaluate<{ id: string; width: number }[]>(
      `fetch('/api/v1/reports/${reportId}/photos').then((r) => r.json())`,
    );
    expect(mine).toHaveLength(1);
    expect(mine[0]?.width).toBe(1600);
  });

  it('a verifier of the area sees the photo on the incident', async () => {
    const verifier = await phone('verifier');
    await joinApproved(stage.world, verifier, 'verifier');
    await verifier.incident.open(incidentId);
    const image = verifier.page.getByTestId('incident-photos').getByRole('img', {
      name: 'Photo 1 of 1 from the reports',
    });
    await image.waitFor();
    await expect
      .poll(() =>
        verifier.page.evaluate<number>(
          `document.querySelector('[data-testid="incident-photos"] img').naturalWidth`,
        ),
      )
      .toBe(1600);
    await verifier.page.getByRole('heading', { name: 'Photos from reports' }).waitFor();
    await verifier.expectAccessible('incident with photos (verifier)');
    expect(await fitsOn360(verifier)).toBe(true);
    await verifier.screenshot('photos-02-incident-verifier');

    // In another language the photo strings come with the photo code.
    await verifier.page.evaluate(`localStorage.setItem('tocsin.lang', 'so')`);
    await verifier.page.reload();
    await verifier.page.getByRole('heading', { name: 'Sawirrada warbixinnada' }).waitFor();
    expect(await fitsOn360(verifier)).toBe(true);
    await verifier.expectAccessible('incident with photos (verifier, so)');
    await verifier.close();
  });

  it('a plain member of the area sees the incident but not the photo', async () => {
    // A second, independent report makes the incident UNCONFIRMED: every member may see it.
    const neighbor = await approvedMember(stage.world, stage.world.sponsors[1]);
    await neighbor.ok('POST', '/reports', {
      id: crypto.randomUUID(),
      salute: { activity: 'agents at the corner', location: { lat: 44.9476, lng: -93.2555 } },
    });

    const bob = await phone('bob', POWDERHORN_100M);
    await bob.join.joinWith(await stage.world.sponsors[1].invite(), 'Powderhorn Park');
    await approve(stage.world, bob);
    await bob.incident.open(incidentId);
    expect(await bob.incident.state()).toBe('UNCONFIRMED');
    await bob.page.getByRole('heading', { name: 'What happened' }).waitFor();
    expect(await bob.page.getByTestId('incident-photos').count()).toBe(0);
    expect(await bob.page.locator('img[src*="/photos/"]').count()).toBe(0);
    // Nor through the API: for him the photos do not exist.
    const statuses = await bob.page.evaluate<number[]>(`(async () => {
      const list = await fetch('/api/v1/reports/${reportId}/photos');
      const detail = await fetch('/api/v1/incidents/${incidentId}').then((r) => r.json());
      return [list.status, detail.photos === undefined ? 0 : 1];
    })()`);
    expect(statuses).toEqual([404, 0]);
    await bob.expectAccessible('incident (plain member)');
    await bob.close();
  });

  it('offline, the photo waits with its report in the outbox; both are sent once back online', async () => {
    await alice.nav('Alerts');
    await alice.report.open();
    await alice.report.waitForLocation();
    await alice.context.setOffline(true);
    await alice.report.quick('Checkpoint');
    await addPhoto(alice, photo);
    await alice.page.getByRole('img', { name: 'Photo 1 to add' }).waitFor();
    await alice.page.getByText('You are offline. The photos wait on this phone').waitFor();
    await alice.expectAccessible('report with a photo (offline)');
    const id = await alice.report.send();
    await expect.poll(() => alice.report.statusOf(id)).toBe('waiting');
    expect(await alice.report.item(id).textContent()).toContain('Photos still to send: 1');
    await alice.screenshot('photos-03-offline-waiting');

    await alice.context.setOffline(false);
    await expect.poll(() => alice.report.statusOf(id), { timeout: 15_000 }).toBe('sent');
    await expect.poll(() => alice.report.item(id).textContent()).not.toContain('Photos');
    const photos = await alice.page.evaluate<unknown[]>(
      `fetch('/api/v1/reports/${id}/photos').then((r) => r.json())`,
    );
    expect(photos).toHaveLength(1);
  });
});
