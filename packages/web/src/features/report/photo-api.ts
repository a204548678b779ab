import type { StoredPhoto } from '@tocsin/core/api/rapid-response';
import { ApiError } from '../../lib/api/client';
import type { QueuedPhoto, ReportItem } from '../../lib/outbox';

/**
 * Uploads one photo of the caller's report (multipart, one part named `file`). The photo's own
 * id makes a repeat safe: the server answers a second upload of it like the first.
 */
export async function uploadPhoto(reportId: string, photo: QueuedPhoto): Promise<StoredPhoto> {
  const form = new FormData();
  form.append('file', new Blob([photo.data], { type: photo.type }), 'photo');
  let response: Response;
  try {
    response = await fetch(`/api/v1/reports/${reportId}/photos?id=${photo.id}`, {
      method: 'POST',
      credentials: 'same-origin',
      cache: 'no-store',
      body: form,
    });
  } catch {
    throw new ApiError(0, 'network', 'The server could not be reached');
  }
  const payload = (await response.json().catch(() => null)) as {
    error?: { code?: string; message?: string };
  } | null;
  if (!response.ok) {
    const retry = Number(response.headers.get('retry-after') ?? Number.NaN);
    throw new ApiError(
      response.status,
      payload?.error?.code ?? `http_${response.status}`,
      payload?.error?.message ?? response.statusText,
      undefined,
      Number.isFinite(retry) ? retry : undefined,
    );
  }
  return payload as StoredPhoto;
}

/**
 * Sends the photos of a report the server already has, one by one, calling `saved` after each
 * so a later failure never sends one twice. A refusal for good (not an image, too many) drops
 * that photo and counts it; no network, a busy server or a lost session throws, to try again.
 */
export async function sendPhotos(
  item: ReportItem,
  saved: (item: ReportItem) => void,
): Promise<ReportItem> {
  let current = item;
  for (const photo of item.photos ?? []) {
    let refused = 0;
    try {
      await uploadPhoto(item.body.id, photo);
    } catch (error) {
      if (!(error instanceof ApiError) || error.isTransient || error.status === 401) throw error;
      refused = 1;
    }
    current = {
      ...current,
      photos: (current.photos ?? []).filter((p) => p.id !== photo.id),
      photosRefused: (current.photosRefused ?? 0) + refused,
    };
    saved(current);
  }
  return current;
}
