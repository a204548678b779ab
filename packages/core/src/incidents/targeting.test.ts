import { latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { cellCenter, cellCircumradiusMeters, coarseCell } from '../geo';
import type { Subscription } from './targeting';
import {
  discCells,
  discResolution,
  interestDiscs,
  isInRange,
  MAX_ALERT_RADIUS_METERS,
  placeDisc,
} from './targeting';
import { destination, LAKE_AND_CHICAGO } from './test-factories';

const sub = (overrides: Partial<Subscription> = {}): Subscription => ({
  id: 's',
  minLevel: 'unconfirmed',
  staff: false,
  areaIds: [],
  placeCells: [],
  live: null,
  radiusMeters: 1_000,
  ...overrides,
});
const { lat, lng } = LAKE_AND_CHICAGO;

describe('placeDisc', () => {
  it('centers on the coarse cell and widens the radius by its circumradius', () => {
    const cell = coarseCell(lat, lng);
    const disc = placeDisc(cell, 500);
    expect(disc).toMatchObject(cellCenter(cell));
    expect(disc.radiusMeters).toBeCloseTo(500 + cellCircumradiusMeters(cell), 6);
  });

  it('refuses anything finer (or not a cell), so no precise place can slip in', () => {
    expect(() => placeDisc(latLngToCell(lat, lng, 10), 500)).toThrow(RangeError);
    expect(() => placeDisc('not-a-cell', 500)).toThrow(RangeError);
  });
});

describe('isInRange', () => {
  it('matches by area id', () => {
    expect(isInRange(sub({ areaIds: ['powderhorn'] }), lat, lng, 'powderhorn')).toBe(true);
    expect(isInRange(sub({ areaIds: ['powderhorn'] }), lat, lng, 'phillips')).toBe(false);
    expect(isInRange(sub({ areaIds: ['powderhorn'] }), lat, lng, null)).toBe(false);
  });

  it('matches a live location within the radius, exactly', () => {
    const s = sub({ live: LAKE_AND_CHICAGO, radiusMeters: 800 });
    expect(isInRange(s, ...point(destination(LAKE_AND_CHICAGO, 2, 799)), null)).toBe(true);
    expect(isInRange(s, ...point(destination(LAKE_AND_CHICAGO, 2, 801)), null)).toBe(false);
  });

  it('matches a place conservatively: anywhere its cell could reach within the radius', () => {
    const cell = coarseCell(lat, lng);
    const center = cellCenter(cell);
    const reach = 800 + cellCircumradiusMeters(cell);
    const s = sub({ placeCells: [cell], radiusMeters: 800 });
    expect(isInRange(s, ...point(destination(center, 4, reach - 1)), null)).toBe(true);
    expect(isInRange(s, ...point(destination(center, 4, reach + 1)), null)).toBe(false);
  });

  it('refuses radii outside 0–20 km', () => {
    expect(() => interestDiscs(sub({ radiusMeters: MAX_ALERT_RADIUS_METERS + 1 }))).toThrow(
      RangeError,
    );
    expect(() => interestDiscs(sub({ radiusMeters: -1 }))).toThrow(RangeError);
    expect(() => interestDiscs(sub({ radiusMeters: Number.NaN }))).toThrow(RangeError);
  });
});

describe('discResolution', () => {
  it.each([
    [100, 10],
    [400, 10],
    [1_000, 9],
    [1_500, 8],
    [3_000, 7],
    [10_000, 6],
    [20_000, 6],
  ])('indexes a %i m disc at res %i', (radiusMeters, res) => {
    expect(discResolution({ lat, lng, radiusMeters })).toBe(res);
  });

  it('keeps every disc up to the maximum radius to a few dozen cells', () => {
    for (let r = 0; r <= MAX_ALERT_RADIUS_METERS + 600; r += 250) {
      expect(discCells({ lat, lng, radiusMeters: r }).length).toBeLessThanOrEqual(80);
    }
  });
});

function point(p: { lat: number; lng: number }): [number, number] {
  return [p.lat, p.lng];
}
