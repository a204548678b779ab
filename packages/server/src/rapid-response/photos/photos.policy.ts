import type { Principal } from '@tocsin/core';
import { isAreaStaff } from '../incidents';

/** Caps on what one upload and one report may hold. */
export const PHOTO_LIMITS = {
  /** Bytes of one uploaded file, before re-encoding. */
  maxBytes: 10 * 1024 * 1024,
  /** Width × height read from the file's header, checked before any pixel is decoded. */
  maxPixels: 40_000_000,
  /** Long side of the stored image. */
  maxSide: 2048,
  jpegQuality: 80,
  perReport: 5,
  uploadsPerMinute: 20,
} as const;

export interface ReportOwner {
  member_id: string;
}

/** Only the member who wrote a report may add photos to it. */
export function canAddPhoto(principal: Principal, report: ReportOwner): boolean {
  return report.member_id === principal.memberId;
}

/**
 * A report's photos are seen by its author and by the verifiers and dispatchers of its incident's
 * area; to everyone else they do not exist.
 */
export function canSeePhotos(
  principal: Principal,
  report: ReportOwner,
  incidentAreaChain: readonly string[],
): boolean {
  return canAddPhoto(principal, report) || isAreaStaff(principal, incidentAreaChain);
}
