import type { LatLng } from '../geo/lat-lng';
import { haversineMeters } from '../geo/haversine';
import { foldForMatch } from '../salute/text';
import type { Gazetteer, GazetteerStreet } from './gazetteer-schema';

/** How a place was read from text, most precise first. */
export type PlaceKind = 'address' | 'intersection' | 'landmark' | 'street' | 'area';

/** A point read from text, with what it was read as and how far off it may be. */
export interface ResolvedPlace extends LatLng {
  kind: PlaceKind;
  /** The place as the gazetteer names it: "Lake St & Bloomington Ave", "2400 Bloomington Ave". */
  label: string;
  accuracyMeters: number;
}

/** A named area (neighborhood) with its center and rough radius, for "en Powderhorn". */
export interface NamedArea {
  name: string;
  center: LatLng;
  radiusMeters: number;
}

/** What else helps to place a street named alone: the phone's position, the city's areas. */
export interface PlaceHint {
  near?: LatLng;
  areas?: readonly NamedArea[];
}

interface IndexedStreet {
  street: GazetteerStreet;
  /** Name words without direction or suffix, folded: ["lake"], ["bloomington"]. */
  bases: string[][];
}

interface IndexedLandmark {
  name: string;
  phrases: string[][];
  at: LatLng;
}

/** A gazetteer prepared for matching; also the parser's place vocabulary. */
export interface PlaceIndex {
  streets: IndexedStreet[];
  landmarks: IndexedLandmark[];
  byNumber: Map<number, IndexedStreet[]>;
  words: Set<string>;
  has(foldedWord: string): boolean;
}

const DIRECTIONS = new Set([
  'e',
  'w',
  'n',
  's',
  'ne',
  'nw',
  'se',
  'sw',
  'east',
  'west',
  'north',
  'south',
]);
const SUFFIX_KIND = new Map<string, 'street' | 'avenue' | 'other'>([
  ['st', 'street'],
  ['street', 'street'],
  ['str', 'street'],
  ['calle', 'street'],
  ['ave', 'avenue'],
  ['av', 'avenue'],
  ['avenue', 'avenue'],
  ['avenida', 'avenue'],
  ['blvd', 'other'],
  ['boulevard', 'other'],
  ['rd', 'other'],
  ['road', 'other'],
  ['pkwy', 'other'],
  ['parkway', 'other'],
  ['dr', 'other'],
  ['drive', 'other'],
  ['hwy', 'other'],
  ['highway', 'other'],
  ['pl', 'other'],
  ['ln', 'other'],
  ['way', 'other'],
]);
const LEADS = new Set(['calle', 'la', 'el', 'avenida', 'av', 'street']);
const JOIN = new Set(['and', 'y', 'i', '&', '/', '@', 'con', 'at', 'e', 'x', '+', 'n']);
const ORDINAL = /^(\d{1,3})(?:st|nd|rd|th|a|o|va|vo|ra|ro|ma|mo|ta|to|na|no)?$/u;

function words(s: string): string[] {
  return foldForMatch(s)
    .replace(/(\d)(st|nd|rd|th)\b/gu, '$1$2')
    .replace(/[&/@+]/gu, ' $& ')
    .split(/[^\p{L}\p{N}&/@+]+/u)
    .filter(Boolean);
}

function baseOf(name: string): string[] {
  const w = words(name);
  while (w.length > 1 && DIRECTIONS.has(w[0] ?? '')) w.shift();
  while (
    w.length > 1 &&
    (SUFFIX_KIND.has(w[w.length - 1] ?? '') || DIRECTIONS.has(w[w.length - 1] ?? ''))
  ) {
    w.pop();
  }
  return w;
}

