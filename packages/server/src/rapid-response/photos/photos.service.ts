import { randomUUID } from 'node:crypto';
import type { Principal } from '@tocsin/core';
import { ConflictError, NotFoundError, transact, type AppContext } from '../../platform';
import { reencodePhoto } from './photos.image';
import { canAddPhoto, canSeePhotos, PHOTO_LIMITS } from './photos.policy';
import {
  photoBytes,
  presentPhoto,
  presentStoredPhoto,
  type PhotoView,
  type StoredPhotoView,
} from './photos.presenter';
import {
  countPhotos,
  findPhoto,
  findPhotoMeta,
  findReportForPhotos,
  insertPhoto,
  lockReport,
  photosOfReport,
} from './photos.repository';

const noSuchReport = () => new NotFoundError('No such report');
const purged = () => new ConflictError('report_purged', 'This report has expired');
const full = () =>
  new ConflictError('too_many_photos', `A report holds at most ${PHOTO_LIMITS.perReport} photos`);

export interface AddPhotoResult {
  created: boolean;
  photo: StoredPhotoView;
}

/** The same photo id sent again by its author answers like the first upload; else it is taken. */
async function previousUpload(
  ctx: AppContext,
  principal: Principal,
  reportId: string,
  id: string,
): Promise<AddPhotoResult | null> {
  const found = await findPhotoMeta(ctx.db, id);
  if (!found) return null;
  if (found.report_id !== reportId || found.member_id !== principal.memberId) {
    throw new ConflictError('id_taken', 'id: already used');
  }
  return { created: false, photo: presentStoredPhoto(found) };
}

/**
 * Adds a photo to the caller's own report. Who may upload is settled before the upload is read;
 * the image is re-encoded without metadata outside the transaction, and the per-report cap is
 * checked again under a lock on the report when it is stored.
 */
export async function addPhoto(
  ctx: AppContext,
  principal: Principal,
  reportId: string,
  readUpload: () => Promise<Buffer>,
  options: { id?: string | undefined } = {},
): Promise<AddPhotoResult> {
  const report = await findReportForPhotos(ctx.db, reportId);
  if (!report || !canAddPhoto(principal, report)) throw noSuchReport();
  if (report.purged_at) throw purged();
  if (options.id) {
    const previous = await previousUpload(ctx, principal, reportId, options.id);
    if (previous) return previous;
  }
  if ((await countPhotos(ctx.db, reportId)) >= PHOTO_LIMITS.perReport) throw full();

  const clean = await reencodePhoto(await readUpload());
  const id = options.id ?? randomUUID();
  const inserted = await transact(ctx, async (tx) => {
    const locked = await lockReport(tx, reportId);
    if (!locked || !canAddPhoto(principal, locked)) throw noSuchReport();
    if (locked.purged_at) throw purged();
    if ((await countPhotos(tx, reportId)) >= PHOTO_LIMITS.perReport) throw full();
    return insertPhoto(tx, {
      id,
      reportId,
      memberId: principal.memberId,
      width: clean.width,
      height: clean.height,
      bytes: clean.bytes,
      createdAt: ctx.clock.now(),
    });
  });
  if (!inserted) {
    const previous = await previousUpload(ctx, principal, reportId, id);
    if (previous) return previous;
  }
  return {
    created: true,
    photo: presentStoredPhoto({ ...clean, id, size: clean.bytes.length }),
  };
}

/** The report, if the caller may see its photos; otherwise it does not exist for them. */
async function visibleReport(ctx: AppContext, principal: Principal, reportId: string) {
  const report = await findReportForPhotos(ctx.db, reportId);
  if (!report || report.purged_at) throw noSuchReport();
  const areas = await ctx.areas.get();
  const chain = areas.chainOrCity(report.area_id);
  if (!canSeePhotos(principal, report, chain)) throw noSuchReport();
  return report;
}

/** A report's photos, for its author and its incident area's staff. */
export async function listPhotos(
  ctx: AppContext,
  principal: Principal,
  reportId: string,
): Promise<PhotoView[]> {
  await visibleReport(ctx, principal, reportId);
  return (await photosOfReport(ctx.db, reportId)).map(presentPhoto);
}

/** One photo's JPEG bytes, for its report's author and its incident area's staff. */
export async function getPhoto(
  ctx: AppContext,
  principal: Principal,
  reportId: string,
  photoId: string,
): Promise<{ mime: string; bytes: Buffer }> {
  await visibleReport(ctx, principal, reportId);
  const photo = await findPhoto(ctx.db, reportId, photoId);
  if (!photo) throw new NotFoundError('No such photo');
  return { mime: photo.mime, bytes: photoBytes(photo.bytes) };
}
