import { PLATES_MAX } from './limits';
import type { ParsedSalute } from './parse-text';
import { parseSaluteText, type ParseOptions } from './parse-text';
import type { ActivityCode } from './activity-codes';
import type { NormalizedPlate } from './plates';
import { dedupePlates, normalizePlate } from './plates';
import type { ReportInput, SaluteLocationInput } from './report-input';
import { resolveTime } from './resolve-time';

/** A report's SALUTE after merging the structured fields with what its text said. */
export interface MergedSalute extends Omit<ParsedSalute, 'location'> {
  location?: SaluteLocationInput;
  /** The quick choice the reporter tapped, as its code (never read from text). */
  activityCode?: ActivityCode;
}

/** A report ready for the required-field check and storage. */
export interface MergedReport {
  salute: MergedSalute;
  timeResolved?: string;
  plates: NormalizedPlate[];
  /**
   * The quick choice the text names (parseSaluteText), a suggestion only: the report form
   * shows it selected after a paste, and it is stored when the member sends it as their tap.
   */
  textActivityCode?: ActivityCode;
}

const FIELDS = ['size', 'activity', 'uniform', 'time', 'equipment'] as const;

function present(s: string | undefined): string | undefined {
  return s === undefined || s.trim() === '' ? undefined : s;
}

/**
 * Merges a validated report with what its free text says: fields the reporter filled in win
 * over parsed ones, and plates from both are normalized and deduplicated (given plates first).
 */
export function mergeReport(input: ReportInput, ctx: ParseOptions): MergedReport {
  const parsed = input.text === undefined ? undefined : parseSaluteText(input.text, ctx);
  const given = input.salute ?? {};
  const salute: MergedSalute = {};
  for (const key of FIELDS) {
    const v = present(given[key]) ?? parsed?.salute[key];
    if (v !== undefined) salute[key] = v;
  }
  if (given.activityCode !== undefined) salute.activityCode = given.activityCode;
  const location: SaluteLocationInput = {};
  if (given.location?.lat !== undefined && given.location.lng !== undefined) {
    location.lat = given.location.lat;
    location.lng = given.location.lng;
  }
  const placeText = present(given.location?.text) ?? parsed?.salute.location?.text;
  if (placeText !== undefined) location.text = placeText;
  if (Object.keys(location).length > 0) salute.location = location;

  const merged: MergedReport = {
    salute,
    plates: dedupePlates(
      [
        ...(input.plates ?? []).map(normalizePlate).filter((p) => p !== null),
        ...(parsed?.plates ?? []),
      ],
      PLATES_MAX,
    ),
  };
  const timeResolved =
    present(given.time) === undefined ? parsed?.timeResolved : resolveTime(given.time ?? '', ctx);
  if (timeResolved !== undefined) merged.timeResolved = timeResolved;
  const textCode = parsed?.salute.activityCode;
  if (textCode !== undefined) merged.textActivityCode = textCode;
  return merged;
}