/** Prepares a gazetteer for resolvePlace and for the parser (as its place vocabulary). */
export function buildPlaceIndex(gazetteer: Gazetteer): PlaceIndex {
  const vocabulary = new Set<string>();
  const streets = gazetteer.streets.map((street): IndexedStreet => {
    const bases = [street.name, ...street.aliases]
      .map(baseOf)
      .filter((b) => b.length > 0 && !(b.length === 1 && ORDINAL.test(b[0] ?? '')));
    for (const b of bases) for (const w of b) if (!/^\d/u.test(w)) vocabulary.add(w);
    return { street, bases };
  });
  const byNumber = new Map<number, IndexedStreet[]>();
  for (const s of streets) {
    if (s.street.number === undefined) continue;
    const list = byNumber.get(s.street.number) ?? [];
    list.push(s);
    byNumber.set(s.street.number, list);
  }
  const landmarks = gazetteer.landmarks.map((l) => {
    const phrases = [l.name, ...l.aliases].map(words).filter((p) => p.length > 0);
    for (const p of phrases) for (const w of p) if (w.length > 2) vocabulary.add(w);
    return { name: l.name, phrases, at: { lng: l.at[0], lat: l.at[1] } };
  });
  for (const w of SUFFIX_KIND.keys()) vocabulary.add(w);
  return {
    streets,
    landmarks,
    byNumber,
    words: vocabulary,
    has: (w: string) => vocabulary.has(w),
  };
}

// Local flat projection in meters around a reference latitude: exact enough across a city.
const M_PER_DEG_LAT = 111_195;
function project(p: LatLng, lat0: number): [number, number] {
  return [p.lng * M_PER_DEG_LAT * Math.cos((lat0 * Math.PI) / 180), p.lat * M_PER_DEG_LAT];
}
function unproject(x: number, y: number, lat0: number): LatLng {
  return { lat: y / M_PER_DEG_LAT, lng: x / (M_PER_DEG_LAT * Math.cos((lat0 * Math.PI) / 180)) };
}

function lineOf(s: GazetteerStreet): LatLng[] {
  return s.line.map(([lng, lat]) => ({ lng, lat }));
}

function closestOnSegment(
  p: [number, number],
  a: [number, number],
  b: [number, number],
): { point: [number, number]; d: number } {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len = dx * dx + dy * dy;
  const t =
    len === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len));
  const point: [number, number] = [a[0] + t * dx, a[1] + t * dy];
  return { point, d: Math.hypot(p[0] - point[0], p[1] - point[1]) };
}

/** The point of a street nearest to p, and how far it is. */
export function nearestOnStreet(
  street: GazetteerStreet,
  p: LatLng,
): { point: LatLng; meters: number } {
  const lat0 = p.lat;
  const q = project(p, lat0);
  const line = lineOf(street).map((v) => project(v, lat0));
  let best = { point: line[0] ?? q, d: Number.POSITIVE_INFINITY };
  for (let i = 0; i + 1 < line.length; i++) {
    const a = line[i];
    const b = line[i + 1];
    if (a === undefined || b === undefined) continue;
    const c = closestOnSegment(q, a, b);
    if (c.d < best.d) best = c;
  }
  return { point: unproject(best.point[0], best.point[1], lat0), meters: best.d };
}

function segmentCrossing(
  a: [number, number],
  b: [number, number],
  c: [number, number],
  d: [number, number],
): [number, number] | undefined {
  const r = [b[0] - a[0], b[1] - a[1]];
  const s = [d[0] - c[0], d[1] - c[1]];
  const den = (r[0] ?? 0) * (s[1] ?? 0) - (r[1] ?? 0) * (s[0] ?? 0);
  if (Math.abs(den) < 1e-9) return undefined;
  const t = ((c[0] - a[0]) * (s[1] ?? 0) - (c[1] - a[1]) * (s[0] ?? 0)) / den;
  const u = ((c[0] - a[0]) * (r[1] ?? 0) - (c[1] - a[1]) * (r[0] ?? 0)) / den;
  if (t < 0 || t > 1 || u < 0 || u > 1) return undefined;
  return [a[0] + t * (r[0] ?? 0), a[1] + t * (r[1] ?? 0)];
}

