import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { haversineMeters } from '../geo/haversine';
import type { IncidentState } from './incident';
import { isOpen } from './incident';
import {
  cardFate,
  nearestActive,
  RETIRED_CARD_MS,
  takesOver,
  TAKEOVER_METERS,
  type NearbyCandidate,
  type Reference,
} from './nearby';

const STATES: IncidentState[] = [
  'reported',
  'corroborated',
  'confirmed',
  'false_alarm',
  'ended',
  'merged',
];
const POWDERHORN = { lat: 44.9475, lng: -93.2555 };
// Points within about 20 km of Powderhorn: a city.
const point = fc.record({
  lat: fc.double({ min: 44.77, max: 45.12, noNaN: true }),
  lng: fc.double({ min: -93.5, max: -93.0, noNaN: true }),
});
const incident = fc.record({
  id: fc.uuid(),
  state: fc.constantFrom(...STATES),
  location: point,
  at: fc.integer({ min: 0, max: 2_000_000_000_000 }),
});
const reference = fc
  .record({ kind: fc.constantFrom<Reference['kind']>('me', 'place') })
  .chain(({ kind }) => point.map((p) => ({ ...p, kind })));
const metersNorth = (meters: number) => ({
  lat: POWDERHORN.lat + meters / 111_195,
  lng: POWDERHORN.lng,
});

describe('nearestActive', () => {
  it('keeps exactly the open incidents, each once', () => {
    fc.assert(
      fc.property(fc.array(incident), fc.array(reference), (incidents, references) => {
        const ranked = nearestActive(incidents, references);
        expect(ranked.map((r) => r.incident).sort(byId)).toEqual(
          incidents.filter((i) => isOpen(i.state)).sort(byId),
        );
      }),
    );
  });

  it('measures each to its closest reference, and orders nearest first, then newest', () => {
    fc.assert(
      fc.property(
        fc.array(incident),
        fc.array(reference, { minLength: 1 }),
        (incidents, references) => {
          const ranked = nearestActive(incidents, references);
          for (const { incident: i, meters, from } of ranked) {
            const distances = references.map((r) => haversineMeters(r, i.location));
            const closest = Math.min(...distances);
            expect(meters).toBe(closest);
            expect(references.some((r, k) => r.kind === from && distances[k] === closest)).toBe(
              true,
            );
          }
          for (let k = 1; k < ranked.length; k++) {
            const [a, b] = [ranked[k - 1]!, ranked[k]!];
            expect(a.meters!).toBeLessThanOrEqual(b.meters!);
            if (a.meters === b.meters) expect(a.incident.at).toBeGreaterThanOrEqual(b.incident.at);
          }
        },
      ),
    );
  });

  it('does not depend on the order of its inputs', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(incident, { selector: (i) => i.at }),
        fc.array(reference),
        fc.integer({ min: 0, max: 1_000 }),
        (incidents, references, seed) => {
          const shuffled = [...incidents].sort(
            (a, b) => ((a.at * 31 + seed) % 97) - ((b.at * 31 + seed) % 97),
          );
          const ids = (list: (NearbyCandidate & { id: string })[]) =>
            nearestActive(list, references).map((r) => r.incident.id);
          expect(ids(shuffled)).toEqual(ids(incidents));
        },
      ),
    );
  });

  it('with nothing to measure from: no distance, newest first; `limit` keeps the first', () => {
    fc.assert(
      fc.property(fc.array(incident), fc.nat({ max: 5 }), (incidents, limit) => {
        const all = nearestActive(incidents, []);
        expect(all.every((r) => r.meters === null && r.from === null)).toBe(true);
        for (let k = 1; k < all.length; k++) {
          expect(all[k - 1]!.incident.at).toBeGreaterThanOrEqual(all[k]!.incident.at);
        }
        expect(nearestActive(incidents, [], limit)).toEqual(all.slice(0, limit));
      }),
    );
  });

  it('ranks a near incident of a saved place before a far one of my position', () => {
    const near = { state: 'reported' as const, location: metersNorth(2_000), at: 1 };
    const far = { state: 'confirmed' as const, location: metersNorth(-5_000), at: 2 };
    const ranked = nearestActive(
      [far, near],
      [
        { kind: 'me', ...POWDERHORN },
        { kind: 'place', ...metersNorth(1_900) },
      ],
    );
    expect(ranked.map((r) => [r.incident, r.from, Math.round(r.meters!)])).toEqual([
      [near, 'place', 100],
      [far, 'me', 5_000],
    ]);
  });
});

describe('takesOver', () => {
  it('is true exactly for a confirmed incident within 500 m of my position', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...STATES),
        point,
        fc.option(point, { nil: null }),
        (state, location, position) => {
          const expected =
            state === 'confirmed' &&
            position !== null &&
            haversineMeters(position, location) <= TAKEOVER_METERS;
          expect(takesOver({ state, location }, position)).toBe(expected);
        },
      ),
    );
  });

  it.each<[IncidentState, number, boolean]>([
    ['confirmed', 0, true],
    ['confirmed', 490, true],
    ['confirmed', 510, false],
    ['corroborated', 100, false],
    ['reported', 0, false],
    ['ended', 0, false],
    ['false_alarm', 0, false],
  ])('%s at %i m: %s', (state, meters, expected) => {
    expect(takesOver({ state, location: metersNorth(meters) }, POWDERHORN)).toBe(expected);
  });

  it('never without a position', () => {
    expect(takesOver({ state: 'confirmed', location: POWDERHORN }, null)).toBe(false);
  });
});

describe('cardFate', () => {
  it('open stays; closed is struck for an hour, then gone, and never comes back', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...STATES),
        fc.integer({ min: 0, max: 2_000_000_000_000 }),
        fc.integer({ min: 0, max: 10 * RETIRED_CARD_MS }),
        fc.integer({ min: 0, max: 10 * RETIRED_CARD_MS }),
        (state, changedAt, elapsed, more) => {
          const fate = cardFate(state, changedAt, changedAt + elapsed);
          if (isOpen(state)) expect(fate).toBe('active');
          else expect(fate).toBe(elapsed < RETIRED_CARD_MS ? 'struck' : 'gone');
          if (fate === 'gone')
            expect(cardFate(state, changedAt, changedAt + elapsed + more)).toBe('gone');
        },
      ),
    );
  });

  it('an ended card is struck at once and gone after an hour', () => {
    expect(cardFate('ended', 1_000, 1_000)).toBe('struck');
    expect(cardFate('false_alarm', 1_000, 1_000 + RETIRED_CARD_MS - 1)).toBe('struck');
    expect(cardFate('false_alarm', 1_000, 1_000 + RETIRED_CARD_MS)).toBe('gone');
    expect(cardFate('confirmed', 1_000, 1_000 + 100 * RETIRED_CARD_MS)).toBe('active');
  });
});

function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
