import { appendFileSync } from 'node:fs';

/** The figures SECURITY.md asks the security report for, one name per figure. */
export const FIGURES = [
  'bad-inputs',
  'authz-matrix',
  'pii-canary',
  'rows-past-ttl',
  'photo-metadata',
  'faults',
  'alerts',
  'sybil',
  'plate-hash',
  'subpoena-drill',
  'plate-infiltration',
  'infiltration',
] as const;
export type FigureName = (typeof FIGURES)[number];

/** One measurement a test made: what it counted, on which database, in which test. */
export interface FigureRecord {
  figure: FigureName;
  source: string;
  database: string;
  counts: Record<string, number>;
}

/** Where `npm run security-report` wants the figures; tests record nothing without it. */
export const FIGURES_ENV = 'TOCSIN_SECURITY_FIGURES';

/**
 * Appends a measured figure to the JSON-lines file named by TOCSIN_SECURITY_FIGURES (a no-op when
 * it is unset). Call it with what was counted before asserting on it, so a failing run still
 * reports the number that failed.
 */
export function recordFigure(
  figure: FigureName,
  source: string,
  database: string,
  counts: Record<string, number>,
): void {
  const file = process.env[FIGURES_ENV];
  if (!file) return;
  const record: FigureRecord = { figure, source, database, counts };
  // One short line per append: concurrent test workers do not interleave within it.
  appendFileSync(file, JSON.stringify(record) + '\n');
}
