import { PLATE_INPUT_MAX, PLATES_MAX, SALUTE_FIELD_MAX } from '@tocsin/core/salute/limits';
import { normalizePlate } from '@tocsin/core/salute/plates';
import type { ActivityCode } from '@tocsin/core/salute/activity-codes';
import type { Area } from '@tocsin/core/api/membership';
import type { ReportBody } from '@tocsin/core/api/rapid-response';
import type { ResolvedPlace } from '@tocsin/core/places/resolve-place';
import type { Position } from '../../lib/geolocation';

/** What the report form holds; every text as typed. */
export interface ReportDraft {
  /** The quick choice tapped, sent as its code so every reader sees it in their language. */
  activityCode: ActivityCode | null;
  /** Whether that choice was read from a paste rather than tapped: a later paste may replace it. */
  activityCodeFromPaste?: boolean;
  /** The reporter's own words (with a quick choice, what they add to it). */
  activity: string;
  size: string;
  uniform: string;
  equipment: string;
  time: string;
  placeText: string;
  areaId: string;
  position: Position | null;
  plates: string;
  /** The place a pasted message (or the typed corner) names, from the city's gazetteer. */
  textPlace: ResolvedPlace | null;
  /** The phone's last position, kept when a place from text is used so the member can switch back. */
  gpsFix: Position | null;
}

export const EMPTY_DRAFT: ReportDraft = {
  activityCode: null,
  activity: '',
  size: '',
  uniform: '',
  equipment: '',
  time: '',
  placeText: '',
  areaId: '',
  position: null,
  plates: '',
  textPlace: null,
  gpsFix: null,
};

/** A place read from text as the form's position, labeled with the gazetteer's name. */
export function textPosition(place: ResolvedPlace): Position {
  return {
    lat: place.lat,
    lng: place.lng,
    accuracy: place.accuracyMeters,
    fromText: place.label,
  };
}

export type DraftProblem =
  | { field: 'activity'; kind: 'missingActivity' }
  | { field: 'place'; kind: 'missingPlace' }
  | { field: 'plates'; kind: 'plateInvalid'; plate: string };

export function splitPlates(text: string): string[] {
  return text
    .split(/[,;\n]+/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/**
 * What stops the report from being sent, as the server's contract (core reportInputSchema)
 * would see it: an activity (a quick choice or words), a place (coordinates or a neighborhood), plates that are plates.
 */
export function draftProblems(draft: ReportDraft): DraftProblem[] {
  const problems: DraftProblem[] = [];
  if (!draft.activityCode && !draft.activity.trim())
    problems.push({ field: 'activity', kind: 'missingActivity' });
  if (!draft.position && !draft.areaId) problems.push({ field: 'place', kind: 'missingPlace' });
  for (const plate of splitPlates(draft.plates)) {
    if (plate.length > PLATE_INPUT_MAX || normalizePlate(plate) === null) {
      problems.push({ field: 'plates', kind: 'plateInvalid', plate });
    }
  }
  return problems;
}

const cap = (s: string) => s.trim().slice(0, SALUTE_FIELD_MAX);

/** The POST /reports body for a valid draft, under the client's UUID. */
export function draftToBody(draft: ReportDraft, id: string): ReportBody {
  const salute: ReportBody['salute'] = draft.activityCode
    ? { activityCode: draft.activityCode }
    : {};
  for (const key of ['activity', 'size', 'uniform', 'equipment', 'time'] as const) {
    const value = cap(draft[key]);
    if (value) salute[key] = value;
  }
  const text = cap(draft.placeText);
  if (draft.position || text) {
    salute.location = {
      ...(draft.position ? { lat: draft.position.lat, lng: draft.position.lng } : {}),
      ...(text ? { text } : {}),
    };
  }
  const plates = splitPlates(draft.plates).slice(0, PLATES_MAX);
  return {
    id,
    salute,
    ...(plates.length ? { plates } : {}),
    ...(draft.areaId ? { areaId: draft.areaId } : {}),
  };
}

/** The neighborhood whose name appears in a place description, longest name first. */
export function areaNamedIn(text: string, areas: readonly Area[]): string | undefined {
  const haystack = text.toLocaleLowerCase();
  if (!haystack) return undefined;
  return [...areas]
    .filter((a) => a.kind === 'neighborhood')
    .sort((a, b) => b.name.length - a.name.length)
    .find((a) => haystack.includes(a.name.toLocaleLowerCase()))?.id;
}
