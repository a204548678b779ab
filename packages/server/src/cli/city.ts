import path from 'node:path';
import { CityPackError, type CityPack } from '@tocsin/core';
import { MemoryBus } from '../platform/bus/memory-bus';
import { createContext } from '../context';
import { installCityPack, type CityLoadSummary } from '../membership/city/city.service';
import { readCityPack } from '../membership/city/read-city-pack';
import { bootstrap } from './bootstrap';

export function formatCitySummary(summary: CityLoadSummary): string {
  const lines = [
    `City pack ${summary.city}: ${summary.areas} neighborhoods, ${summary.cells} cells, ` +
      `${summary.archived} archived.`,
    summary.changed ? 'Loaded.' : 'Already up to date; nothing changed.',
  ];
  return `${lines.join('\n')}\n`;
}

function reportPackError(error: unknown): number {
  if (!(error instanceof CityPackError)) throw error;
  process.stderr.write(`${error.message}\n`);
  return 65; // EX_DATAERR
}

/** `tocsin city load <path>`: validate a pack and load it; exit 65 naming every problem. */
export async function cityLoadCommand(folder: string): Promise<number> {
  const { config, secrets, logger } = await bootstrap();
  let pack: CityPack;
  try {
    // Validated before the database is opened: a bad pack fails fast and touches nothing.
    pack = await readCityPack(path.resolve(folder));
  } catch (error) {
    return reportPackError(error);
  }
  // A private in-memory bus and a relay that never starts: this short-lived process leaves its
  // areas.changed event in the outbox for the servers' relays, so every running node hears it.
  const ctx = await createContext({
    config,
    secrets,
    logger,
    bus: new MemoryBus(logger.child({ sub: 'bus' })),
  });
  try {
    process.stdout.write(formatCitySummary(await installCityPack(ctx, pack)));
    return 0;
  } catch (error) {
    // A neighborhood id already taken by a workplace is only found against the database.
    return reportPackError(error);
  } finally {
    await ctx.relay.stop();
    await ctx.bus.close();
    await ctx.database.close();
  }
}
