import { PLATES_MAX } from './limits';
import type { NormalizedPlate } from './plates';
import { dedupePlates, normalizePlate, PLATE_MAX, REGION_CODES } from './plates';
import { findTimeExpression } from './resolve-time';
import { foldForMatch } from './text';

const KEYWORD =
  /(?<![\p{L}\p{N}])(?:licen[cs]e\s+plates?|lic(?:en[cs]e)?\.?|plates?|placas?|tags?|matriculas?|patentes?)(?![\p{L}\p{N}])/gu;
// Words between a keyword and the plate: "plate number ABC123", "placa es ABC-123", "tag # X1".
const FILLER =
  /(?:[\s:#=\-–—("'“”]+|(?:no|n[º°o]|num|number|numero|is|was|es|era|reads?|dice|says|of|de|del|on|in|en|looks?|like|como|parece)\.?(?![\p{L}\p{N}]))/uy;
const LIST_SEP = /(?:[ \t]*(?:[,;/&+]|(?:and|y|or|o)(?![\p{L}\p{N}]))[ \t]*)+/uy;
const STATE_BEFORE = /(?<![\p{L}\p{N}])([A-Z]{2})[ \t]+$/u;
const STATE_PREFIX = /(?<![\p{L}\p{N}])([A-Z]{2})[ \t]+(?=[A-Z0-9])/gu;
const TOKEN = /[A-Za-z0-9]+/y;
const GAP = /[ \t]*[-.–][ \t]*|[ \t]+/y;
// Words that end a plate rather than continue it: "plate ABC 123 at Lake", "123 SUVs".
const STOP = new Set(
  (
    'and y or o at on in en near by por the el la los las del de a an was is es with con min ' +
    'mins ago am pm hr hrs suv suvs van vans car cars auto jeep men guys ice cbp hsi dhs fbi ' +
    'cops from to for para but pero sin no red blue gray grey tan gold rojo roja azul gris ' +
    'hace like about around como unos unas hay son eran were are minutos minutes hora horas'
  ).split(' '),
);
const MAX_TOKENS = 6;
const MAX_FILLER = 8;

interface Token {
  text: string;
  start: number;
  end: number;
  spaced: boolean;
}

const hasDigit = (s: string): boolean => /\d/.test(s);
const isLetters = (s: string): boolean => /^[A-Za-z]+$/.test(s);
const isDigits = (s: string): boolean => /^\d+$/.test(s);

function readTokens(text: string, pos: number): Token[] {
  const tokens: Token[] = [];
  let p = pos;
  let spaced = false;
  while (tokens.length < MAX_TOKENS) {
    TOKEN.lastIndex = p;
    const t = TOKEN.exec(text);
    if (t === null) break;
    tokens.push({ text: t[0], start: p, end: p + t[0].length, spaced });
    GAP.lastIndex = p + t[0].length;
    const g = GAP.exec(text);
    // "ABC123. Then" ends a sentence, while "ABC.123" is plate punctuation.
    if (g === null || /\.[ \t]/.test(g[0])) break;
    spaced = !/[-.–]/.test(g[0]);
    p = GAP.lastIndex;
  }
  return tokens;
}

/** Reads one plate at `pos`; `strict` (no keyword) wants a state prefix and capitals. */
function readPlate(
  text: string,
  pos: number,
  strict: boolean,
): { plate: NormalizedPlate; end: number } | undefined {
  const tokens = readTokens(text, pos);
  const head = tokens[0];
  if (head === undefined) return undefined;
  let i = 0;
  const second = tokens[1];
  const isRegion =
    head.text.length === 2 &&
    REGION_CODES.has(head.text.toUpperCase()) &&
    (!strict || head.text === head.text.toUpperCase());
  if (second !== undefined && second.spaced && isRegion) i = 1;
  else if (strict) return undefined;
  const body: Token[] = [];
  let total = 0;
  let spacedJoins = 0;
  for (let j = i; j < tokens.length; j++) {
    const t = tokens[j];
    if (t === undefined || STOP.has(t.text.toLowerCase())) break;
    if (strict && (t.text !== t.text.toUpperCase() || t.text.length < 2)) break;
    if (total + t.text.length > PLATE_MAX) break;
    const prev = body[body.length - 1];
    if (prev !== undefined && t.spaced) {
      // Plates written with a space have two groups, letters and digits: "ABC 123", "123 ABC".
      const fits =
        (isLetters(prev.text) && hasDigit(t.text)) ||
        (isDigits(prev.text) && isLetters(t.text) && t.text.length <= 4);
      if (spacedJoins >= 1 || !fits) break;
      spacedJoins++;
    }
    body.push(t);
    total += t.text.length;
  }
  const last = body[body.length - 1];
  const joined = body.map((t) => t.text).join('');
  if (last === undefined || !hasDigit(joined) || joined.length < 3) return undefined;
  if (strict && !/[A-Za-z]/.test(joined)) return undefined;
  const plate = normalizePlate(text.slice(head.start, last.end));
  if (plate === null || (strict && plate.state === undefined)) return undefined;
  return { plate, end: last.end };
}

function skip(re: RegExp, folded: string, pos: number, times: number): number {
  let p = pos;
  for (let n = 0; n < times; n++) {
    re.lastIndex = p;
    const m = re.exec(folded);
    if (m === null || m[0].length === 0) break;
    p += m[0].length;
  }
  return p;
}

function withState(plate: NormalizedPlate, state: string | undefined): NormalizedPlate {
  if (state === undefined || plate.state !== undefined) return plate;
  const stated = normalizePlate(`${state} ${plate.plate}`);
  return stated?.state === undefined ? plate : stated;
}

interface Found {
  at: number;
  end: number;
  plate: NormalizedPlate;
}

function keywordPlates(text: string, folded: string): Found[] {
  const out: Found[] = [];
  for (const m of folded.matchAll(KEYWORD)) {
    const before = STATE_BEFORE.exec(text.slice(Math.max(0, m.index - 4), m.index))?.[1];
    const state = before !== undefined && REGION_CODES.has(before) ? before : undefined;
    let pos = skip(FILLER, folded, m.index + m[0].length, MAX_FILLER);
    for (let n = 0; n < PLATES_MAX; n++) {
      const found = readPlate(text, pos, false);
      // After "and"/"y" only a clear plate counts: "ABC123 and 22 agents" holds one plate.
      if (found === undefined || (n > 0 && !/[A-Z]/.test(found.plate.plate))) break;
      out.push({ at: pos, end: found.end, plate: withState(found.plate, state) });
      const next = skip(LIST_SEP, folded, found.end, 1);
      if (next === found.end) break;
      pos = next;
    }
  }
  return out;
}

function prefixedPlates(text: string): Found[] {
  // Text in all capitals has too many capitalized words ("OR", "IN", "OK") to guess from.
  if (!/\p{Ll}/u.test(text)) return [];
  const out: Found[] = [];
  for (const m of text.matchAll(STATE_PREFIX)) {
    if (m[1] === undefined || !REGION_CODES.has(m[1])) continue;
    const found = readPlate(text, m.index, true);
    if (found !== undefined) out.push({ at: m.index, end: found.end, plate: found.plate });
  }
  return out;
}

function timeSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  let offset = 0;
  for (let n = 0; n < 4 && offset < text.length; n++) {
    const rest = text.slice(offset);
    const found = findTimeExpression(rest);
    if (found === undefined) break;
    const at = rest.indexOf(found.text);
    if (at < 0) break;
    spans.push({ start: offset + at, end: offset + at + found.text.length });
    offset += at + Math.max(1, found.text.length);
  }
  return spans;
}

/**
 * Finds licence plates in free text: after a keyword ("plate", "placa", "tag", "lic") or written
 * with a state prefix in capitals ("MN ABC 123"). Plates need a digit, so "plate covered" and
 * vanity plates in prose are not read as plates.
 */
export function extractPlates(text: string): NormalizedPlate[] {
  const folded = foldForMatch(text);
  // A time is never a plate: "placas: hace 10 min" holds no plate "HACE10".
  const candidates = [...keywordPlates(text, folded), ...prefixedPlates(text)];
  const times = candidates.length === 0 ? [] : timeSpans(text);
  const found = candidates.filter((f) => !times.some((t) => f.at < t.end && t.start < f.end));
  found.sort((a, b) => a.at - b.at);
  return dedupePlates(
    found.map((f) => f.plate),
    PLATES_MAX,
  );
}
