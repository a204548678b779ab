import fc from 'fast-check';
import { cellToBoundary, getPentagons, getResolution, gridDisk, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { cellCenter, cellCircumradiusMeters, coarseCell } from './cells';
import { cellsInRadius } from './cells-in-radius';
import { destination } from './destination';
import { haversineMeters } from './haversine';
import { COARSE_RES } from './resolutions';

const disc = fc.record({
  lat: fc.double({ min: -80, max: 80, noNaN: true }),
  lng: fc.double({ min: -180, max: 180, noNaN: true }),
  radius: fc.double({ min: 0, max: 5_000, noNaN: true }),
  res: fc.integer({ min: 7, max: 10 }),
});
const offset = fc.record({
  bearing: fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
  fraction: fc.double({ min: 0, max: 1, noNaN: true }),
});

function expectCovers(lat: number, lng: number, radius: number, res: number, bearings: number[]) {
  const cells = new Set(cellsInRadius(lat, lng, radius, res));
  for (const [i, bearing] of bearings.entries()) {
    const p = destination(lat, lng, bearing, (radius * (i + 1)) / bearings.length);
    if (haversineMeters({ lat, lng }, p) > radius) continue;
    expect(cells.has(latLngToCell(p.lat, p.lng, res))).toBe(true);
  }
}

describe('cellsInRadius', () => {
  it('contains the cell of every point within the radius', () => {
    fc.assert(
      fc.property(disc, fc.array(offset, { minLength: 1, maxLength: 20 }), (c, offsets) => {
        const cells = new Set(cellsInRadius(c.lat, c.lng, c.radius, c.res));
        for (const { bearing, fraction } of offsets) {
          const p = destination(c.lat, c.lng, bearing, c.radius * fraction);
          if (haversineMeters(c, p) > c.radius) continue; // rounding at the rim
          expect(cells.has(latLngToCell(p.lat, p.lng, c.res))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('contains every hexagon with its center or a corner in the disc', () => {
    const smallDisc = fc.record({
      lat: fc.double({ min: -80, max: 80, noNaN: true }),
      lng: fc.double({ min: -180, max: 180, noNaN: true }),
      radius: fc.double({ min: 0, max: 1_500, noNaN: true }),
      res: fc.integer({ min: 8, max: 10 }),
    });
    fc.assert(
      fc.property(smallDisc, ({ lat, lng, radius, res }) => {
        const cells = new Set(cellsInRadius(lat, lng, radius, res));
        const origin = latLngToCell(lat, lng, res);
        // Brute force: many more rings than could possibly reach the disc.
        const rings = Math.ceil(radius / cellCircumradiusMeters(origin)) + 3;
        for (const cell of gridDisk(origin, rings)) {
          const corners = cellToBoundary(cell).map(([cLat, cLng]) => ({ lat: cLat, lng: cLng }));
          const meets = [cellCenter(cell), ...corners].some(
            (p) => haversineMeters({ lat, lng }, p) <= radius,
          );
          if (meets) expect(cells.has(cell)).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('covers the rim of a disc centred on a pentagon', () => {
    for (const pentagon of getPentagons(9).slice(0, 3)) {
      const { lat, lng } = cellCenter(pentagon);
      const bearings = Array.from({ length: 72 }, (_, i) => (i * Math.PI) / 36);
      expectCovers(lat, lng, 2_000, 9, bearings);
    }
  });

  it('keeps only cells that can meet the disc', () => {
    const center = { lat: 44.9475, lng: -93.2555 };
    const cells = cellsInRadius(center.lat, center.lng, 1_000, 10);
    const limit = 1_000 + 1.1 * cellCircumradiusMeters(latLngToCell(center.lat, center.lng, 10));
    for (const cell of cells) {
      expect(getResolution(cell)).toBe(10);
      expect(haversineMeters(center, cellCenter(cell))).toBeLessThanOrEqual(limit);
    }
    // About π(r + R)² / cell area; far fewer or far more means a wrong ring count or filter.
    expect(cells.length).toBeGreaterThan(200);
    expect(cells.length).toBeLessThan(300);
  });

  it('returns at least the point’s own cell for radius 0', () => {
    const cells = cellsInRadius(44.9475, -93.2555, 0, 10);
    expect(cells).toContain(latLngToCell(44.9475, -93.2555, 10));
  });

  it('rejects bad input', () => {
    expect(() => cellsInRadius(44.9, -93.2, -1, 10)).toThrow(RangeError);
    expect(() => cellsInRadius(44.9, -93.2, Number.NaN, 10)).toThrow(RangeError);
    expect(() => cellsInRadius(91, -93.2, 100, 10)).toThrow(RangeError);
    expect(() => cellsInRadius(44.9, -93.2, 1_000_000, 10)).toThrow(/too large/);
  });
});

describe('coarseCell / cellCenter', () => {
  it('stores a place at COARSE_RES, within one cell of the true point', () => {
    const cell = coarseCell(44.9475, -93.2555);
    expect(getResolution(cell)).toBe(COARSE_RES);
    const off = haversineMeters({ lat: 44.9475, lng: -93.2555 }, cellCenter(cell));
    expect(off).toBeLessThanOrEqual(cellCircumradiusMeters(cell));
    expect(off).toBeGreaterThan(0);
  });
});
