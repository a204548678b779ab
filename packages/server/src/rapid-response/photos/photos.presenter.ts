export interface PhotoView {
  id: string;
  width: number;
  height: number;
  createdAt: string;
}

export interface StoredPhotoView {
  id: string;
  width: number;
  height: number;
  /** Size of the stored (re-encoded) JPEG. */
  bytes: number;
}

/** A photo in a report's list: never who took it, never its bytes. */
export function presentPhoto(row: {
  id: string;
  width: number;
  height: number;
  created_at: Date;
}): PhotoView {
  return {
    id: row.id,
    width: row.width,
    height: row.height,
    createdAt: row.created_at.toISOString(),
  };
}

/** The answer to an upload: what was stored. */
export function presentStoredPhoto(row: {
  id: string;
  width: number;
  height: number;
  size: number;
}): StoredPhotoView {
  return { id: row.id, width: row.width, height: row.height, bytes: row.size };
}

/** Image bytes as a Buffer, whichever driver read them (pg gives Buffer, PGlite Uint8Array). */
export function photoBytes(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
}
