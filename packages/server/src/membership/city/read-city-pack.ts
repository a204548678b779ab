import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  CityPackError,
  cityPackSchema,
  gazetteerSchema,
  parseCityPack,
  type CityPack,
} from '@tocsin/core';

async function readJsonFile(folder: string, file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path.join(folder, file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message = code === 'ENOENT' ? `not found in ${folder}` : `cannot be read (${code})`;
    throw new CityPackError([{ file, path: '', message }]);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new CityPackError([{ file, path: '', message: `not valid JSON: ${String(error)}` }]);
  }
}

/** Reads and validates a pack folder: city.json and the areas file it names. */
export async function readCityPack(folder: string): Promise<CityPack> {
  const cityJson = await readJsonFile(folder, 'city.json');
  // The areas file is named in city.json; an invalid city.json is reported before looking for it.
  const settings = cityPackSchema.safeParse(cityJson).data;
  const source = settings?.areas.source;
  if (source === undefined) return parseCityPack(cityJson, null);
  const pack = parseCityPack(cityJson, await readJsonFile(folder, source));
  // The street gazetteer is served from the pack folder (GET /city/places); check it now.
  const places = settings?.places?.source;
  if (places !== undefined) {
    const gazetteer = gazetteerSchema.safeParse(await readJsonFile(folder, places));
    if (!gazetteer.success) {
      throw new CityPackError(
        gazetteer.error.issues.slice(0, 20).map((issue) => ({
          file: places,
          path: issue.path.join('.'),
          message: issue.message,
        })),
      );
    }
  }
  return pack;
}