/** Where two streets meet, or come closest, with the gap in meters (0 when they cross). */
export function streetsMeet(
  a: GazetteerStreet,
  b: GazetteerStreet,
): { point: LatLng; gap: number } {
  const lat0 = a.line[0]?.[1] ?? 0;
  const la = lineOf(a).map((v) => project(v, lat0));
  const lb = lineOf(b).map((v) => project(v, lat0));
  let best: { point: [number, number]; gap: number } = {
    point: la[0] ?? [0, 0],
    gap: Number.POSITIVE_INFINITY,
  };
  for (let i = 0; i + 1 < la.length; i++) {
    for (let j = 0; j + 1 < lb.length; j++) {
      const [p1, p2, q1, q2] = [la[i], la[i + 1], lb[j], lb[j + 1]];
      if (p1 === undefined || p2 === undefined || q1 === undefined || q2 === undefined) continue;
      const x = segmentCrossing(p1, p2, q1, q2);
      if (x !== undefined) return { point: unproject(x[0], x[1], lat0), gap: 0 };
      for (const [p, s1, s2] of [
        [p1, q1, q2],
        [p2, q1, q2],
        [q1, p1, p2],
        [q2, p1, p2],
      ] as const) {
        const c = closestOnSegment(p, s1, s2);
        if (c.d < best.gap) {
          best = { point: [(p[0] + c.point[0]) / 2, (p[1] + c.point[1]) / 2], gap: c.d };
        }
      }
    }
  }
  return { point: unproject(best.point[0], best.point[1], lat0), gap: best.gap };
}

/** A house number on a street, interpolated between its anchors; undefined outside them. */
export function addressPoint(street: GazetteerStreet, house: number): LatLng | undefined {
  const anchors = street.numbers;
  if (anchors === undefined || anchors.length < 2) return undefined;
  for (let i = 0; i + 1 < anchors.length; i++) {
    const a = anchors[i];
    const b = anchors[i + 1];
    if (a === undefined || b === undefined) continue;
    if (house >= a[0] && house <= b[0]) {
      const t = b[0] === a[0] ? 0 : (house - a[0]) / (b[0] - a[0]);
      return { lng: a[1] + t * (b[1] - a[1]), lat: a[2] + t * (b[2] - a[2]) };
    }
  }
  return undefined;
}

interface Mention {
  at: number;
  end: number;
  candidates: IndexedStreet[];
  /** A house number written just before: "2400 Bloomington". */
  house?: number;
}

function matchPhrase(ws: readonly string[], at: number, phrase: readonly string[]): boolean {
  return phrase.every((p, k) => ws[at + k] === p);
}

function kindAfter(ws: readonly string[], at: number): 'street' | 'avenue' | 'other' | undefined {
  return SUFFIX_KIND.get(ws[at] ?? '');
}

