import fc from 'fast-check';
import { greatCircleDistance } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { EARTH_RADIUS_METERS, haversineMeters } from './haversine';

const point = fc.record({
  lat: fc.double({ min: -90, max: 90, noNaN: true }),
  lng: fc.double({ min: -180, max: 180, noNaN: true }),
});

describe('haversineMeters', () => {
  it('measures one degree of latitude as R·π/180', () => {
    const meters = haversineMeters({ lat: 44, lng: -93 }, { lat: 45, lng: -93 });
    expect(meters).toBeCloseTo((EARTH_RADIUS_METERS * Math.PI) / 180, 3);
  });

  it('shrinks a degree of longitude with the cosine of latitude', () => {
    const atEquator = haversineMeters({ lat: 0, lng: 0 }, { lat: 0, lng: 1 });
    const atMinneapolis = haversineMeters({ lat: 45, lng: -93 }, { lat: 45, lng: -92 });
    expect(atMinneapolis / atEquator).toBeCloseTo(Math.cos(Math.PI / 4), 3);
  });

  it('agrees with H3 between Minneapolis City Hall and the Minnesota State Capitol', () => {
    const cityHall = { lat: 44.9772, lng: -93.2655 };
    const capitol = { lat: 44.9553, lng: -93.1022 };
    const h3Meters = greatCircleDistance([44.9772, -93.2655], [44.9553, -93.1022], 'm');
    expect(haversineMeters(cityHall, capitol)).toBeCloseTo(h3Meters, 3);
    expect(h3Meters).toBeGreaterThan(12_000);
    expect(h3Meters).toBeLessThan(14_000);
  });

  it('returns half the circumference for antipodes, not NaN', () => {
    const meters = haversineMeters({ lat: 10, lng: 20 }, { lat: -10, lng: -160 });
    expect(meters).toBeCloseTo(Math.PI * EARTH_RADIUS_METERS, 0);
  });

  it('is symmetric, zero on itself and never negative', () => {
    fc.assert(
      fc.property(point, point, (a, b) => {
        expect(haversineMeters(a, b)).toBeCloseTo(haversineMeters(b, a), 6);
        expect(haversineMeters(a, a)).toBe(0);
        expect(haversineMeters(a, b)).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('obeys the triangle inequality', () => {
    // Haversine is ill-conditioned near antipodes (centimetres of error there), hence 1 m slack.
    fc.assert(
      fc.property(point, point, point, (a, b, c) => {
        const direct = haversineMeters(a, c);
        expect(direct).toBeLessThanOrEqual(haversineMeters(a, b) + haversineMeters(b, c) + 1);
      }),
    );
  });
});
