import type { SaluteField } from './labels';
import { matchLabel } from './labels';
import { cleanValue, foldForMatch } from './text';

/** What the label scan found: values per field in text order, and the text outside any field. */
export interface ScannedFields {
  fields: Map<SaluteField, string[]>;
  unlabeled: string[];
}

// strong: ':', '=' or a dash before a space. dot: "S. 4". none: "Size 4" (whole words only).
type SeparatorKind = 'strong' | 'dot' | 'none';

interface Hit {
  field: SaluteField;
  start: number;
  valueStart: number;
  kind: SeparatorKind;
}

const WORD = /[\p{L}\p{N}]+/gu;
const LINE_BREAK = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/u;
const SPACE = /\s/u;
// Punctuation that closes a thought in prose, after which a label may start mid-line.
const CLEAR_GAP = /[,;|•·*/()[\]]|[.!?](?=\s)|\s[-–—]\s|\p{Extended_Pictographic}/u;
// A word right after an unpunctuated label that shows it is prose: "Time to go", "Size of".
const PROSE_AFTER = new Set([
  'to',
  'of',
  'is',
  'was',
  'and',
  'for',
  'in',
  'on',
  'de',
  'del',
  'es',
  'y',
  'que',
  'para',
  'en',
]);
const HEADER = /^(?:(?:reporte?|informe)\s+)?salute(?:\s+(?:report|alert|alerta))?$/u;

function isLeadingNoise(prefix: string): boolean {
  // Bullets, emoji, markdown and list numbers ("1) ", "2. ", keycap 3️⃣) may precede a label.
  const rest = prefix.replace(/\d\uFE0F?\u20E3/gu, '').replace(/\(?\d{1,2}[.)]\s/u, '');
  return !/[\p{L}\p{N}]/u.test(rest);
}

function isDash(c: string | undefined): boolean {
  return c === '-' || c === '–' || c === '—';
}

function readSeparator(
  line: string,
  end: number,
): { kind: SeparatorKind; valueStart: number } | undefined {
  let j = end;
  while (j < line.length && '*_~'.includes(line.charAt(j))) j++;
  const afterMarkup = j;
  while (line.charAt(j) === ' ' || line.charAt(j) === '\t') j++;
  const c = line.charAt(j);
  let k = j + 1;
  while ('*_~'.includes(line.charAt(k)) && k < line.length) k++;
  // "**S-** 4": markdown may close between the separator and the space.
  const next = line.charAt(k);
  const spaceOrEnd = next === '' || SPACE.test(next);
  if (c === ':' || c === '：' || c === '=') return { kind: 'strong', valueStart: j + 1 };
  // A dash needs a space after it, or "T-shirts" and "e-mail" would open fields.
  if (isDash(c) && spaceOrEnd) return { kind: 'strong', valueStart: j + 1 };
  // A dot needs a space after it, or "a.m." and "U.S." would open fields.
  if (c === '.' && spaceOrEnd) return { kind: 'dot', valueStart: j + 1 };
  if (j > afterMarkup && c !== '') return { kind: 'none', valueStart: afterMarkup };
  return undefined;
}

function startsLikeValue(rest: string): boolean {
  const word = /^\s*([\p{L}\p{N}]+)/u.exec(foldForMatch(rest))?.[1];
  return word === undefined ? rest.trim() !== '' : !PROSE_AFTER.has(word);
}

function findHits(lines: readonly string[]): Hit[][] {
  const hits: Hit[][] = lines.map(() => []);
  const weak: { line: number; hit: Hit }[] = [];
  let strong = 0;
  lines.forEach((line, li) => {
    const folded = foldForMatch(line);
    let prevEnd = 0;
    for (const m of folded.matchAll(WORD)) {
      const start = m.index;
      const end = start + m[0].length;
      const gap = line.slice(prevEnd, start);
      prevEnd = end;
      const label = matchLabel(m[0]);
      if (label === undefined) continue;
      const sep = readSeparator(line, end);
      if (sep === undefined) continue;
      const hit: Hit = { field: label.field, start, valueStart: sep.valueStart, kind: sep.kind };
      const atLineStart = isLeadingNoise(line.slice(0, start));
      if (sep.kind === 'strong') {
        // Mid-line, a label must follow punctuation, or whitespace once the text has shown it
        // uses labels: "S: 3 agents A: detaining" but not "I saw a - uh - raid".
        if (atLineStart || CLEAR_GAP.test(gap) || (strong > 0 && SPACE.test(gap))) {
          hits[li]?.push(hit);
          strong++;
        }
      } else if (atLineStart && !label.strict) {
        if (sep.kind === 'dot' || (!label.single && startsLikeValue(line.slice(sep.valueStart)))) {
          weak.push({ line: li, hit });
        }
      }
    }
  });
  // "E. Lake St" and "Time to go" are prose on their own; weak labels count only when the text
  // is a SALUTE list: two or more dotted labels, or bare labels alongside at least one other.
  const dots = weak.filter((w) => w.hit.kind === 'dot').length;
  const bare = weak.length - dots;
  const total = strong + (dots >= 2 ? dots : 0) + bare;
  for (const { line, hit } of weak) {
    if (hit.kind === 'dot' ? dots >= 2 : total >= 2) hits[line]?.push(hit);
  }
  for (const lineHits of hits) lineHits.sort((a, b) => a.start - b.start);
  return hits;
}

function isHeader(value: string): boolean {
  const letters = foldForMatch(value)
    .replace(/[^\p{L}\s]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
  return HEADER.test(letters);
}

/**
 * Splits text into labeled SALUTE values and unlabeled lines. A value runs to the next label or
 * the end of its line; an empty value takes the next line when that line has no label.
 */
export function scanFields(text: string): ScannedFields {
  const lines = text.split(LINE_BREAK);
  const hits = findHits(lines);
  const fields = new Map<SaluteField, string[]>();
  const unlabeled: string[] = [];
  const consumed = new Set<number>();
  const keepUnlabeled = (s: string): void => {
    const v = cleanValue(s);
    if (v !== '' && !isHeader(v)) unlabeled.push(v);
  };
  lines.forEach((line, li) => {
    if (consumed.has(li)) return;
    const lineHits = hits[li] ?? [];
    const firstHit = lineHits[0];
    if (firstHit === undefined) {
      keepUnlabeled(line);
      return;
    }
    const prefix = line.slice(0, firstHit.start);
    if (!isLeadingNoise(prefix)) keepUnlabeled(prefix);
    lineHits.forEach((hit, i) => {
      const next = lineHits[i + 1];
      let value = cleanValue(line.slice(hit.valueStart, next?.start ?? line.length));
      if (value === '' && next === undefined) {
        let ni = li + 1;
        while (ni < lines.length && cleanValue(lines[ni] ?? '') === '') ni++;
        if (ni < lines.length && (hits[ni] ?? []).length === 0) {
          value = cleanValue(lines[ni] ?? '');
          consumed.add(ni);
        }
      }
      if (value === '') return;
      const list = fields.get(hit.field);
      if (list === undefined) fields.set(hit.field, [value]);
      else list.push(value);
    });
  });
  return { fields, unlabeled };
}
