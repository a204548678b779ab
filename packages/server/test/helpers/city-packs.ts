import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The real demo pack in the repository. */
export const MINNEAPOLIS_PACK = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../cities/minneapolis',
);

/** A 0.01° square (about 1.1 × 0.8 km here) with its south-west corner at (west, south). */
export function box(west: number, south: number, size = 0.01) {
  return {
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
  };
}

export const TESTVILLE_CITY = {
  slug: 'testville',
  name: 'Testville',
  timeZone: 'America/Chicago',
  languages: ['en', 'es'],
  defaultAlertRadiusMeters: 800,
  retentionHours: 12,
  hotline: { text: 'Call the network.', phone: '+1 612 555 0100' },
  knowYourRights: [
    { lang: 'en', title: 'Rights', body: 'You may remain silent.' },
    { lang: 'es', title: 'Derechos', body: 'Puede guardar silencio.', needsReview: true },
  ],
};

/** Two side-by-side neighborhoods, "North Side" and "South Side". */
export const TESTVILLE_AREAS = [
  { name: 'North Side', geometry: box(-93.27, 44.95) },
  { name: 'South Side', geometry: box(-93.27, 44.94) },
];

/** Writes a pack folder (city.json + neighborhoods.geojson) into a fresh temp dir. */
export async function writeCityPack(
  options: {
    city?: Record<string, unknown>;
    areas?: { name: string; geometry: unknown }[];
  } = {},
): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'tocsin-pack-'));
  const areas = options.areas ?? TESTVILLE_AREAS;
  await writeFile(path.join(dir, 'city.json'), JSON.stringify(options.city ?? TESTVILLE_CITY));
  await writeFile(
    path.join(dir, 'neighborhoods.geojson'),
    JSON.stringify({
      type: 'FeatureCollection',
      features: areas.map(({ name, geometry }) => ({
        type: 'Feature',
        properties: { name },
        geometry,
      })),
    }),
  );
  return dir;
}

/** A copy of the Minneapolis pack without the named neighborhoods. */
export async function minneapolisWithout(names: string[]): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'tocsin-pack-'));
  await mkdir(dir, { recursive: true });
  await cp(path.join(MINNEAPOLIS_PACK, 'city.json'), path.join(dir, 'city.json'));
  await cp(path.join(MINNEAPOLIS_PACK, 'places.json'), path.join(dir, 'places.json'));
  const geojson = JSON.parse(
    await readFile(path.join(MINNEAPOLIS_PACK, 'neighborhoods.geojson'), 'utf8'),
  ) as { features: { properties: { name: string } }[] };
  geojson.features = geojson.features.filter((f) => !names.includes(f.properties.name));
  await writeFile(path.join(dir, 'neighborhoods.geojson'), JSON.stringify(geojson));
  return dir;
}
