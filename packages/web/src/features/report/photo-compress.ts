/** How a photo is shrunk on the phone before it is queued: bounded in pixels and in bytes. */
export const PHOTO_ON_PHONE = {
  /** Long side in pixels (the server keeps at most 2048). */
  maxSide: 1600,
  /** JPEG qualities tried in turn until the file fits `maxBytes`. */
  qualities: [0.8, 0.65, 0.5] as const,
  maxBytes: 700 * 1024,
  /** Photos one report may carry (the server's cap). */
  perReport: 5,
  /** Bigger files are refused before decoding (the server's cap on an upload). */
  maxInputBytes: 10 * 1024 * 1024,
} as const;

/** The size that fits inside `maxSide` × `maxSide` with the same shape, never enlarged. */
export function fitInside(
  width: number,
  height: number,
  maxSide: number,
): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  };
}

export interface CompressedPhoto {
  blob: Blob;
  width: number;
  height: number;
}

/**
 * Decodes a picture (turned upright by its EXIF orientation), draws it smaller on a canvas and
 * encodes a fresh JPEG. A canvas keeps pixels only: the new file has no EXIF, GPS, maker notes or
 * comments of the original. (The server re-encodes again and writes no metadata either.)
 */
export async function compressPhoto(file: Blob): Promise<CompressedPhoto> {
  if (file.size > PHOTO_ON_PHONE.maxInputBytes) throw new Error('too_large');
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  try {
    const { width, height } = fitInside(bitmap.width, bitmap.height, PHOTO_ON_PHONE.maxSide);
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no_canvas');
    // White under transparent pixels, as JPEG has no transparency.
    context.fillStyle = '#fff';
    context.fillRect(0, 0, width, height);
    context.drawImage(bitmap, 0, 0, width, height);
    let blob: Blob | null = null;
    for (const quality of PHOTO_ON_PHONE.qualities) {
      blob = await new Promise<Blob | null>((resolve) =>
        canvas.toBlob(resolve, 'image/jpeg', quality),
      );
      if (!blob) throw new Error('no_encoder');
      if (blob.size <= PHOTO_ON_PHONE.maxBytes) break;
    }
    if (!blob) throw new Error('no_encoder');
    return { blob, width, height };
  } finally {
    bitmap.close();
  }
}
