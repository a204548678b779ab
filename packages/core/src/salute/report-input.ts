import { z } from 'zod';
import {
  AREA_ID_MAX,
  PLATE_INPUT_MAX,
  PLATES_MAX,
  REPORT_TEXT_MAX,
  SALUTE_FIELD_MAX,
} from './limits';
import { ACTIVITY_CODES } from './activity-codes';
import { normalizePlate } from './plates';

// NUL and lone surrogates are refused before this schema by the API's one input rule
// (../api/input), like every other string that enters.
const text = (max: number) => z.string().trim().max(max);

const field = () => text(SALUTE_FIELD_MAX).optional();

/** Where it happened: coordinates (both or neither) and/or a description like "Lake & 28th". */
export const saluteLocationSchema = z
  .strictObject({
    lat: z.number().min(-90).max(90).optional(),
    lng: z.number().min(-180).max(180).optional(),
    text: field(),
  })
  .superRefine((loc, ctx) => {
    if (loc.lat !== undefined && loc.lng === undefined) {
      ctx.addIssue({ code: 'custom', path: ['lng'], message: 'required with lat' });
    }
    if (loc.lng !== undefined && loc.lat === undefined) {
      ctx.addIssue({ code: 'custom', path: ['lat'], message: 'required with lng' });
    }
  });

/** The SALUTE part of a report: Size, Activity, Location, Uniform, Time, Equipment. */
export const saluteSchema = z.strictObject({
  size: field(),
  activity: field(),
  // A quick choice, as its code (rendered in each reader's language); `activity` is then the
  // reporter's own words beside it, if any.
  activityCode: z.enum(ACTIVITY_CODES).optional(),
  location: saluteLocationSchema.optional(),
  uniform: field(),
  // Free as reporters write it ("2:40pm", "hace 10 min"); the server resolves it to an instant.
  time: field(),
  equipment: field(),
});

/** Body of `POST /api/v1/reports`; unknown fields are rejected. */
export const reportInputSchema = z.strictObject({
  // Client-generated so that an offline retry of the same report is idempotent.
  id: z.uuid().optional(),
  salute: saluteSchema.optional(),
  text: text(REPORT_TEXT_MAX).optional(),
  plates: z
    .array(
      z
        .string()
        .trim()
        .min(1)
        .max(PLATE_INPUT_MAX)
        .refine((p) => normalizePlate(p) !== null, 'not a licence plate'),
    )
    .max(PLATES_MAX)
    .optional(),
  areaId: z
    .string()
    .trim()
    .min(1)
    .max(AREA_ID_MAX)
    .regex(/^[A-Za-z0-9_.:-]+$/, 'not an area id')
    .optional(),
});

export type SaluteLocationInput = z.infer<typeof saluteLocationSchema>;
export type SaluteInput = z.infer<typeof saluteSchema>;
export type ReportInput = z.infer<typeof reportInputSchema>;

/** The parts of a (merged) report that the required-field rule looks at. */
export interface RequiredFieldsView {
  salute?: {
    activity?: string | undefined;
    activityCode?: string | undefined;
    location?: { lat?: number | undefined; lng?: number | undefined } | undefined;
  };
}

/**
 * Paths of required fields still missing after merging parsed text: an activity, and a place
 * (coordinates, or location text or areaId that the server resolved, given as `placeResolved`).
 */
export function missingRequired(
  report: RequiredFieldsView,
  opts: { placeResolved: boolean },
): string[] {
  const missing: string[] = [];
  const hasCode = report.salute?.activityCode !== undefined;
  if (!hasCode && (report.salute?.activity ?? '').trim() === '') missing.push('salute.activity');
  const loc = report.salute?.location;
  const hasCoordinates = loc?.lat !== undefined && loc.lng !== undefined;
  if (!hasCoordinates && !opts.placeResolved) missing.push('salute.location');
  return missing;
}