/** Streets and landmarks named in text, in text order. */
function findMentions(
  ws: readonly string[],
  index: PlaceIndex,
): { streets: Mention[]; landmarks: { at: number; landmark: IndexedLandmark }[] } {
  const taken = new Array<boolean>(ws.length).fill(false);
  const landmarks: { at: number; landmark: IndexedLandmark }[] = [];
  // Landmarks first, longest phrase first: "lake street station" is not Lake St.
  const phrases = index.landmarks
    .flatMap((l) => l.phrases.map((p) => ({ l, p })))
    .sort((a, b) => b.p.length - a.p.length);
  for (let i = 0; i < ws.length; i++) {
    for (const { l, p } of phrases) {
      if (p.some((_, k) => taken[i + k] === true) || !matchPhrase(ws, i, p)) continue;
      // A one-word landmark must not be a street's name: "Lake" is a street, "Cub" a store.
      landmarks.push({ at: i, landmark: l });
      for (let k = 0; k < p.length; k++) taken[i + k] = true;
      break;
    }
  }
  const streets: Mention[] = [];
  for (let i = 0; i < ws.length; i++) {
    if (taken[i] === true) continue;
    const w = ws[i] ?? '';
    const ord = ORDINAL.exec(w);
    if (ord !== null) {
      const n = Number(ord[1]);
      const list = index.byNumber.get(n);
      if (list === undefined) continue;
      const hasSuffix = w !== ord[1];
      const kind = kindAfter(ws, i + 1);
      const prev = ws[i - 1] ?? '';
      const next = ws[i + 1] ?? '';
      // A bare number is a street only when the words around it say so: "la 38", "38 y Chicago".
      const streetish =
        hasSuffix ||
        kind !== undefined ||
        LEADS.has(prev) ||
        JOIN.has(next) ||
        (JOIN.has(prev) && i >= 2);
      if (!streetish) continue;
      const prevIsNumber = /^\d{2,5}$/.test(prev) && i >= 1 && !JOIN.has(ws[i - 2] ?? '');
      const filtered =
        kind === undefined || kind === 'other' ? list : list.filter((s) => s.street.kind === kind);
      const mention: Mention = {
        at: i,
        end: i + (kind !== undefined ? 2 : 1),
        candidates: filtered.length > 0 ? filtered : list,
      };
      if (prevIsNumber && hasSuffix) mention.house = Number(prev);
      streets.push(mention);
      continue;
    }
    const found: IndexedStreet[] = [];
    let len = 0;
    for (const s of index.streets) {
      for (const b of s.bases) {
        if (b.length >= len && matchPhrase(ws, i, b)) {
          if (b.length > len) found.length = 0;
          len = b.length;
          found.push(s);
        }
      }
    }
    if (found.length === 0) continue;
    const kind = kindAfter(ws, i + len);
    const filtered =
      kind === undefined || kind === 'other' ? found : found.filter((s) => s.street.kind === kind);
    const mention: Mention = {
      at: i,
      end: i + len + (kind !== undefined ? 1 : 0),
      candidates: filtered.length > 0 ? filtered : found,
    };
    // "2400 Bloomington", "2400 block of Bloomington", "3000 E Lake", "cuadra 2400 de Bloomington".
    // House numbers are read on the east and south sides only: "1400 W Lake" is the street.
    let j = i - 1;
    let west = false;
    while (
      j >= 0 &&
      ['block', 'of', 'de', 'cuadra', 'la', 'e', 'w', 's', 'east', 'west'].includes(ws[j] ?? '')
    ) {
      if (ws[j] === 'w' || ws[j] === 'west') west = true;
      j--;
    }
    const num = ws[j] ?? '';
    if (j >= 0 && !west && /^\d{2,5}$/.test(num)) mention.house = Number(num);
    streets.push(mention);
    i += len - 1;
  }
  return { streets, landmarks };
}

const INTERSECTION_GAP = 150;

function streetLabel(s: GazetteerStreet): string {
  return s.name;
}

function areaNamed(text: string, areas: readonly NamedArea[] | undefined): NamedArea | undefined {
  if (areas === undefined) return undefined;
  const folded = ` ${words(text).join(' ')} `;
  return [...areas]
    .sort((a, b) => b.name.length - a.name.length)
    .find((a) => folded.includes(` ${words(a.name).join(' ')} `));
}

/**
 * Reads a place from text with the city's gazetteer: an address ("2400 Bloomington Ave"), an
 * intersection ("Lake y Bloomington", "38th & Chicago", "la 38 y la Chicago"), a landmark ("the
 * Cub on Lake"), a street alone placed by the phone's position or the named area, or an area.
 * Undefined when the text names nothing the gazetteer knows.
 */
export function resolvePlace(
  text: string,
  index: PlaceIndex,
  hint: PlaceHint = {},
): ResolvedPlace | undefined {
  const found = resolveRaw(text, index, hint);
  if (found === undefined) return undefined;
  // Six decimals (~10 cm): no float noise in what is shown or stored.
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  return { ...found, lat: round(found.lat), lng: round(found.lng) };
}

