import { readdirSync } from 'node:fs';
import type { MatrixEntry } from './types';

const ENTRIES_DIR = new URL('./entries/', import.meta.url);

function isEntry(value: unknown): value is MatrixEntry {
  const entry = value as Partial<MatrixEntry> | null;
  return typeof entry?.method === 'string' && typeof entry.url === 'string' && !!entry.expect;
}

/** Every entry exported by entries/*.ts (as `entries`, or any other exported array of them). */
export async function loadEntries(): Promise<MatrixEntry[]> {
  const files = readdirSync(ENTRIES_DIR)
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
    .sort();
  const loaded: MatrixEntry[] = [];
  for (const file of files) {
    const module = (await import(new URL(file, ENTRIES_DIR).href)) as Record<string, unknown>;
    const arrays = Object.values(module).filter(
      (value): value is MatrixEntry[] => Array.isArray(value) && value.every(isEntry),
    );
    if (arrays.length === 0) {
      throw new Error(`test/authz/entries/${file} must export entries: MatrixEntry[]`);
    }
    loaded.push(...arrays.flat());
  }
  return loaded;
}
