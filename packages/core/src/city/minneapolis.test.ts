/// <reference types="node" />
// The real demo pack, read from disk as the server will; the library itself only sees parsed JSON.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  AREA_RES,
  buildAreaIndex,
  cellCenter,
  coverPolygon,
  pointInGeometry,
  usablePolygons,
} from '../geo';
import type { AreaGeometry } from '../geo';
import { parseCityPack } from './parse-city-pack';

const packDir = new URL('../../../../cities/minneapolis/', import.meta.url);
const readJson = (file: string): unknown =>
  JSON.parse(readFileSync(new URL(file, packDir), 'utf8')) as unknown;

const pack = parseCityPack(readJson('city.json'), readJson('neighborhoods.geojson'));
const index = buildAreaIndex(pack.areas.map((a) => ({ id: a.slug, cells: a.cells })));
const area = (slug: string) => {
  const found = pack.areas.find((a) => a.slug === slug);
  if (!found) throw new Error(`no area ${slug}`);
  return found;
};
const trueAreaAt = (lat: number, lng: number): string | null =>
  pack.areas.find((a) => pointInGeometry(a.geometry, lat, lng))?.slug ?? null;

describe('Minneapolis demo pack', () => {
  it('has the settings of city.json', () => {
    expect(pack.settings).toMatchObject({
      slug: 'minneapolis',
      timeZone: 'America/Chicago',
      languages: ['en', 'es', 'so', 'hmn'],
      retentionHours: 24,
    });
    expect(pack.settings.hotline.phone).toBeUndefined();
    // The hotline text in every language of the pack (issue 20: not English only).
    const hotline = pack.settings.hotline.translations.map((h) => [h.lang, h.needsReview]);
    expect(hotline).toEqual([
      ['es', false],
      ['so', true],
      ['hmn', true],
    ]);
    const review = pack.settings.knowYourRights.map((c) => [c.lang, c.needsReview]);
    expect(review).toEqual([
      ['en', false],
      ['es', false],
      ['so', true],
      ['hmn', true],
    ]);
  });

  it('parses all 85 neighborhoods, each with several cells of its own', () => {
    expect(pack.areas).toHaveLength(85);
    expect(new Set(pack.areas.map((a) => a.slug)).size).toBe(85);
    expect(pack.areas.map((a) => a.slug)).toContain('powderhorn-park');
    expect(pack.areas.map((a) => a.slug)).toContain('st-anthony-east');
    // The smallest neighborhood (St. Anthony East) gets 31 cells at res 10.
    expect(Math.min(...pack.areas.map((a) => a.cells.length))).toBeGreaterThanOrEqual(25);
  });

  it('covers each cell once, by the area holding its center', () => {
    const seen = new Set<string>();
    const wrong: string[] = [];
    for (const { slug, cells, geometry } of pack.areas) {
      for (const cell of cells) {
        const { lat, lng } = cellCenter(cell);
        if (seen.has(cell) || !pointInGeometry(geometry, lat, lng)) wrong.push(`${slug} ${cell}`);
        seen.add(cell);
      }
    }
    expect(wrong).toEqual([]);
    expect(seen.size).toBeGreaterThan(9_000);
  });

  it('finds the neighborhood of real places', () => {
    const places: [number, number, string][] = [
      [44.9475, -93.2555, 'powderhorn-park'], // Powderhorn Park itself
      [44.9765, -93.272, 'downtown-west'], // Nicollet Mall
      [44.999, -93.261, 'sheridan'], // Northeast, 13th Ave NE
      [45.013, -93.2475, 'holland'], // Northeast, Central & Lowry
      [44.974, -93.2277, 'university'], // University of Minnesota
      [44.951, -93.225, 'longfellow'],
    ];
    for (const [lat, lng, slug] of places) {
      expect(pointInGeometry(area(slug).geometry, lat, lng)).toBe(true);
      expect(index.areaAt(lat, lng)).toBe(slug);
    }
  });

  it('finds no neighborhood outside the city', () => {
    expect(index.areaAt(44.9537, -93.09)).toBeNull(); // St. Paul
    expect(index.areaAt(0, 0)).toBeNull();
    expect(index.areasNear(44.9537, -93.09, 2_000)).toEqual([]);
  });

  it('lists the neighborhoods on both sides of a border', () => {
    // On Lake Street, between Powderhorn Park and East Phillips (2013 names).
    const onLake = index.areasNear(44.948364, -93.255, 200);
    expect(new Set(onLake)).toEqual(new Set(['powderhorn-park', 'east-phillips']));
    // Where Powderhorn Park, East Phillips and Central meet.
    expect(index.areasNear(44.948357, -93.262677, 150)).toEqual(
      expect.arrayContaining(['powderhorn-park', 'east-phillips', 'central']),
    );
  });

  it('drops the Longfellow slivers and keeps its one real polygon', () => {
    const longfellow = area('longfellow');
    const { geometry } = longfellow;
    if (geometry.type !== 'MultiPolygon') throw new Error('Longfellow should be a MultiPolygon');
    expect(geometry.coordinates).toHaveLength(7);
    const polygons = usablePolygons(geometry);
    expect(polygons).toHaveLength(1);
    expect(polygons[0]?.holes).toHaveLength(0);
    expect(longfellow.cells.length).toBeGreaterThan(100);
    // Alone, each of the six slivers covers nothing; only the real polygon has cells.
    const cellCounts = geometry.coordinates.map((coordinates) => {
      const polygon: AreaGeometry = { type: 'Polygon', coordinates };
      return coverPolygon(polygon, AREA_RES).length;
    });
    expect(cellCounts.filter((count) => count > 0)).toEqual([longfellow.cells.length]);
  });

  it('places at most a few percent of in-city points in the wrong neighborhood', () => {
    // A point is "in" the area holding its cell's center, so only points within about one
    // cell (~76 m at res 10) of a border can be misplaced; measured ~5% of in-city points.
    let inCity = 0;
    let misplaced = 0;
    for (let lat = 44.89; lat <= 45.051; lat += 0.004) {
      for (let lng = -93.329; lng <= -93.194; lng += 0.004) {
        const truth = trueAreaAt(lat, lng);
        if (truth === null) continue;
        inCity += 1;
        if (index.areaAt(lat, lng) !== truth) misplaced += 1;
      }
    }
    expect(inCity).toBeGreaterThan(1_000);
    expect(misplaced / inCity).toBeLessThan(0.06);
  });

  it('justifies AREA_RES: one level coarser leaves the smallest neighborhood a handful of cells', () => {
    const smallest = (res: number) =>
      Math.min(...pack.areas.map((a) => coverPolygon(a.geometry, res).length));
    expect(smallest(AREA_RES - 1)).toBeLessThan(10);
    expect(smallest(AREA_RES)).toBeGreaterThanOrEqual(25);
  });
});
