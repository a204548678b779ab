import type { ParsedText } from './parse-text';
import { parseSaluteText } from './parse-text';

/** A pasted message and what parseSaluteText should read from it (plates default to none). */
export interface Example {
  name: string;
  text: string;
  expected: Partial<ParsedText>;
  /** ISO instant; 15:00 CDT on Friday 2026-05-01 unless given. */
  now?: string;
}

export const CHICAGO = 'America/Chicago';
export const NOW = '2026-05-01T20:00:00.000Z';

/** Parses an example in Chicago time; returns what was read and the full expected result. */
export function runExample(example: Example): { actual: ParsedText; expected: ParsedText } {
  const actual = parseSaluteText(example.text, {
    now: new Date(example.now ?? NOW),
    timeZone: CHICAGO,
  });
  return { actual, expected: { salute: {}, plates: [], ...example.expected } };
}
