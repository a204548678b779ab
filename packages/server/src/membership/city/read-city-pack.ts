import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CityPackError, cityPackSchema, parseCityPack, type CityPack } from '@tocsin/core';

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
  const source = cityPackSchema.safeParse(cityJson).data?.areas.source;
  if (source === undefined) return parseCityPack(cityJson, null);
  return parseCityPack(cityJson, await readJsonFile(folder, source));
}
