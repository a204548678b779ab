export { extractPlates } from './extract-plates';
export type { SaluteField } from './labels';
export {
  AREA_ID_MAX,
  PLATE_INPUT_MAX,
  PLATES_MAX,
  REPORT_TEXT_MAX,
  SALUTE_FIELD_MAX,
} from './limits';
export type { MergedReport, MergedSalute } from './merge-report';
export { mergeReport } from './merge-report';
export type { ParsedSalute, ParsedText } from './parse-text';
export { parseSaluteText } from './parse-text';
export { parsePlateKey } from './plate-key';
export type { NormalizedPlate } from './plates';
export {
  canonicalPlate,
  canonicalPlateKey,
  dedupePlates,
  formatPlate,
  normalizePlate,
  plateKey,
  REGION_CODES,
} from './plates';
export type {
  ReportInput,
  RequiredFieldsView,
  SaluteInput,
  SaluteLocationInput,
} from './report-input';
export {
  missingRequired,
  reportInputSchema,
  saluteLocationSchema,
  saluteSchema,
} from './report-input';
export type { TimeContext, TimeExpression } from './resolve-time';
export { findTimeExpression, resolveTime } from './resolve-time';
export type { ZonedParts } from './time-zone';
export { isValidTimeZone, zonedParts, zonedTimeToUtc } from './time-zone';
export type { ParseOptions } from './parse-text';
export type { ActivityCode, PlaceVocabulary, ProseFields } from './prose-fields';
export { ACTIVITY_CODES, activityCodeOf, readProseFields } from './prose-fields';
export { activityLabel, isActivityCode } from './activity-codes';
