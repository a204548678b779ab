import { randomBytes } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';

export interface FormPart {
  name: string;
  data: Buffer | string;
  filename?: string;
  type?: string;
}

/** A multipart/form-data body built by hand, with its content-type header, for `app.inject`. */
export function multipart(parts: FormPart[]): {
  payload: Buffer;
  headers: Record<string, string>;
} {
  const boundary = `----tocsin${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition =
      `form-data; name="${part.name}"` + (part.filename ? `; filename="${part.filename}"` : '');
    const head =
      `--${boundary}\r\nContent-Disposition: ${disposition}\r\n` +
      (part.type ? `Content-Type: ${part.type}\r\n` : '') +
      '\r\n';
    chunks.push(Buffer.from(head), Buffer.from(part.data), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** One file part named `file`, as the app sends a photo. */
export function photoForm(data: Buffer, filename = 'photo.jpg', type = 'image/jpeg') {
  return multipart([{ name: 'file', data, filename, type }]);
}

/** A small plain JPEG. */
export function smallJpeg(width = 40, height = 30): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#3a6' } })
    .jpeg()
    .toBuffer();
}

export const CANARY = {
  make: 'CanaryPhone',
  model: 'Canary-X1',
  /** 44°56'51.00" N, 93°15'19.80" W: a point in Powderhorn. */
  gpsLatitude: '44/1 56/1 5100/100',
  gpsLongitude: '93/1 15/1 1980/100',
  xmpLatitude: '44,56.85N',
};

/**
 * A 64×32 JPEG as a phone writes one: EXIF with make, model and a GPS position, orientation 6
 * (shown rotated a quarter turn), an XMP packet with the position again and an ICC profile.
 */
export function phoneJpeg(): Promise<Buffer> {
  const xmp =
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
    '<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" ' +
    `exif:GPSLatitude="${CANARY.xmpLatitude}"/></rdf:RDF></x:xmpmeta>`;
  return sharp({ create: { width: 64, height: 32, channels: 3, background: '#c33' } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExifMerge({
      IFD0: { Make: CANARY.make, Model: CANARY.model },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: CANARY.gpsLatitude,
        GPSLongitudeRef: 'W',
        GPSLongitude: CANARY.gpsLongitude,
      },
    })
    .withXmp(xmp)
    .toBuffer();
}

export interface GpsTags {
  /** Tag numbers in the GPS IFD. */
  tags: number[];
  latitudeRef: string | null;
  /** The raw bytes of GPSLatitude (three rationals), to look for in other files. */
  latitudeBytes: Buffer | null;
  latitude: number[];
}

/** Reads the GPS IFD of an EXIF block (as sharp's metadata returns it): a minimal TIFF reader. */
export function readGps(exif: Buffer): GpsTags | null {
  const tiff = exif.subarray(0, 6).toString('latin1') === 'Exif\0\0' ? exif.subarray(6) : exif;
  const le = tiff.subarray(0, 2).toString('latin1') === 'II';
  const u16 = (at: number) => (le ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (le ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const entries = (ifd: number) =>
    Array.from({ length: u16(ifd) }, (_, i) => {
      const at = ifd + 2 + i * 12;
      return { tag: u16(at), count: u32(at + 4), valueAt: at + 8, value: u32(at + 8) };
    });
  const pointer = entries(u32(4)).find((e) => e.tag === 0x8825);
  if (!pointer) return null;
  const gps = entries(pointer.value);
  const ref = gps.find((e) => e.tag === 1);
  const lat = gps.find((e) => e.tag === 2);
  const latitudeBytes = lat ? tiff.subarray(lat.value, lat.value + 24) : null;
  return {
    tags: gps.map((e) => e.tag),
    latitudeRef: ref ? tiff.subarray(ref.valueAt, ref.valueAt + 1).toString('latin1') : null,
    latitudeBytes,
    latitude: lat ? Array.from({ length: 6 }, (_, i) => u32(lat.value + i * 4)) : [],
  };
}

/** The marker of every JPEG segment before the image data (e.g. 0xe1 is APP1: EXIF or XMP). */
export function jpegMarkers(jpeg: Buffer): number[] {
  const markers: number[] = [];
  let at = 2;
  while (at + 4 <= jpeg.length && jpeg[at] === 0xff) {
    const marker = jpeg[at + 1] ?? 0;
    markers.push(marker);
    if (marker === 0xda) break;
    at += 2 + jpeg.readUInt16BE(at + 2);
  }
  return markers;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * An RGB PNG written by hand: any header dimensions, `rawBytes` zero bytes of pixel data deflated
 * (tiny on the wire whatever they expand to), and optional chunks before the data.
 */
export function handmadePng(
  width: number,
  height: number,
  rawBytes: number,
  extra: { type: string; data: Buffer }[] = [],
): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    ...extra.map((c) => pngChunk(c.type, c.data)),
    pngChunk('IDAT', deflateSync(Buffer.alloc(rawBytes), { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}
