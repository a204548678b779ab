import { mergeReport } from '@tocsin/core/salute/merge-report';
import { canonicalPlate, formatPlate, normalizePlate } from '@tocsin/core/salute/plates';
import type { Area } from '@tocsin/core/api/membership';
import type { PlaceIndex } from '@tocsin/core/places/resolve-place';
import { choosePlace, placeOfText, type PlaceChoice } from '@tocsin/core/places/read-paste';
import { areaNamedIn, splitPlates, textPosition, type ReportDraft } from './report-draft';

// Loaded when a message is read (report-page imports it on demand), so the parser and the
// place resolver stay out of the report screen's first load.
/**
 * Fills the form from a pasted message with the core parser (the same one the server runs):
 * what the member already typed wins; the neighborhood is picked when the place names one.
 */
export function fillFromText(
  draft: ReportDraft,
  text: string,
  context: {
    timeZone: string;
    areas: readonly Area[];
    places?: PlaceIndex | null;
    /** The city's default plate state: plates are shown in their one canonical form. */
    plateState?: string;
  },
): { draft: ReportDraft; filled: boolean; choice: PlaceChoice } {
  const given = (value: string) => (value.trim() ? value.trim() : undefined);
  const merged = mergeReport(
    {
      text,
      plates: splitPlates(draft.plates).filter((p) => normalizePlate(p) !== null),
      salute: {
        activity: given(draft.activity),
        size: given(draft.size),
        uniform: given(draft.uniform),
        equipment: given(draft.equipment),
        time: given(draft.time),
        location: given(draft.placeText) ? { text: draft.placeText.trim() } : undefined,
      },
    },
    {
      now: new Date(),
      timeZone: context.timeZone,
      ...(context.places ? { places: context.places } : {}),
    },
  );
  const { salute } = merged;
  const placeText = salute.location?.text ?? draft.placeText;
  // Place from the text replaces the phone's position visibly (the page says which is used and
  // lets the member switch); more than 300 m apart, or nothing found, the member is asked.
  const gps = draft.gpsFix ?? (draft.position && !draft.position.fromText ? draft.position : null);
  const near = gps ? { lat: gps.lat, lng: gps.lng } : undefined;
  const textPlace = context.places
    ? (placeOfText(salute.location?.text, text, context.places, near ? { near } : {}) ?? null)
    : null;
  const choice = choosePlace(textPlace ?? undefined, near);
  const position =
    choice.use === 'text'
      ? textPosition(choice.place)
      : choice.use === 'gps'
        ? gps
        : choice.reason === 'none'
          ? draft.position
          : null;
  const next: ReportDraft = {
    ...draft,
    activity: salute.activity ?? draft.activity,
    // The quick choice the text clearly names is shown selected (a tap away from undone); one
    // the member tapped stays, and one read from an earlier paste follows the new text.
    ...(draft.activityCode && !draft.activityCodeFromPaste
      ? {}
      : {
          activityCode: merged.textActivityCode ?? null,
          activityCodeFromPaste: merged.textActivityCode !== undefined,
        }),
    size: salute.size ?? draft.size,
    uniform: salute.uniform ?? draft.uniform,
    equipment: salute.equipment ?? draft.equipment,
    time: salute.time ?? draft.time,
    placeText,
    areaId: draft.areaId || areaNamedIn(placeText, context.areas) || '',
    plates: merged.plates.length
      ? merged.plates.map((p) => formatPlate(canonicalPlate(p, context.plateState) ?? p)).join(', ')
      : draft.plates,
    position,
    textPlace,
    gpsFix: gps,
  };
  const filled = (Object.keys(next) as (keyof ReportDraft)[]).some(
    (k) => k !== 'gpsFix' && k !== 'activityCodeFromPaste' && next[k] !== draft[k],
  );
  return { draft: next, filled, choice };
}