function resolveRaw(text: string, index: PlaceIndex, hint: PlaceHint): ResolvedPlace | undefined {
  const ws = words(text);
  const { streets, landmarks } = findMentions(ws, index);
  const area = areaNamed(text, hint.areas);

  for (const m of streets) {
    if (m.house === undefined) continue;
    for (const c of m.candidates) {
      const p = addressPoint(c.street, m.house);
      if (p !== undefined) {
        return {
          ...p,
          kind: 'address',
          label: `${m.house} ${streetLabel(c.street)}`,
          accuracyMeters: 60,
        };
      }
      // A numbered cross street as an address: "2400 block" on an avenue numbered by streets.
    }
  }

  // Pairs of streets in text order: the first pair that meets is the intersection.
  for (let i = 0; i < streets.length; i++) {
    for (let j = i + 1; j < streets.length; j++) {
      const a = streets[i];
      const b = streets[j];
      if (a === undefined || b === undefined) continue;
      let best: { point: LatLng; gap: number; label: string } | undefined;
      for (const ca of a.candidates) {
        for (const cb of b.candidates) {
          if (ca === cb) continue;
          const meet = streetsMeet(ca.street, cb.street);
          if (meet.gap <= INTERSECTION_GAP && (best === undefined || meet.gap < best.gap)) {
            best = { ...meet, label: `${streetLabel(ca.street)} & ${streetLabel(cb.street)}` };
          }
        }
      }
      if (best !== undefined) {
        return {
          ...best.point,
          kind: 'intersection',
          label: best.label,
          accuracyMeters: Math.round(40 + best.gap),
        };
      }
    }
  }

  const landmark = landmarks[0];
  if (landmark !== undefined) {
    return {
      ...landmark.landmark.at,
      kind: 'landmark',
      label: landmark.landmark.name,
      accuracyMeters: 80,
    };
  }

  const only = streets[0];
  if (only !== undefined) {
    // A street alone: the stretch nearest the phone, or the named area, else its middle.
    const anchor = hint.near ?? area?.center;
    let best: { point: LatLng; meters: number; street: GazetteerStreet } | undefined;
    for (const c of only.candidates) {
      if (anchor === undefined) break;
      const near = nearestOnStreet(c.street, anchor);
      if (best === undefined || near.meters < best.meters) best = { ...near, street: c.street };
    }
    if (best !== undefined && anchor !== undefined) {
      const slack = hint.near !== undefined ? 150 : (area?.radiusMeters ?? 1_000);
      return {
        ...best.point,
        kind: 'street',
        label: area !== undefined ? `${best.street.name}, ${area.name}` : best.street.name,
        accuracyMeters: Math.round(Math.max(slack, best.meters)),
      };
    }
    // Nothing to place it by: the street's middle, marked as far off so that the app asks.
    const first = only.candidates[0]?.street;
    const a = first?.line[0];
    const z = first?.line[first.line.length - 1];
    if (first !== undefined && a !== undefined && z !== undefined) {
      const middle = { lng: (a[0] + z[0]) / 2, lat: (a[1] + z[1]) / 2 };
      return {
        ...nearestOnStreet(first, middle).point,
        kind: 'street',
        label: first.name,
        accuracyMeters: Math.round(
          haversineMeters({ lng: a[0], lat: a[1] }, { lng: z[0], lat: z[1] }) / 2,
        ),
      };
    }
  }

  if (area !== undefined) {
    return {
      ...area.center,
      kind: 'area',
      label: area.name,
      accuracyMeters: Math.round(area.radiusMeters),
    };
  }
  return undefined;
}

/** How far apart a place read from text and the phone's position are, in meters. */
export function placeDisagreement(text: LatLng, gps: LatLng): number {
  return haversineMeters(text, gps);
}

export { PLACE_DISAGREE_METERS } from './limits';
