import { describe, expect, it } from 'vitest';
import { usablePolygons } from './geometry';
import type { AreaGeometry, MultiPolygonGeometry, PolygonGeometry } from './geometry';
import { pointInGeometry } from './point-in-geometry';

// ~0.01° squares (about 790 m × 1.1 km) in Minneapolis.
const square = (west: number, south: number, size = 0.01): number[][] => [
  [west, south],
  [west + size, south],
  [west + size, south + size],
  [west, south + size],
  [west, south],
];

const donut: PolygonGeometry = {
  type: 'Polygon',
  coordinates: [square(-93.3, 44.9, 0.03), square(-93.29, 44.91, 0.01)],
};

describe('usablePolygons', () => {
  it('keeps an outer ring with its hole', () => {
    const [polygon, ...rest] = usablePolygons(donut);
    expect(rest).toHaveLength(0);
    expect(polygon?.outer).toHaveLength(5);
    expect(polygon?.holes).toHaveLength(1);
  });

  it('closes a ring that does not repeat its first position', () => {
    const open: PolygonGeometry = {
      type: 'Polygon',
      coordinates: [square(-93.3, 44.9).slice(0, 4)],
    };
    expect(usablePolygons(open)[0]?.outer).toEqual(square(-93.3, 44.9));
  });

  it('drops rings with too few points, zero area or out-and-back spikes', () => {
    const spike = [
      [-93.2173, 44.9532],
      [-93.2165, 44.9539],
      [-93.2173, 44.9532],
      [-93.2173, 44.9532],
    ];
    const geometry: MultiPolygonGeometry = {
      type: 'MultiPolygon',
      coordinates: [
        [square(-93.3, 44.9), spike],
        [spike],
        [
          [
            [-93.2, 44.9],
            [-93.2, 44.9],
            [-93.2, 44.9],
          ],
        ],
        [square(-93.2, 44.9, 0)],
      ],
    };
    const polygons = usablePolygons(geometry);
    expect(polygons).toHaveLength(1);
    expect(polygons[0]?.holes).toHaveLength(0);
  });

  it('returns nothing for malformed input instead of throwing', () => {
    const broken: unknown[] = [
      null,
      {},
      { type: 'Polygon' },
      { type: 'Polygon', coordinates: 'x' },
      { type: 'Polygon', coordinates: [[['a', 'b']]] },
      { type: 'Polygon', coordinates: [[[Number.NaN, 1]]] },
      {
        type: 'Polygon',
        coordinates: [
          [
            [200, 44],
            [201, 44],
            [201, 45],
            [200, 44],
          ],
        ],
      },
      { type: 'Point', coordinates: [-93, 44] },
      { type: 'MultiPolygon', coordinates: [null, [null]] },
    ];
    for (const geometry of broken) {
      expect(usablePolygons(geometry as AreaGeometry)).toEqual([]);
    }
  });
});

describe('pointInGeometry', () => {
  it('is inside the outer ring but not in the hole', () => {
    expect(pointInGeometry(donut, 44.905, -93.295)).toBe(true);
    expect(pointInGeometry(donut, 44.915, -93.285)).toBe(false);
    expect(pointInGeometry(donut, 44.95, -93.295)).toBe(false);
  });

  it('finds a point in any polygon of a MultiPolygon', () => {
    const two: MultiPolygonGeometry = {
      type: 'MultiPolygon',
      coordinates: [[square(-93.3, 44.9)], [square(-93.2, 44.9)]],
    };
    expect(pointInGeometry(two, 44.905, -93.195)).toBe(true);
    expect(pointInGeometry(two, 44.905, -93.25)).toBe(false);
  });

  it('handles a concave ring whose ray passes through a vertex', () => {
    // A "V" notch cut from the top: the ray at y = 44.905 runs straight through the notch tip.
    const notched: PolygonGeometry = {
      type: 'Polygon',
      coordinates: [
        [
          [-93.3, 44.9],
          [-93.28, 44.9],
          [-93.28, 44.91],
          [-93.29, 44.905],
          [-93.3, 44.91],
          [-93.3, 44.9],
        ],
      ],
    };
    expect(pointInGeometry(notched, 44.905, -93.295)).toBe(true);
    expect(pointInGeometry(notched, 44.905, -93.285)).toBe(true);
    expect(pointInGeometry(notched, 44.909, -93.29)).toBe(false);
  });
});
