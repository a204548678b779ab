import { latLngToCell, polygonToCellsExperimental, POLYGON_TO_CELLS_FLAGS } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { assignCellsOnce, buildAreaIndex } from './area-index';
import { cellCenter } from './cells';
import type { PolygonGeometry } from './geometry';
import { pointInGeometry } from './point-in-geometry';

const rectangle = (west: number, east: number): PolygonGeometry => ({
  type: 'Polygon',
  coordinates: [
    [
      [west, 44.94],
      [east, 44.94],
      [east, 44.96],
      [west, 44.96],
      [west, 44.94],
    ],
  ],
});

// Two blocks sharing the border lng = -93.25, each covered by every cell it touches, so the
// cells along the border are claimed by both.
const westBlock = rectangle(-93.27, -93.25);
const eastBlock = rectangle(-93.25, -93.23);
const touching = (geometry: PolygonGeometry) =>
  polygonToCellsExperimental(
    geometry.coordinates as number[][][],
    10,
    POLYGON_TO_CELLS_FLAGS.containmentOverlapping,
    true,
  );
const areas = [
  { id: 'west', cells: touching(westBlock), geometry: westBlock },
  { id: 'east', cells: touching(eastBlock), geometry: eastBlock },
];

describe('assignCellsOnce', () => {
  it('gives each shared cell to the area holding its center', () => {
    const shared = areas[0]?.cells.filter((cell) => areas[1]?.cells.includes(cell)) ?? [];
    expect(shared.length).toBeGreaterThan(10);
    const owner = assignCellsOnce(areas);
    for (const cell of shared) {
      const { lat, lng } = cellCenter(cell);
      const expected = pointInGeometry(westBlock, lat, lng) ? 'west' : 'east';
      expect(owner.get(cell)).toBe(expected);
    }
  });

  it('falls back to the first claimant without geometry', () => {
    const cell = latLngToCell(44.95, -93.25, 10);
    const owner = assignCellsOnce([
      { id: 'b', cells: [cell] },
      { id: 'a', cells: [cell, cell] },
    ]);
    expect(owner.get(cell)).toBe('b');
  });

  it('rejects a duplicate area id', () => {
    expect(() =>
      assignCellsOnce([
        { id: 'x', cells: [] },
        { id: 'x', cells: [] },
      ]),
    ).toThrow(/appears twice/);
  });
});

describe('buildAreaIndex', () => {
  const index = buildAreaIndex(areas);

  it('puts every cell in exactly one area', () => {
    const west = new Set(index.cellsOf('west'));
    const east = index.cellsOf('east');
    expect(east.filter((cell) => west.has(cell))).toEqual([]);
    const claimed = new Set(areas.flatMap((a) => a.cells));
    expect(west.size + east.length).toBe(claimed.size);
  });

  it('answers areaAt from the point’s cell', () => {
    expect(index.areaAt(44.95, -93.26)).toBe('west');
    expect(index.areaAt(44.95, -93.24)).toBe('east');
    expect(index.areaAt(45.1, -93.26)).toBeNull();
    expect(index.areaAt(0, 0)).toBeNull();
    expect(index.cellsOf('nowhere')).toEqual([]);
  });

  it('lists the area at the point first, then the others the disc reaches', () => {
    expect(index.areasNear(44.95, -93.252, 500)).toEqual(['west', 'east']);
    expect(index.areasNear(44.95, -93.248, 500)).toEqual(['east', 'west']);
    expect(index.areasNear(44.95, -93.265, 300)).toEqual(['west']);
    expect(index.areasNear(45.2, -93.26, 1_000)).toEqual([]);
  });

  it('works with no areas at all', () => {
    const empty = buildAreaIndex([]);
    expect(empty.areaAt(44.95, -93.25)).toBeNull();
    expect(empty.areasNear(44.95, -93.25, 1_000)).toEqual([]);
  });

  it('rejects invalid or mixed-resolution cells, naming the area', () => {
    expect(() => buildAreaIndex([{ id: 'bad', cells: ['nope'] }])).toThrow(/area "bad"/);
    const mixed = [latLngToCell(44.95, -93.25, 10), latLngToCell(44.95, -93.25, 9)];
    expect(() => buildAreaIndex([{ id: 'mixed', cells: mixed }])).toThrow(/res 9/);
  });
});
