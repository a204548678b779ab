import { randomBytes, randomUUID } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import fc from 'fast-check';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../src/app';
import { canDecode } from '../src/rapid-response/photos/photos.image';
import { buildMember, type BuiltMember } from './helpers/factories';
import { loadMinneapolis, POWDERHORN } from './helpers/city';
import { recordFigure } from './helpers/figures';
import { fuzzSeed, replayWith } from './helpers/fuzz-seed';
import { createTestContext, describeEachDatabase, type TestContext } from './helpers/harness';
import {
  CANARY,
  handmadePng,
  jpegMarkers,
  multipart,
  phoneJpeg,
  photoForm,
  readGps,
  smallJpeg,
} from './helpers/photos';

const MB = 1024 * 1024;
/** JPEG segments that carry metadata: APP1–APP15 (EXIF, XMP, ICC, IPTC…) and comments. */
const METADATA_MARKERS = [...Array.from({ length: 15 }, (_, i) => 0xe1 + i), 0xfe];

describeEachDatabase('photos', (kind) => {
  let t: TestContext;
  let app: FastifyInstance;
  let ids: { cityId: string; powderhornId: string; otherAreaId: string };

  beforeAll(async () => {
    t = await createTestContext({ kind });
    const loaded = await loadMinneapolis(t.ctx);
    const areas = await t.ctx.areas.get();
    const other = areas.all.find((a) => a.kind === 'neighborhood' && a.id !== loaded.powderhornId);
    if (!other) throw new Error('no second neighborhood');
    ids = { ...loaded, otherAreaId: other.id };
    app = await createApp(t.ctx);
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  /** A fresh member's report in Powderhorn. */
  const newReport = async () => {
    const reporter = await buildMember(t.ctx, {
      roles: [{ areaId: ids.cityId, role: 'member' }],
    });
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      headers: reporter.auth,
      payload: { salute: { activity: 'agents at the corner', location: POWDERHORN } },
    });
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json<{ report: { id: string }; incident: { id: string } }>();
    return { reporter, reportId: body.report.id, incidentId: body.incident.id };
  };
  const upload = (
    member: BuiltMember,
    reportId: string,
    form: { payload: Buffer; headers: Record<string, string> },
    query = '',
  ) =>
    app.inject({
      method: 'POST',
      url: `/api/v1/reports/${reportId}/photos${query}`,
      headers: { ...member.auth, ...form.headers },
      payload: form.payload,
    });
  const get = (member: BuiltMember, url: string) =>
    app.inject({ method: 'GET', url: `/api/v1${url}`, headers: member.auth });
  const stored = (id: string) =>
    t.ctx.db.selectFrom('photos').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const errorOf = (response: { json: () => unknown }) =>
    (response.json() as { error: { code: string; message: string } }).error;

  it('strips EXIF, GPS, XMP and ICC from a phone JPEG, turning it upright first', async () => {
    const input = await phoneJpeg();
    // The input really carries what must go: a GPS IFD with the position, XMP, ICC, orientation.
    const before = await sharp(input).metadata();
    expect(before).toMatchObject({ orientation: 6, hasProfile: true, width: 64, height: 32 });
    expect(before.xmpAsString).toContain(CANARY.xmpLatitude);
    const gps = readGps(before.exif ?? Buffer.alloc(0));
    expect(gps?.tags).toEqual(expect.arrayContaining([1, 2, 3, 4]));
    expect(gps?.latitudeRef).toBe('N');
    expect(gps?.latitude).toEqual([44, 1, 56, 1, 5100, 100]);
    const latitudeBytes = gps?.latitudeBytes ?? Buffer.alloc(0);
    for (const needle of ['Exif', CANARY.make, CANARY.model, CANARY.xmpLatitude, latitudeBytes]) {
      expect(input.includes(needle)).toBe(true);
    }

    const { reporter, reportId } = await newReport();
    const response = await upload(reporter, reportId, photoForm(input));
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json<{ id: string; width: number; height: number; bytes: number }>();
    expect(body).toMatchObject({ width: 32, height: 64 });

    const row = await stored(body.id);
    const bytes = Buffer.from(row.bytes);
    expect(row).toMatchObject({ mime: 'image/jpeg', report_id: reportId, member_id: reporter.id });
    expect(body.bytes).toBe(bytes.length);
    const after = await sharp(bytes).metadata();
    expect(after).toMatchObject({ format: 'jpeg', width: 32, height: 64, hasProfile: false });
    const fields = ['exif', 'xmp', 'iptc', 'icc', 'orientation', 'comments'] as const;
    const needles = [
      'Exif',
      'http://ns.adobe.com',
      'ICC_PROFILE',
      CANARY.make,
      CANARY.model,
      CANARY.xmpLatitude,
      latitudeBytes,
    ];
    const surviving = [
      ...fields.filter((field) => after[field] !== undefined),
      ...jpegMarkers(bytes)
        .filter((m) => METADATA_MARKERS.includes(m))
        .map((m) => `marker 0x${m.toString(16)}`),
      ...needles.filter((needle) => bytes.includes(needle)).map(String),
    ];
    recordFigure('photo-metadata', 'photos.test.ts', kind, {
      planted: fields.filter((field) => before[field] !== undefined).length + needles.length,
      surviving: surviving.length,
    });
    expect(surviving).toEqual([]);

    // What the reporter gets back is exactly what was stored.
    const image = await get(reporter, `/reports/${reportId}/photos/${body.id}`);
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/jpeg');
    expect(image.headers['cache-control']).toBe('private, no-store');
    expect(image.rawPayload.equals(bytes)).toBe(true);
  });

  it('stores a PNG (with transparency) as a JPEG no larger than 2048 px on its long side', async () => {
    const png = await sharp({
      create: {
        width: 3000,
        height: 1500,
        channels: 4,
        background: { r: 0, g: 0, b: 255, alpha: 0.5 },
      },
    })
      .png()
      .toBuffer();
    const { reporter, reportId } = await newReport();
    const response = await upload(reporter, reportId, photoForm(png, 'shot.png', 'image/png'));
    expect(response.statusCode, response.body).toBe(201);
    const { id } = response.json<{ id: string }>();
    expect(response.json()).toMatchObject({ width: 2048, height: 1024 });
    const meta = await sharp(Buffer.from((await stored(id)).bytes)).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 2048, height: 1024, channels: 3 });
  });

  it('accepts WebP and AVIF and stores them as JPEG; HEIC only where sharp decodes it', async () => {
    const { reporter, reportId } = await newReport();
    const image = sharp({ create: { width: 20, height: 10, channels: 3, background: '#0a0' } });
    for (const [data, name] of [
      [await image.clone().webp().toBuffer(), 'a.webp'],
      [await image.clone().avif().toBuffer(), 'a.avif'],
    ] as const) {
      const response = await upload(reporter, reportId, photoForm(data, name, 'image/webp'));
      expect(response.statusCode, `${name}: ${response.body}`).toBe(201);
      const meta = await sharp(
        Buffer.from((await stored(response.json<{ id: string }>().id)).bytes),
      ).metadata();
      expect(meta.format).toBe('jpeg');
    }
    const heic = Buffer.concat([
      Buffer.from('\0\0\0\x18ftypheic\0\0\0\0mif1heic', 'latin1'),
      randomBytes(200),
    ]);
    const response = await upload(reporter, reportId, photoForm(heic, 'a.heic', 'image/heic'));
    expect(response.statusCode).toBe(canDecode('heic') ? 400 : 415);
  });

  it('refuses what only claims to be an image: HTML, SVG, GIF, TIFF → 415', async () => {
    const { reporter, reportId } = await newReport();
    const fakes: Buffer[] = [
      Buffer.from('<!doctype html><html><script>alert(document.cookie)</script></html>'),
      Buffer.from(
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>',
      ),
      Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>'),
      await sharp({ create: { width: 4, height: 4, channels: 3, background: '#000' } })
        .gif()
        .toBuffer(),
      await sharp({ create: { width: 4, height: 4, channels: 3, background: '#000' } })
        .tiff()
        .toBuffer(),
    ];
    for (const data of fakes) {
      const response = await upload(reporter, reportId, photoForm(data, 'photo.jpg', 'image/jpeg'));
      expect(response.statusCode, response.body).toBe(415);
      expect(errorOf(response).code).toBe('unsupported_media_type');
    }
    expect((await get(reporter, `/reports/${reportId}/photos`)).json()).toEqual([]);
  });

  it('re-encodes a JPEG+ZIP polyglot into a clean JPEG with nothing after its end', async () => {
    const tail = Buffer.concat([
      Buffer.from([0x50, 0x4b, 0x03, 0x04]),
      Buffer.from('payload.html<script>alert(1)</script>'),
      deflateSync(Buffer.from('zip member')),
      Buffer.from([0x50, 0x4b, 0x05, 0x06]),
      Buffer.alloc(18),
    ]);
    const polyglot = Buffer.concat([await smallJpeg(), tail]);
    const { reporter, reportId } = await newReport();
    const response = await upload(reporter, reportId, photoForm(polyglot));
    expect(response.statusCode, response.body).toBe(201);
    const bytes = Buffer.from((await stored(response.json<{ id: string }>().id)).bytes);
    expect(bytes.subarray(-2)).toEqual(Buffer.from([0xff, 0xd9]));
    expect(bytes.indexOf(Buffer.from([0xff, 0xd9]))).toBe(bytes.length - 2);
    const trailing = [Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('<script>')];
    recordFigure('photo-metadata', 'photos.test.ts', kind, {
      planted: trailing.length,
      surviving: trailing.filter((needle) => bytes.includes(needle)).length,
    });
    for (const needle of trailing) expect(bytes.includes(needle)).toBe(false);
  });

  it('refuses more than 40 megapixels from the header, before decoding: 413', async () => {
    const { reporter, reportId } = await newReport();
    const big = await sharp({
      create: { width: 10_000, height: 5_000, channels: 3, background: '#fff' },
    })
      .png()
      .toBuffer();
    expect(big.length).toBeLessThan(MB);
    const response = await upload(reporter, reportId, photoForm(big, 'big.png', 'image/png'));
    expect(response.statusCode, response.body).toBe(413);
    expect(errorOf(response).code).toBe('photo_too_large');
    // Only the header of the same file: decoding it would fail as corrupt; the header check
    // answers first.
    const headerOnly = big.subarray(0, 1024);
    const again = await upload(reporter, reportId, photoForm(headerOnly, 'big.png', 'image/png'));
    expect(again.statusCode, again.body).toBe(413);
  });

  it('refuses an upload over 10 MB: 413', async () => {
    const { reporter, reportId } = await newReport();
    const data = Buffer.concat([await smallJpeg(), randomBytes(11 * MB)]);
    const response = await upload(reporter, reportId, photoForm(data));
    expect(response.statusCode, response.body).toBe(413);
    expect(errorOf(response).code).toBe('photo_too_large');
    expect((await get(reporter, `/reports/${reportId}/photos`)).json()).toEqual([]);
  });

  it('answers decompression bombs with 4xx, never 5xx', async () => {
    const { reporter, reportId } = await newReport();
    // 10 gigapixels claimed by a 4 KB PNG.
    const pngBomb = handmadePng(100_000, 100_000, 4 * MB);
    expect(pngBomb.length).toBeLessThan(16 * 1024);
    // A JPEG whose frame header claims 65000 × 65000.
    const jpegBomb = await smallJpeg(8, 8);
    const sof = jpegBomb.indexOf(Buffer.from([0xff, 0xc0]));
    jpegBomb.writeUInt16BE(65_000, sof + 5);
    jpegBomb.writeUInt16BE(65_000, sof + 7);
    for (const [data, name] of [
      [pngBomb, 'bomb.png'],
      [jpegBomb, 'bomb.jpg'],
    ] as const) {
      const response = await upload(reporter, reportId, photoForm(data, name));
      expect(response.statusCode, `${name}: ${response.body}`).toBe(413);
    }
    // Within the pixel cap, metadata chunks that inflate to 50 MB: stored without them, or refused.
    const textBomb = handmadePng(100, 100, 100 * 301, [
      {
        type: 'zTXt',
        data: Buffer.concat([
          Buffer.from('Comment\0\0', 'latin1'),
          deflateSync(Buffer.alloc(50 * MB, 0x41)),
        ]),
      },
      {
        type: 'iCCP',
        data: Buffer.concat([Buffer.from('x\0\0', 'latin1'), deflateSync(Buffer.alloc(50 * MB))]),
      },
    ]);
    const response = await upload(reporter, reportId, photoForm(textBomb, 'text.png'));
    expect(response.statusCode, response.body).toBeLessThan(500);
    if (response.statusCode === 201) {
      const bytes = Buffer.from((await stored(response.json<{ id: string }>().id)).bytes);
      const meta = await sharp(bytes).metadata();
      recordFigure('photo-metadata', 'photos.test.ts', kind, {
        planted: 2,
        surviving: (meta.comments === undefined ? 0 : 1) + (meta.icc === undefined ? 0 : 1),
      });
      expect(bytes.length).toBeLessThan(64 * 1024);
      expect(meta.comments).toBeUndefined();
      expect(meta.icc).toBeUndefined();
    }
  });

  it('names the file when the image is corrupt or missing: 400', async () => {
    const { reporter, reportId } = await newReport();
    const truncated = (await phoneJpeg()).subarray(0, 300);
    const bad = await upload(reporter, reportId, photoForm(truncated));
    expect(bad.statusCode, bad.body).toBe(400);
    expect(errorOf(bad).message).toMatch(/^file: /);

    const empty = await upload(reporter, reportId, photoForm(Buffer.alloc(0)));
    expect(empty.statusCode).toBe(400);
    expect(errorOf(empty).message).toMatch(/^file: /);

    const noFile = await upload(reporter, reportId, multipart([]));
    expect(noFile.statusCode).toBe(400);
    expect(errorOf(noFile).message).toBe('file: required');

    const withField = await upload(
      reporter,
      reportId,
      multipart([
        { name: 'note', data: 'hello' },
        { name: 'file', data: await smallJpeg(), filename: 'a.jpg' },
      ]),
    );
    expect(withField.statusCode).toBe(400);
    expect(errorOf(withField).message).toMatch(/^file: /);

    const twoFiles = await upload(
      reporter,
      reportId,
      multipart([
        { name: 'file', data: await smallJpeg(), filename: 'a.jpg' },
        { name: 'file', data: await smallJpeg(), filename: 'b.jpg' },
      ]),
    );
    expect(twoFiles.statusCode).toBe(400);

    const json = await app.inject({
      method: 'POST',
      url: `/api/v1/reports/${reportId}/photos`,
      headers: reporter.auth,
      payload: { file: 'not a file' },
    });
    expect(json.statusCode).toBe(415);
    expect(errorOf(json).code).toBe('unsupported_media_type');
    expect((await get(reporter, `/reports/${reportId}/photos`)).json()).toEqual([]);
  });

  it('finds no 5xx in random bytes behind image magic numbers', async () => {
    const { reporter, reportId } = await newReport();
    const magic = [
      [0xff, 0xd8, 0xff],
      [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
      [...Buffer.from('RIFF\0\0\0\0WEBPVP8 ')],
      [...Buffer.from('\0\0\0\x1cftypavif\0\0\0\0avifmif1miaf', 'latin1')],
      [],
    ];
    const seed = fuzzSeed();
    let tried = 0;
    let serverErrors = 0;
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...magic),
          fc.uint8Array({ minLength: 0, maxLength: 2048 }),
          async (head, rest) => {
            const data = Buffer.concat([Buffer.from(head), Buffer.from(rest)]);
            const response = await upload(reporter, reportId, photoForm(data));
            tried += 1;
            if (response.statusCode >= 500) serverErrors += 1;
            expect(response.statusCode, `${replayWith(seed)}: ${response.body}`).toBeLessThan(500);
          },
        ),
        { numRuns: 15, seed },
      );
    } finally {
      recordFigure('bad-inputs', 'photos.test.ts', kind, { tried, serverErrors });
    }
  });

  it('lets only the author upload; anyone else gets the 404 of an unknown report', async () => {
    const { reportId } = await newReport();
    const verifier = await buildMember(t.ctx, {
      roles: [{ areaId: ids.powderhornId, role: 'verifier' }],
    });
    const stranger = await buildMember(t.ctx, { roles: [{ areaId: ids.cityId, role: 'member' }] });
    const jpeg = await smallJpeg();
    const unknown = await upload(stranger, randomUUID(), photoForm(jpeg));
    expect(unknown.statusCode).toBe(404);
    for (const member of [stranger, verifier]) {
      const response = await upload(member, reportId, photoForm(jpeg));
      expect(response.statusCode).toBe(404);
      expect(response.json()).toEqual(unknown.json());
    }
    const anonymous = await app.inject({
      method: 'POST',
      url: `/api/v1/reports/${reportId}/photos`,
      ...photoForm(jpeg),
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it("shows a report's photos to its author and the area's staff only", async () => {
    const { reporter, reportId, incidentId } = await newReport();
    const created = await upload(reporter, reportId, photoForm(await smallJpeg(50, 20)));
    expect(created.statusCode).toBe(201);
    const photoId = created.json<{ id: string }>().id;
    const member = (areaId: string, role: 'member' | 'verifier' | 'dispatcher' | 'responder') =>
      buildMember(t.ctx, { roles: [{ areaId, role }] });
    const allowed = [
      reporter,
      await member(ids.powderhornId, 'verifier'),
      await member(ids.powderhornId, 'dispatcher'),
      await member(ids.cityId, 'verifier'),
    ];
    const denied = [
      await member(ids.otherAreaId, 'verifier'),
      await member(ids.otherAreaId, 'dispatcher'),
      await member(ids.powderhornId, 'member'),
      await member(ids.powderhornId, 'responder'),
      await buildMember(t.ctx, {
        status: 'probation',
        roles: [{ areaId: ids.powderhornId, role: 'verifier' }],
      }),
    ];
    for (const who of allowed) {
      const list = await get(who, `/reports/${reportId}/photos`);
      expect(list.statusCode).toBe(200);
      expect(list.json()).toEqual([
        { id: photoId, width: 50, height: 20, createdAt: expect.any(String) as string },
      ]);
      const image = await get(who, `/reports/${reportId}/photos/${photoId}`);
      expect(image.statusCode).toBe(200);
      expect(image.headers['content-type']).toBe('image/jpeg');
    }
    const unknown = await get(reporter, `/reports/${reportId}/photos/${randomUUID()}`);
    expect(unknown.statusCode).toBe(404);
    for (const who of denied) {
      const list = await get(who, `/reports/${reportId}/photos`);
      expect(list.statusCode).toBe(404);
      const image = await get(who, `/reports/${reportId}/photos/${photoId}`);
      expect(image.statusCode).toBe(404);
      expect(image.json()).toEqual((await get(who, `/reports/${randomUUID()}/photos`)).json());
    }
    // A photo id asked for under another report does not exist there.
    const other = await newReport();
    const crossed = await get(other.reporter, `/reports/${other.reportId}/photos/${photoId}`);
    expect(crossed.statusCode).toBe(404);

    // The incident's staff view lists the photo; the reporter's view has no staff fields.
    const staffView = await get(allowed[1]!, `/incidents/${incidentId}`);
    expect(staffView.json<{ photos: unknown[] }>().photos).toContainEqual({
      id: photoId,
      reportId,
    });
    const reporterView = await get(reporter, `/incidents/${incidentId}`);
    expect(reporterView.statusCode).toBe(200);
    expect(reporterView.json()).not.toHaveProperty('photos');
  });

  it('holds at most five photos per report: the sixth is 409', async () => {
    const { reporter, reportId } = await newReport();
    const jpeg = await smallJpeg();
    for (let i = 0; i < 5; i++) {
      expect((await upload(reporter, reportId, photoForm(jpeg))).statusCode).toBe(201);
    }
    const sixth = await upload(reporter, reportId, photoForm(jpeg));
    expect(sixth.statusCode).toBe(409);
    expect(errorOf(sixth).code).toBe('too_many_photos');
    expect((await get(reporter, `/reports/${reportId}/photos`)).json()).toHaveLength(5);
  });

  it('answers a retried upload with the same id like the first, and stores one photo', async () => {
    const { reporter, reportId } = await newReport();
    const id = randomUUID();
    const jpeg = await smallJpeg();
    const first = await upload(reporter, reportId, photoForm(jpeg), `?id=${id}`);
    expect(first.statusCode).toBe(201);
    const second = await upload(reporter, reportId, photoForm(jpeg), `?id=${id}`);
    expect(second.statusCode).toBe(200);
    expect(second.json()).toEqual(first.json());
    expect((await get(reporter, `/reports/${reportId}/photos`)).json()).toHaveLength(1);
    const elsewhere = await newReport();
    const taken = await upload(
      elsewhere.reporter,
      elsewhere.reportId,
      photoForm(jpeg),
      `?id=${id}`,
    );
    expect(taken.statusCode).toBe(409);
  });

  it('hides the photos of a purged report and takes no more', async () => {
    const { reporter, reportId } = await newReport();
    const created = await upload(reporter, reportId, photoForm(await smallJpeg()));
    const photoId = created.json<{ id: string }>().id;
    await t.ctx.db
      .updateTable('reports')
      .set({ purged_at: t.ctx.clock.now() })
      .where('id', '=', reportId)
      .execute();
    const again = await upload(reporter, reportId, photoForm(await smallJpeg()));
    expect(again.statusCode).toBe(409);
    expect(errorOf(again).code).toBe('report_purged');
    expect((await get(reporter, `/reports/${reportId}/photos`)).statusCode).toBe(404);
    expect((await get(reporter, `/reports/${reportId}/photos/${photoId}`)).statusCode).toBe(404);
  });

  it(`keeps the 64 KB JSON limit on other routes [${kind}]`, async () => {
    const { reporter } = await newReport();
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      headers: reporter.auth,
      payload: { text: 'x'.repeat(70 * 1024) },
    });
    expect(response.statusCode).toBe(413);
    const { payload, headers } = photoForm(await smallJpeg());
    const form = await app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      headers: { ...reporter.auth, ...headers },
      payload,
    });
    expect(form.statusCode).toBe(415);
  });
});
