import sharp, { type Metadata } from 'sharp';
import { AppError, ValidationError } from '../../platform';
import { PHOTO_LIMITS } from './photos.policy';

export type ImageKind = 'jpeg' | 'png' | 'webp' | 'avif' | 'heic';

/** The decoder sharp must report for each kind, so no other loader ever reads the bytes. */
const DECODER: Record<ImageKind, string> = {
  jpeg: 'jpeg',
  png: 'png',
  webp: 'webp',
  avif: 'heif',
  heic: 'heif',
};

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1']);

const ascii = (bytes: Buffer, start: number, end: number) =>
  bytes.subarray(start, end).toString('latin1');

/** The brands of an ISO-BMFF `ftyp` box (AVIF, HEIC), or null when the file does not start with one. */
function ftypBrands(bytes: Buffer): string[] | null {
  if (bytes.length < 16 || ascii(bytes, 4, 8) !== 'ftyp') return null;
  const size = bytes.readUInt32BE(0);
  if (size < 16 || size > Math.min(bytes.length, 4096) || size % 4 !== 0) return null;
  const brands = [ascii(bytes, 8, 12)];
  for (let at = 16; at + 4 <= size; at += 4) brands.push(ascii(bytes, at, at + 4));
  return brands;
}

/** What the file's leading bytes say it is; the name and declared type are never trusted. */
export function sniffImage(bytes: Buffer): ImageKind | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    return 'jpeg';
  }
  if (bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return 'png';
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') {
    return 'webp';
  }
  const brands = ftypBrands(bytes);
  if (!brands) return null;
  if (brands.includes('avif') || brands.includes('avis')) return 'avif';
  if (brands.some((b) => HEIC_BRANDS.has(b))) return 'heic';
  return null;
}

/** Whether this build of sharp decodes the kind (prebuilt sharp reads AVIF but not HEIC). */
export function canDecode(kind: ImageKind): boolean {
  if (kind !== 'heic') return true;
  return sharp.format.heif.input.fileSuffix?.includes('.heic') ?? false;
}

/** Keeps libvips from caching decoded uploads in memory between requests. */
export function configureImageProcessing(): void {
  sharp.cache(false);
}

export interface CleanPhoto {
  bytes: Buffer;
  width: number;
  height: number;
}

const unsupported = (message: string) => new AppError(415, 'unsupported_media_type', message);
const corrupt = () =>
  new ValidationError('file: not a readable image', [
    { path: 'file', message: 'not a readable image' },
  ]);

/**
 * Checks an uploaded photo and re-encodes it: the kind from its magic bytes, its size in pixels
 * from its header before decoding, then turned upright by its EXIF orientation, shrunk to the
 * maximum side and written as a fresh JPEG that carries no metadata at all (no EXIF, GPS, XMP,
 * IPTC, ICC or comments) and nothing that trailed the image in the upload.
 */
export async function reencodePhoto(input: Buffer): Promise<CleanPhoto> {
  const kind = sniffImage(input);
  if (!kind) throw unsupported('file: not a JPEG, PNG, WebP or AVIF image');
  if (!canDecode(kind)) throw unsupported(`file: ${kind.toUpperCase()} is not supported here`);

  let header: Metadata;
  try {
    // Header only: no pixel is decoded here, so the pixel cap is ours to check just below.
    header = await sharp(input, { limitInputPixels: false }).metadata();
  } catch {
    throw corrupt();
  }
  if (header.format !== DECODER[kind]) throw unsupported('file: content does not match its type');
  if (header.width * header.height > PHOTO_LIMITS.maxPixels) {
    throw new AppError(
      413,
      'photo_too_large',
      `file: more than ${PHOTO_LIMITS.maxPixels / 1_000_000} megapixels`,
    );
  }

  try {
    const { data, info } = await sharp(input, {
      limitInputPixels: PHOTO_LIMITS.maxPixels,
      failOn: 'warning',
    })
      .autoOrient()
      .resize(PHOTO_LIMITS.maxSide, PHOTO_LIMITS.maxSide, {
        fit: 'inside',
        withoutEnlargement: true,
      })
      .flatten({ background: '#ffffff' })
      .toColourspace('srgb')
      // No keepMetadata/withMetadata: sharp writes none of the input's metadata, nor an ICC profile.
      .jpeg({ quality: PHOTO_LIMITS.jpegQuality })
      .toBuffer({ resolveWithObject: true });
    return { bytes: data, width: info.width, height: info.height };
  } catch {
    throw corrupt();
  }
}
