import type { ActivityCode } from './activity-codes';
import { activityCodeFromText } from './activity-from-text';
import { extractPlates } from './extract-plates';
import type { SaluteField } from './labels';
import { REPORT_TEXT_MAX, SALUTE_FIELD_MAX } from './limits';
import type { NormalizedPlate } from './plates';
import type { PlaceVocabulary } from './prose-fields';
import { readProseFields } from './prose-fields';
import type { TimeContext } from './resolve-time';
import { findTimeExpression, resolveTime } from './resolve-time';
import { scanFields } from './scan-fields';
import { capText, capValue } from './text';

/** SALUTE fields read from free text; every value is trimmed and within the contract's caps. */
export interface ParsedSalute {
  size?: string;
  activity?: string;
  /** The quick choice the activity's words clearly name (activityCodeFromText), if any. */
  activityCode?: ActivityCode;
  location?: { text?: string };
  uniform?: string;
  time?: string;
  equipment?: string;
}

/** What parseSaluteText read from a pasted message. */
export interface ParsedText {
  salute: ParsedSalute;
  /** The report time as an ISO instant, when `salute.time` could be read. */
  timeResolved?: string;
  plates: NormalizedPlate[];
  /** Unlabeled text that did not become the activity because the text labeled one. */
  notes?: string;
}

/** The time context, and optionally the city's place words (gazetteer) to find places in prose. */
export interface ParseOptions extends TimeContext {
  places?: PlaceVocabulary;
}

// Repeated labels ("L: Lake St" and later "L: by the Cub") keep every value.
const REPEAT_JOIN = '; ';

function nonEmpty(s: string): string | undefined {
  return s === '' ? undefined : s;
}

/**
 * Reads SALUTE fields, the report time and licence plates from pasted free text (Signal
 * messages, English or Spanish labels). Unlabeled text becomes the activity when no activity is
 * labeled, else it is returned as `notes`. Never throws.
 */
export function parseSaluteText(text: string, opts: ParseOptions): ParsedText {
  const source = capText(typeof text === 'string' ? text : '', REPORT_TEXT_MAX);
  const { fields, unlabeled } = scanFields(source);
  const value = (field: SaluteField): string | undefined => {
    const values = fields.get(field);
    return values === undefined
      ? undefined
      : nonEmpty(capValue(values.join(REPEAT_JOIN), SALUTE_FIELD_MAX));
  };
  const free = unlabeled.join('\n');
  const salute: ParsedSalute = {};
  let notes: string | undefined;

  const size = value('size');
  if (size !== undefined) salute.size = size;
  const activity = value('activity');
  if (activity !== undefined) {
    salute.activity = activity;
    notes = nonEmpty(capValue(free, REPORT_TEXT_MAX));
  } else {
    const fromFree = nonEmpty(capValue(free, SALUTE_FIELD_MAX));
    if (fromFree !== undefined) salute.activity = fromFree;
  }
  // The code is read from the activity's words only (labeled, or the unlabeled text): a
  // "checkpoint" in another labeled field says nothing about what the agents are doing.
  const activityCode =
    salute.activity === undefined ? undefined : activityCodeFromText(salute.activity);
  if (activityCode !== undefined) salute.activityCode = activityCode;
  const location = value('location');
  if (location !== undefined) salute.location = { text: location };
  const uniform = value('uniform');
  if (uniform !== undefined) salute.uniform = uniform;
  const equipment = value('equipment');
  if (equipment !== undefined) salute.equipment = equipment;

  // A message without labels is read as prose: "3 vans 2 agents in vests at Lake and
  // Bloomington 10 min ago". A labeled message says what it means; its other lines stay notes.
  // Values stay slices of what the member wrote.
  const prose = fields.size === 0 ? readProseFields(free, opts.places) : {};
  const fromProse = (v: string | undefined) =>
    v === undefined ? undefined : nonEmpty(capValue(v, SALUTE_FIELD_MAX));
  if (salute.size === undefined) {
    const v = fromProse(prose.size);
    if (v !== undefined) salute.size = v;
  }
  if (salute.uniform === undefined) {
    const v = fromProse(prose.uniform);
    if (v !== undefined) salute.uniform = v;
  }
  if (salute.equipment === undefined) {
    const v = fromProse(prose.equipment);
    if (v !== undefined) salute.equipment = v;
  }
  if (salute.location === undefined) {
    const v = fromProse(prose.location);
    if (v !== undefined) salute.location = { text: v };
  }

  let timeText = value('time');
  if (timeText === undefined) {
    // No time label: "ICE at Cub 10 min ago" still dates the report.
    const places = [free, activity, location, equipment, uniform, size];
    for (const place of places) {
      const found = place === undefined ? undefined : findTimeExpression(place);
      if (found !== undefined) {
        timeText = nonEmpty(capValue(found.text, SALUTE_FIELD_MAX));
        break;
      }
    }
  }
  const result: ParsedText = { salute, plates: extractPlates(source) };
  if (timeText !== undefined) {
    salute.time = timeText;
    const resolved = resolveTime(timeText, opts);
    if (resolved !== undefined) result.timeResolved = resolved;
  }
  if (notes !== undefined) result.notes = notes;
  return result;
}
