import { describe, expect, it } from 'vitest';
import { CityPackError } from './city-pack-error';
import { parseCityPack } from './parse-city-pack';

const city = {
  slug: 'testville',
  name: 'Testville',
  timeZone: 'America/Chicago',
  languages: ['en'],
  hotline: { text: 'Call your local network.' },
  knowYourRights: [{ lang: 'en', title: 'Rights', body: 'You may remain silent.' }],
};

const box = (west: number, south: number, size = 0.01) => ({
  type: 'Polygon',
  coordinates: [
    [
      [west, south],
      [west + size, south],
      [west + size, south + size],
      [west, south + size],
      [west, south],
    ],
  ],
});
const feature = (name: unknown, geometry: unknown = box(-93.27, 44.94)) => ({
  type: 'Feature',
  properties: { name },
  geometry,
});
const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features });

function issuesOf(cityJson: unknown, geojson: unknown): string[] {
  try {
    parseCityPack(cityJson, geojson);
  } catch (error) {
    if (error instanceof CityPackError)
      return error.issues.map((i) => `${i.file}: ${i.path}: ${i.message}`);
    throw error;
  }
  return [];
}

describe('parseCityPack', () => {
  it('slugs names and covers each area with its own cells', () => {
    const pack = parseCityPack(
      city,
      collection(
        feature('St. Anthony West', box(-93.27, 44.94)),
        feature('Near North', box(-93.26, 44.94)),
      ),
    );
    expect(pack.settings.slug).toBe('testville');
    expect(pack.areas.map((a) => [a.slug, a.name, a.kind])).toEqual([
      ['st-anthony-west', 'St. Anthony West', 'neighborhood'],
      ['near-north', 'Near North', 'neighborhood'],
    ]);
    const [west, east] = pack.areas;
    expect(west?.cells.length).toBeGreaterThan(30);
    expect(west?.cells.filter((c) => east?.cells.includes(c))).toEqual([]);
  });

  it('reads the name from the configured property', () => {
    const geojson = collection({
      type: 'Feature',
      properties: { BDNAME: 'Como' },
      geometry: box(-93.27, 44.94),
    });
    const pack = parseCityPack({ ...city, areas: { nameProperty: 'BDNAME' } }, geojson);
    expect(pack.areas[0]?.slug).toBe('como');
  });

  it('reports city.json problems by field', () => {
    const issues = issuesOf({ ...city, timeZone: 'Mars/Olympus' }, collection(feature('A')));
    expect(issues).toEqual([expect.stringMatching(/^city\.json: timeZone: expected an IANA/)]);
  });

  it('reports bad features by index and name', () => {
    const issues = issuesOf(
      city,
      collection(
        feature('Good'),
        feature('Dot', { type: 'Point', coordinates: [-93.2, 44.9] }),
        feature('Swapped', box(44.94, -93.27)),
      ),
    );
    expect(issues).toContainEqual(
      expect.stringMatching(
        /^neighborhoods\.geojson: features\[1\]\.geometry\.type \("Dot"\): .*Polygon/,
      ),
    );
    expect(issues).toContainEqual(
      expect.stringMatching(
        /features\[2\]\.geometry\.coordinates.* \("Swapped"\): expected \[longitude, latitude\]/,
      ),
    );
  });

  it('rejects input that is not a FeatureCollection', () => {
    expect(issuesOf(city, { type: 'Feature' })[0]).toMatch(/^neighborhoods\.geojson: type: /);
    expect(issuesOf(city, null)[0]).toMatch(/^neighborhoods\.geojson: /);
  });

  it('rejects missing names, unusable names and names that collide', () => {
    const issues = issuesOf(
      city,
      collection(
        feature('Como', box(-93.27, 44.94)),
        feature(undefined, box(-93.25, 44.94)),
        feature('???', box(-93.23, 44.94)),
        feature('COMO', box(-93.21, 44.94)),
      ),
    );
    expect(issues).toEqual([
      'neighborhoods.geojson: features[1].properties.name: expected a name',
      'neighborhoods.geojson: features[2].properties.name: "???" has no letters or digits to make an id from',
      'neighborhoods.geojson: features[3].properties.name: "COMO" gives the same id "como" as features[0] ("Como")',
    ]);
  });

  it('rejects an area left without cells, such as one made only of slivers', () => {
    const sliver = {
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
    const issues = issuesOf(city, collection(feature('Real'), feature('Sliver', sliver)));
    expect(issues).toEqual([
      'neighborhoods.geojson: features[1].geometry: "Sliver" covers no H3 cell at resolution 10 (degenerate, or inside another area)',
    ]);
  });

  it('keeps every issue on the error and a readable message', () => {
    const error = (() => {
      try {
        parseCityPack({ slug: 'X' }, null);
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(CityPackError);
    expect((error as CityPackError).code).toBe('invalid_city_pack');
    expect((error as CityPackError).message).toMatch(/^invalid city pack:\n {2}city\.json: slug: /);
  });
});
