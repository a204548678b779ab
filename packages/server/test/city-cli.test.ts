import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCityPack } from '@tocsin/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TESTVILLE_AREAS, TESTVILLE_CITY, writeCityPack } from './helpers/city-packs';

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../bin/tocsin.js');

function run(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [bin, ...args], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, stdout, stderr })),
  );
}

describe('tocsin city load', () => {
  let dataDir: string;
  let pack: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'tocsin-cli-city-'));
    pack = await writeCityPack();
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
    await rm(pack, { recursive: true, force: true });
  });

  it('loads a pack and prints the summary; a second load changes nothing', async () => {
    const cells = parseCityPack(TESTVILLE_CITY, {
      type: 'FeatureCollection',
      features: TESTVILLE_AREAS.map(({ name, geometry }) => ({
        type: 'Feature',
        properties: { name },
        geometry,
      })),
    }).areas.reduce((n, a) => n + a.cells.length, 0);
    const first = await run(['city', 'load', pack], { TOCSIN_DATA_DIR: dataDir });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toBe(
      `City pack testville: 2 neighborhoods, ${cells} cells, 0 archived.\nLoaded.\n`,
    );
    const second = await run(['city', 'load', pack], { TOCSIN_DATA_DIR: dataDir });
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain('Already up to date; nothing changed.');
  }, 120_000);

  it('exits 65 naming the bad field of an invalid pack', async () => {
    await writeFile(
      path.join(pack, 'city.json'),
      JSON.stringify({ ...TESTVILLE_CITY, timeZone: 'Mars/Olympus' }),
    );
    const result = await run(['city', 'load', pack], { TOCSIN_DATA_DIR: dataDir });
    expect(result.code).toBe(65);
    expect(result.stderr).toContain('city.json: timeZone: expected an IANA time zone');
  }, 120_000);
});
