import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { STRING_PARTS } from '../lib/i18n';

// Each screen's route names the string parts it loads (`withStrings` in router.tsx). A screen that
// used a key of a part its route does not load would show the key itself: this reads every
// screen's code, with all it imports, and checks the keys it uses against what its route loads.

const src = path.resolve(import.meta.dirname, '..');

function sourceFile(base: string): string | undefined {
  return [`${base}.tsx`, `${base}.ts`, path.join(base, 'index.ts')].find((f) => existsSync(f));
}

/** The screen's file and every file of the app it imports, however deep. */
function closure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const match of code.matchAll(/from '(\.{1,2}\/[^']+)'/g)) {
    const next = sourceFile(path.resolve(path.dirname(file), match[1] ?? ''));
    if (next) closure(next, seen);
  }
  return seen;
}

async function partOfKey(): Promise<Map<string, string>> {
  const owner = new Map<string, string>();
  for (const part of STRING_PARTS) {
    const module = (await import(`../locales/en/${part}.ts`)) as Record<string, object>;
    for (const key of Object.keys(module[part] ?? {})) owner.set(key, part);
  }
  return owner;
}

describe('the strings each route loads', () => {
  const router = readFileSync(path.join(src, 'app/router.tsx'), 'utf8');
  const screens = [
    ...router.matchAll(/(withStrings\()?import\('\.\.\/([^']+)'\)((?:,\s*'\w+')*)/g),
  ].map((m) => ({
    module: m[2] ?? '',
    parts: [...(m[3] ?? '').matchAll(/'(\w+)'/g)].map((p) => p[1]),
  }));

  it('finds the screens', () => {
    expect(screens.length).toBeGreaterThan(20);
    expect(screens.filter((s) => s.parts.length > 0).length).toBeGreaterThan(10);
  });

  it('loads every part whose keys a screen uses, and only parts that exist', async () => {
    const owner = await partOfKey();
    for (const screen of screens) {
      for (const part of screen.parts) expect(STRING_PARTS, screen.module).toContain(part);
      const entry = sourceFile(path.join(src, screen.module));
      expect(entry, screen.module).toBeDefined();
      const used = new Set<string>();
      for (const file of closure(entry ?? '')) {
        const code = readFileSync(file, 'utf8');
        for (const [key, part] of owner) {
          if (new RegExp(`['"\`]${key}\\.|keyPrefix: ['"]${key}['"]`).test(code)) used.add(part);
        }
      }
      expect(
        [...used].filter((p) => !screen.parts.includes(p)),
        screen.module,
      ).toEqual([]);
    }
  });
});
