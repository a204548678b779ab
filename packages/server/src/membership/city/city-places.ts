import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { cityPackSchema, gazetteerSchema, type Gazetteer } from '@tocsin/core';
import { NotFoundError, type AppContext } from '../../platform';
import { findCity } from './city.repository';

// Each node reads the gazetteer from its configured pack folder once per file and keeps it:
// it is public street data, the same on every node, and too large to keep in the city row.
const cache = new Map<string, Promise<Gazetteer>>();

async function readGazetteer(file: string): Promise<Gazetteer> {
  const parsed = gazetteerSchema.safeParse(JSON.parse(await readFile(file, 'utf8')) as unknown);
  if (!parsed.success) throw new Error(`${file}: not a valid gazetteer: ${parsed.error.message}`);
  return parsed.data;
}

/**
 * The city's street gazetteer (streets, landmarks, source and license), named by the loaded
 * pack's `places.source` in the configured pack folder; 404 when the city has none.
 */
export async function getCityPlaces(ctx: AppContext): Promise<Gazetteer> {
  const row = await findCity(ctx.db);
  if (!row) throw new NotFoundError('No city is loaded');
  const source = cityPackSchema.parse(row.settings).places?.source;
  if (source === undefined) throw new NotFoundError('This city has no street gazetteer');
  const file = path.join(ctx.config.cityPack, source);
  let pending = cache.get(file);
  if (pending === undefined) {
    pending = readGazetteer(file);
    cache.set(file, pending);
  }
  try {
    return await pending;
  } catch (error) {
    cache.delete(file);
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new NotFoundError('The street gazetteer file is missing from the city pack');
    }
    throw error;
  }
}

/** The city's default plate state (city pack `plateDefaultState`), if it has one. */
export async function cityPlateState(ctx: AppContext): Promise<string | undefined> {
  const row = await findCity(ctx.db);
  return row ? cityPackSchema.parse(row.settings).plateDefaultState : undefined;
}
