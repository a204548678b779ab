import type { LatLng } from '../geo/lat-lng';
import type { ParsedText } from '../salute/parse-text';
import { parseSaluteText } from '../salute/parse-text';
import type { TimeContext } from '../salute/resolve-time';
import type { NamedArea, PlaceIndex, ResolvedPlace } from './resolve-place';
import { PLACE_DISAGREE_METERS } from './limits';
import { placeDisagreement, resolvePlace } from './resolve-place';

/**
 * Which place a pasted report should carry: the place the text names, the phone's position, or
 * neither yet (ask: the two disagree by more than 300 m, or there is nothing to go on).
 */
export type PlaceChoice =
  | { use: 'text'; place: ResolvedPlace; gpsMeters?: number }
  | { use: 'gps' }
  | { use: 'ask'; reason: 'disagree'; place: ResolvedPlace; gpsMeters: number }
  | { use: 'ask'; reason: 'vague'; place: ResolvedPlace }
  | { use: 'ask'; reason: 'none' };

export interface PasteReading {
  parsed: ParsedText;
  place?: ResolvedPlace;
  choice: PlaceChoice;
}

export interface PasteContext extends TimeContext {
  places?: PlaceIndex;
  gps?: LatLng;
  areas?: readonly NamedArea[];
}

// A place read from text that may be further off than this is not a place to send alone.
const VAGUE_METERS = 600;

/** The place a text names, from its location field first, else from anywhere in it. */
export function placeOfText(
  locationText: string | undefined,
  text: string,
  index: PlaceIndex,
  hint: { near?: LatLng; areas?: readonly NamedArea[] },
): ResolvedPlace | undefined {
  // The location field first; the whole text when it names something more precise ("in the
  // lot of Target on Lake": the field read "Lake", the text also names the Target).
  const field = locationText;
  const fromField = field === undefined ? undefined : resolvePlace(field, index, hint);
  const fromText = resolvePlace(text, index, hint);
  if (fromField === undefined) return fromText;
  if (fromText === undefined) return fromField;
  return fromText.accuracyMeters < fromField.accuracyMeters ? fromText : fromField;
}

/**
 * Reads a pasted message: its SALUTE fields, plates and time (parseSaluteText, with the city's
 * place words), the place it names (the gazetteer), and which place the report should carry.
 */
export function readPaste(text: string, context: PasteContext): PasteReading {
  const { places, gps, areas } = context;
  const parsed = parseSaluteText(text, {
    now: context.now,
    timeZone: context.timeZone,
    ...(places === undefined ? {} : { places }),
  });
  const hint = {
    ...(gps === undefined ? {} : { near: gps }),
    ...(areas === undefined ? {} : { areas }),
  };
  const place =
    places === undefined
      ? undefined
      : placeOfText(parsed.salute.location?.text, text, places, hint);
  const choice = choosePlace(place, gps);
  return place === undefined ? { parsed, choice } : { parsed, place, choice };
}

/** Text place or GPS: the text wins when they agree; more than 300 m apart, the member picks. */
export function choosePlace(
  place: ResolvedPlace | undefined,
  gps: LatLng | undefined,
): PlaceChoice {
  if (place === undefined) {
    return gps === undefined ? { use: 'ask', reason: 'none' } : { use: 'gps' };
  }
  if (gps !== undefined) {
    const gpsMeters = Math.round(placeDisagreement(place, gps));
    if (gpsMeters > PLACE_DISAGREE_METERS) {
      return { use: 'ask', reason: 'disagree', place, gpsMeters };
    }
    return { use: 'text', place, gpsMeters };
  }
  if (place.accuracyMeters > VAGUE_METERS) return { use: 'ask', reason: 'vague', place };
  return { use: 'text', place };
}
