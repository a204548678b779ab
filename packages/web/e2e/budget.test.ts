import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { initialJavaScript } from './bundle';

const dist = path.resolve(import.meta.dirname, '../dist');
/** Initial JavaScript per screen, gzipped (issue: ≤ 150 KB on a cheap phone over slow 4G). */
const BUDGET_BYTES = 150_000;

describe('performance budget of the built web app', () => {
  it('the home screen starts with the startup chunk alone: no screen chunk to wait for', async () => {
    if (!existsSync(path.join(dist, 'index.html'))) {
      throw new Error(`the web app is not built in ${dist}: run \`npm run build\` first`);
    }
    const size = await initialJavaScript(dist);
    expect(size.gzipBytes, size.files.join(', ')).toBeLessThanOrEqual(BUDGET_BYTES);
    const code = await Promise.all(size.files.map((f) => readFile(path.join(dist, f), 'utf8')));
    // The feed list of the home screen (features/home/home-page.tsx).
    expect(code.some((c) => /"data-testid":[`"']feed[`"']/.test(c))).toBe(true);
  });

  // A screen that loads string parts starts with them too (English here).
  it.each([
    ['report-page'],
    ['join-page', 'strings-en-onboarding'],
    ['incident-page', 'strings-en-incidents', 'strings-en-dispatch'],
    ['settings-page', 'strings-en-trust'],
    ['plates-page', 'strings-en-dispatch'],
    ['organizer-page', 'strings-en-organize'],
    ['election-page', 'strings-en-elections'],
    ['meeting-page', 'strings-en-assemblies'],
    ['together-page', 'strings-en-bulletin', 'strings-en-community', 'strings-en-pledges'],
    ['bulletin-page', 'strings-en-bulletin'],
    ['digest-page', 'strings-en-bulletin'],
    ['events-page', 'strings-en-bulletin'],
    ['event-page', 'strings-en-bulletin'],
    ['campaign-page', 'strings-en-pledges'],
    ['canvass-page', 'strings-en-community'],
  ])('the %s screen needs at most 150 KB of gzipped JavaScript to start', async (...chunks) => {
    if (!existsSync(path.join(dist, 'index.html'))) {
      throw new Error(`the web app is not built in ${dist}: run \`npm run build\` first`);
    }
    const size = await initialJavaScript(dist, ...chunks);
    expect(size.gzipBytes, size.files.join(', ')).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it('keeps the string parts out of the first load, in every language', async () => {
    const size = await initialJavaScript(dist);
    const code = await Promise.all(size.files.map((f) => readFile(path.join(dist, f), 'utf8')));
    // A string of the chair's console (locales/en/assemblies.ts) and of the canvass (community).
    expect(code.some((c) => c.includes('Speakers list'))).toBe(false);
    // And of the dispatcher console (locales/en/dispatch.ts).
    expect(code.some((c) => c.includes('Dispatch console'))).toBe(false);
    const assets = await readdir(path.join(dist, 'assets'));
    for (const language of ['en', 'es', 'so', 'hmn']) {
      for (const part of [
        'assemblies',
        'bulletin',
        'community',
        'dispatch',
        'elections',
        'incidents',
        'onboarding',
        'organize',
        'pledges',
        'trust',
      ]) {
        expect(assets.some((name) => name.startsWith(`strings-${language}-${part}-`))).toBe(true);
      }
    }
  });

  it("keeps the organizer pages and the dispatcher console in their own chunks, out of every member screen's first load", async () => {
    for (const screen of [undefined, 'report-page', 'incident-page', 'plates-page']) {
      const size = await initialJavaScript(dist, ...(screen ? [screen] : []));
      expect(
        size.files.filter((f) => f.includes('organizer-page') || f.includes('dispatch-page')),
        screen ?? 'home',
      ).toEqual([]);
    }
    const assets = await readdir(path.join(dist, 'assets'));
    for (const chunk of ['organizer-page', 'dispatch-page']) {
      expect(
        assets.some((name) => name.startsWith(`${chunk}-`)),
        chunk,
      ).toBe(true);
    }
  });

  it('keeps the map, h3-js and zod out of the first load', async () => {
    const size = await initialJavaScript(dist);
    for (const file of size.files) {
      const code = await readFile(path.join(dist, file), 'utf8');
      expect(code, file).not.toMatch(/latLngToCell|ZodError|L\.tileLayer/);
    }
  });
});
