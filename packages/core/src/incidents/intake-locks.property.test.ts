import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AREA_RES, cellCenter, destination, haversineMeters } from '../geo';
import { intakeLockRes, intakeLocks, type IntakeLocks } from './cluster';
import { latLngToCell } from 'h3-js';

// Points within about 20 km of Powderhorn: a city.
const place = fc.record({
  lat: fc.double({ min: 44.77, max: 45.12, noNaN: true }),
  lng: fc.double({ min: -93.5, max: -93.0, noNaN: true }),
});
// Up to the 5 km a city pack may set (three lock resolutions).
const radius = fc.integer({ min: 50, max: 5_000 });
const bearing = fc.double({ min: 0, max: 2 * Math.PI, noNaN: true });

/** As reports have them: the center of the point's res-10 cell. */
const snapped = (p: { lat: number; lng: number }) =>
  cellCenter(latLngToCell(p.lat, p.lng, AREA_RES));

/** Whether two intakes wait for each other: one's own cell is held by the other at all. */
const meet = (a: IntakeLocks, b: IntakeLocks) =>
  a.own === b.own || a.shared.includes(b.own) || b.shared.includes(a.own);

describe('intakeLocks: reports that could join one incident never decide at once', () => {
  it('two reports within the merge radius always wait for each other, snapped or not', () => {
    fc.assert(
      fc.property(
        place,
        radius,
        bearing,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.boolean(),
        fc.boolean(),
        (origin, r, b, fraction, snapP, snapQ) => {
          const q0 = destination(origin.lat, origin.lng, b, r * fraction);
          const p = snapP ? snapped(origin) : origin;
          const q = snapQ ? snapped(q0) : q0;
          if (haversineMeters(p, q) > r) return; // snapping moved them apart
          expect(meet(intakeLocks(p.lat, p.lng, r), intakeLocks(q.lat, q.lng, r))).toBe(true);
        },
      ),
      { numRuns: 1_000 },
    );
  });

  it('snapped reports farther apart than the radius (and a meter) go on side by side', () => {
    // Where the locks are the cells reports are snapped to (a radius up to 800 m).
    const narrow = fc.integer({ min: 50, max: 800 });
    fc.assert(
      fc.property(
        place,
        narrow,
        bearing,
        fc.double({ min: 1.01, max: 3, noNaN: true }),
        (origin, r, b, factor) => {
          const p = snapped(origin);
          const q = snapped(destination(p.lat, p.lng, b, r * factor));
          if (haversineMeters(p, q) <= r + 1) return;
          expect(meet(intakeLocks(p.lat, p.lng, r), intakeLocks(q.lat, q.lng, r))).toBe(false);
        },
      ),
      { numRuns: 1_000 },
    );
  });

  it('holds its own cell apart from the shared ones, in one order', () => {
    const locks = intakeLocks(44.9475, -93.2555, 400);
    expect(locks.shared).not.toContain(locks.own);
    expect([...locks.shared].sort()).toEqual(locks.shared);
    // A 400 m disc of res-10 centers (about 65 m edges): a few dozen cells, not hundreds.
    expect(locks.shared.length).toBeGreaterThan(20);
    expect(locks.shared.length).toBeLessThan(80);
  });

  it('takes at most about 170 locks whatever the radius a city pack sets', () => {
    fc.assert(
      fc.property(place, radius, fc.boolean(), (origin, r, snap) => {
        const p = snap ? snapped(origin) : origin;
        const locks = intakeLocks(p.lat, p.lng, r);
        expect(locks.shared.length + 1).toBeLessThanOrEqual(180);
        expect(intakeLockRes(r)).toBeLessThanOrEqual(AREA_RES);
      }),
      { numRuns: 300 },
    );
  });
});
