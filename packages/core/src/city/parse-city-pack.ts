import type { z } from 'zod';
import { AREA_RES, assignCellsOnce, coverPolygon } from '../geo';
import type { AreaGeometry } from '../geo';
import { areasGeoJsonSchema } from './areas-geojson-schema';
import { CityPackError, formatPath } from './city-pack-error';
import type { CityPackIssue } from './city-pack-error';
import { cityPackSchema } from './city-pack-schema';
import type { CitySettings } from './city-pack-schema';
import { slugify } from './slugify';

/** An area of the city, covered by H3 cells at AREA_RES that no other area shares. */
export interface CityArea {
  readonly slug: string;
  readonly name: string;
  readonly kind: 'neighborhood';
  readonly geometry: AreaGeometry;
  readonly cells: readonly string[];
}

/** A validated city pack: settings from city.json and the areas from its GeoJSON. */
export interface CityPack {
  readonly settings: CitySettings;
  readonly areas: readonly CityArea[];
}

/** Validate a pack folder's parsed city.json and areas GeoJSON; throws CityPackError naming every bad field. */
export function parseCityPack(cityJson: unknown, geojson: unknown): CityPack {
  const settings = cityPackSchema.safeParse(cityJson);
  if (!settings.success) throw new CityPackError(toIssues('city.json', settings.error));
  const { source, nameProperty } = settings.data.areas;

  const collection = areasGeoJsonSchema.safeParse(geojson);
  if (!collection.success) {
    throw new CityPackError(
      toIssues(source, collection.error, featureNames(geojson, nameProperty)),
    );
  }

  const issues: CityPackIssue[] = [];
  const named: { slug: string; name: string; geometry: AreaGeometry; at: string }[] = [];
  const bySlug = new Map<string, string>();
  for (const [i, feature] of collection.data.features.entries()) {
    const at = `features[${i}]`;
    const name = feature.properties?.[nameProperty];
    if (typeof name !== 'string' || name.trim() === '') {
      issues.push({
        file: source,
        path: `${at}.properties.${nameProperty}`,
        message: 'expected a name',
      });
      continue;
    }
    const slug = slugify(name);
    const clash = bySlug.get(slug);
    if (slug === '' || clash !== undefined) {
      const why =
        slug === ''
          ? 'has no letters or digits to make an id from'
          : `gives the same id "${slug}" as ${clash}`;
      issues.push({
        file: source,
        path: `${at}.properties.${nameProperty}`,
        message: `"${name}" ${why}`,
      });
      continue;
    }
    bySlug.set(slug, `${at} ("${name}")`);
    named.push({ slug, name: name.trim(), geometry: feature.geometry, at });
  }

  const owner = assignCellsOnce(
    named.map(({ slug, geometry }) => ({
      id: slug,
      cells: coverPolygon(geometry, AREA_RES),
      geometry,
    })),
  );
  const cellsBySlug = new Map<string, string[]>(named.map(({ slug }) => [slug, []]));
  for (const [cell, slug] of owner) cellsBySlug.get(slug)?.push(cell);

  const areas = named.map(({ slug, name, geometry, at }): CityArea => {
    const cells = cellsBySlug.get(slug) ?? [];
    if (cells.length === 0) {
      issues.push({
        file: source,
        path: `${at}.geometry`,
        message: `"${name}" covers no H3 cell at resolution ${AREA_RES} (degenerate, or inside another area)`,
      });
    }
    return { slug, name, kind: 'neighborhood', geometry, cells };
  });

  if (issues.length > 0) throw new CityPackError(issues);
  return { settings: settings.data, areas };
}

function toIssues(
  file: string,
  error: z.ZodError,
  names: readonly (string | undefined)[] = [],
): CityPackIssue[] {
  return error.issues.map((issue) => {
    const path = formatPath(issue.path);
    // "features[12]" alone is hard to find in a large file; the feature's name is not.
    const [first, index] = issue.path;
    const name = first === 'features' && typeof index === 'number' ? names[index] : undefined;
    return {
      file,
      path: name ? `${path} ("${name}")` : path,
      message: issue.message,
    };
  });
}

// Best-effort names from input that failed validation; anything odd is just left unnamed.
function featureNames(geojson: unknown, nameProperty: string): (string | undefined)[] {
  const features = (geojson as { features?: unknown } | null)?.features;
  if (!Array.isArray(features)) return [];
  return features.map((feature: unknown) => {
    const name = (feature as { properties?: Record<string, unknown> } | null)?.properties?.[
      nameProperty
    ];
    return typeof name === 'string' ? name : undefined;
  });
}
