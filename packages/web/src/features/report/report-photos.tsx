import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useOnline } from '../../app/use-online';
import type { QueuedPhoto } from '../../lib/outbox';
import { compressPhoto, PHOTO_ON_PHONE } from './photo-compress';
import { usePhotoStrings } from './photo-strings';
import './photos.css';

export { loadPhotoStrings } from './photo-strings';

/** A photo added to the form: already compressed, shown from a blob: URL until sent. */
export interface DraftPhoto {
  id: string;
  blob: Blob;
  url: string;
}

/**
 * Compresses the chosen files, as many as still fit in the report. `failed` counts the files
 * that could not be read as a picture (or were too large to try).
 */
export async function preparePhotos(
  files: readonly File[],
  already: number,
): Promise<{ photos: DraftPhoto[]; failed: number; tooMany: boolean }> {
  const room = PHOTO_ON_PHONE.perReport - already;
  const photos: DraftPhoto[] = [];
  let failed = 0;
  for (const file of files.slice(0, Math.max(0, room))) {
    try {
      const { blob } = await compressPhoto(file);
      photos.push({ id: crypto.randomUUID(), blob, url: URL.createObjectURL(blob) });
    } catch {
      failed += 1;
    }
  }
  return { photos, failed, tooMany: files.length > room };
}

/** What the outbox keeps in IndexedDB for each photo: its id, type and bytes. */
export async function queuePhotos(photos: readonly DraftPhoto[]): Promise<QueuedPhoto[]> {
  return Promise.all(
    photos.map(async (p) => ({ id: p.id, type: p.blob.type, data: await p.blob.arrayBuffer() })),
  );
}

/** Lets go of the previews' memory. */
export function releasePhotos(photos: readonly DraftPhoto[]): void {
  for (const p of photos) URL.revokeObjectURL(p.url);
}

/** The photos of the report being written: previews to remove, how they travel, problems. */
export function ReportPhotos({
  photos,
  busy,
  failed,
  tooMany,
  onRemove,
}: {
  photos: readonly DraftPhoto[];
  busy: boolean;
  failed: boolean;
  tooMany: boolean;
  onRemove: (id: string) => void;
}) {
  const { t } = useTranslation();
  const online = useOnline();
  const ready = usePhotoStrings();
  // The form left: the previews' memory goes (a removed photo's goes when it is removed).
  const shown = useRef(photos);
  shown.current = photos;
  useEffect(() => () => releasePhotos(shown.current), []);
  if (!ready) return null;
  return (
    <div className="report-photos" data-testid="report-photos">
      {photos.length ? (
        <ul className="report-photos__list">
          {photos.map((photo, index) => (
            <li key={photo.id}>
              <img src={photo.url} alt={t('photos.preview', { n: index + 1 })} />
              <button
                type="button"
                className="button button--small button--quiet"
                onClick={() => onRemove(photo.id)}
              >
                {t('photos.remove', { n: index + 1 })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <p role="status" className="hint">
        {busy ? t('photos.preparing') : ''}
      </p>
      {failed ? <p className="notice notice--warn">{t('photos.unreadable')}</p> : null}
      {tooMany ? (
        <p className="notice notice--warn">
          {t('photos.tooMany', { max: PHOTO_ON_PHONE.perReport })}
        </p>
      ) : null}
      <p className="hint">{t('photos.privacy')}</p>
      {!online ? <p className="notice notice--info">{t('photos.offline')}</p> : null}
    </div>
  );
}
