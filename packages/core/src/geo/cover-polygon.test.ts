import { cellToLatLng, getResolution, gridDisk, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { coverPolygon } from './cover-polygon';
import type { PolygonGeometry } from './geometry';
import { pointInGeometry } from './point-in-geometry';

const block: PolygonGeometry = {
  type: 'Polygon',
  coordinates: [
    [
      [-93.27, 44.94],
      [-93.25, 44.94],
      [-93.25, 44.955],
      [-93.27, 44.955],
      [-93.27, 44.94],
    ],
  ],
};

describe('coverPolygon', () => {
  it('returns exactly the cells whose centers are inside', () => {
    const cells = new Set(coverPolygon(block, 10));
    expect(cells.size).toBeGreaterThan(100);
    // Every cell near the block is in the cover iff its center is inside the block.
    for (const cell of gridDisk(latLngToCell(44.9475, -93.26, 10), 20)) {
      const [lat, lng] = cellToLatLng(cell);
      expect(cells.has(cell)).toBe(pointInGeometry(block, lat, lng));
    }
  });

  it('uses the requested resolution', () => {
    for (const cell of coverPolygon(block, 9)) expect(getResolution(cell)).toBe(9);
  });

  it('gives an area smaller than a cell the one cell under it', () => {
    const tiny: PolygonGeometry = {
      type: 'Polygon',
      coordinates: [
        [
          [-93.2601, 44.9471],
          [-93.2599, 44.9471],
          [-93.2599, 44.9473],
          [-93.2601, 44.9473],
          [-93.2601, 44.9471],
        ],
      ],
    };
    expect(coverPolygon(tiny, 8)).toEqual([latLngToCell(44.9472, -93.26, 8)]);
  });

  it('returns no cells for a geometry of only slivers, without throwing', () => {
    const sliver: PolygonGeometry = {
      type: 'Polygon',
      coordinates: [
        [
          [-93.2173, 44.9532],
          [-93.2165, 44.9539],
          [-93.2173, 44.9532],
          [-93.2173, 44.9532],
        ],
      ],
    };
    expect(coverPolygon(sliver, 10)).toEqual([]);
  });

  it('rejects a resolution H3 does not have', () => {
    expect(() => coverPolygon(block, 16)).toThrow(RangeError);
    expect(() => coverPolygon(block, 9.5)).toThrow(RangeError);
  });
});
