import type { Executor } from '../../platform';

/** A report with what photo rules need: its author, whether it is purged, its incident's area. */
export function findReportForPhotos(db: Executor, reportId: string) {
  return db
    .selectFrom('reports')
    .innerJoin('incidents', 'incidents.id', 'reports.incident_id')
    .select(['reports.id', 'reports.member_id', 'reports.purged_at', 'incidents.area_id'])
    .where('reports.id', '=', reportId)
    .executeTakeFirst();
}

/** Locks a report for the rest of the transaction, so concurrent uploads count one at a time. */
export function lockReport(db: Executor, reportId: string) {
  return db
    .selectFrom('reports')
    .select(['id', 'member_id', 'purged_at'])
    .where('id', '=', reportId)
    .forUpdate()
    .executeTakeFirst();
}

export async function countPhotos(db: Executor, reportId: string): Promise<number> {
  const row = await db
    .selectFrom('photos')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('report_id', '=', reportId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const META = ['id', 'report_id', 'member_id', 'width', 'height', 'created_at'] as const;

/** A photo's description without its bytes. */
export function findPhotoMeta(db: Executor, id: string) {
  return db
    .selectFrom('photos')
    .select([...META, (eb) => eb.fn<number>('octet_length', ['bytes']).as('size')])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** One photo of one report, bytes included. */
export function findPhoto(db: Executor, reportId: string, photoId: string) {
  return db
    .selectFrom('photos')
    .select(['id', 'mime', 'bytes'])
    .where('id', '=', photoId)
    .where('report_id', '=', reportId)
    .executeTakeFirst();
}

/** A report's photos, oldest first, without their bytes. */
export function photosOfReport(db: Executor, reportId: string) {
  return db
    .selectFrom('photos')
    .select([...META])
    .where('report_id', '=', reportId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export interface NewPhoto {
  id: string;
  reportId: string;
  memberId: string;
  width: number;
  height: number;
  bytes: Buffer;
  createdAt: Date;
}

/** Stores a re-encoded JPEG; false when its id exists already (a retry that raced the first). */
export async function insertPhoto(db: Executor, p: NewPhoto): Promise<boolean> {
  const result = await db
    .insertInto('photos')
    .values({
      id: p.id,
      report_id: p.reportId,
      member_id: p.memberId,
      mime: 'image/jpeg',
      width: p.width,
      height: p.height,
      bytes: p.bytes,
      created_at: p.createdAt,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
}
