/// <reference types="node" />
// Issue 20's parser figures: fields right and places within 250 m over the example table, read
// with the real Minneapolis pack (gazetteer and neighborhoods) from disk. Printed and asserted.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCityPack } from '../city/parse-city-pack';
import { cellCenter } from '../geo/cells';
import { haversineMeters } from '../geo/haversine';
import { canonicalPlateKey } from '../salute/plates';
import { gazetteerSchema } from './gazetteer-schema';
import { PASTE_EXAMPLES, type PasteExample } from './paste.examples';
import { readPaste } from './read-paste';
import { buildPlaceIndex, type NamedArea } from './resolve-place';

const packDir = new URL('../../../../cities/minneapolis/', import.meta.url);
const readJson = (file: string): unknown =>
  JSON.parse(readFileSync(new URL(file, packDir), 'utf8')) as unknown;
const pack = parseCityPack(readJson('city.json'), readJson('neighborhoods.geojson'));
const index = buildPlaceIndex(gazetteerSchema.parse(readJson('places.json')));
const areas: NamedArea[] = pack.areas.map((a) => {
  const centers = a.cells.map((c) => cellCenter(c));
  const center = {
    lat: centers.reduce((s, c) => s + c.lat, 0) / centers.length,
    lng: centers.reduce((s, c) => s + c.lng, 0) / centers.length,
  };
  const radiusMeters = Math.max(...centers.map((c) => haversineMeters(center, c)));
  return { name: a.name, center, radiusMeters };
});
const NOW = new Date('2026-05-01T20:00:00.000Z');
const FIELDS = ['size', 'uniform', 'equipment', 'time', 'place', 'plates', 'activity'] as const;

const norm = (s: string | undefined) =>
  s
    ?.toLocaleLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^[\s,.;:]+|[\s,.;:]+$/g, '') || undefined;

function read(example: PasteExample) {
  return readPaste(example.text, {
    now: NOW,
    timeZone: 'America/Chicago',
    places: index,
    areas,
    ...(example.gps ? { gps: { lat: example.gps[0], lng: example.gps[1] } } : {}),
  });
}

function fieldsOf(example: PasteExample) {
  const { parsed } = read(example);
  const actual = {
    size: norm(parsed.salute.size),
    uniform: norm(parsed.salute.uniform),
    equipment: norm(parsed.salute.equipment),
    time: norm(parsed.salute.time),
    place: norm(parsed.salute.location?.text),
    plates: parsed.plates.map((p) => canonicalPlateKey(p, 'MN')).join(' ') || undefined,
    // The quick choice (a code), right only when it is the one a reader would tap, or none.
    activity: parsed.salute.activityCode,
  };
  const expected = {
    size: norm(example.size),
    uniform: norm(example.uniform),
    equipment: norm(example.equipment),
    time: norm(example.time),
    place: norm(example.place),
    plates: example.plates?.join(' '),
    activity: example.activity,
  };
  return { actual, expected };
}

describe('paste that understands: the example table', () => {
  it('has at least 120 real-style messages', () => {
    expect(PASTE_EXAMPLES.length).toBeGreaterThanOrEqual(120);
  });

  it('gets >= 95% of fields right and >= 90% of places within 250 m (printed)', () => {
    let right = 0;
    let total = 0;
    const perField = new Map<string, number>(FIELDS.map((f) => [f, 0]));
    let placed = 0;
    let withTruth = 0;
    const misses: string[] = [];
    for (const example of PASTE_EXAMPLES) {
      const { actual, expected } = fieldsOf(example);
      for (const f of FIELDS) {
        total++;
        if (actual[f] === expected[f]) {
          right++;
          perField.set(f, (perField.get(f) ?? 0) + 1);
        } else
          misses.push(`${f}: ${JSON.stringify(example.text)} → ${actual[f]} (want ${expected[f]})`);
      }
      if (example.truth) {
        withTruth++;
        const { place } = read(example);
        const off = place
          ? haversineMeters(place, { lat: example.truth[0], lng: example.truth[1] })
          : Infinity;
        if (off <= 250) placed++;
        else
          misses.push(
            `place: ${JSON.stringify(example.text)} → ${place?.label ?? 'none'} ${Math.round(off)} m off`,
          );
      }
    }
    const fieldRate = right / total;
    const placeRate = placed / withTruth;
    console.log(
      `paste figures: ${PASTE_EXAMPLES.length} messages; fields right ${right}/${total} = ` +
        `${(fieldRate * 100).toFixed(1)}%; places within 250 m ${placed}/${withTruth} = ` +
        `${(placeRate * 100).toFixed(1)}%; by field: ` +
        FIELDS.map((f) => `${f} ${perField.get(f) ?? 0}/${PASTE_EXAMPLES.length}`).join(', '),
    );
    if (misses.length > 0) console.log(misses.join('\n'));
    expect(fieldRate).toBeGreaterThanOrEqual(0.95);
    expect(placeRate).toBeGreaterThanOrEqual(0.9);
  });

  it('asks when the text and the phone disagree by more than 300 m, and when nothing names a place', () => {
    for (const example of PASTE_EXAMPLES) {
      const { choice } = read(example);
      if (!example.truth && !example.gps) expect(choice).toEqual({ use: 'ask', reason: 'none' });
      if (example.text.startsWith('forwarded') || example.text.startsWith('mi prima')) {
        expect(choice).toMatchObject({ use: 'ask', reason: 'disagree' });
      }
    }
  });
});
