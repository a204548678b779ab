import type { ActivityCode } from './activity-codes';
import { activityCodeFromText } from './activity-from-text';
import { findTimeExpression } from './resolve-time';
import { foldForMatch } from './text';

/**
 * SALUTE fields read from unlabeled prose ("3 vans 2 agents in vests at Lake and Bloomington 10
 * min ago", "hay 5 agentes con chalecos en la 38 y Chicago"), English and Spanish, typos within
 * reason. Every value is a slice of the original text, so what the member sees is what they wrote.
 */
export interface ProseFields {
  size?: string;
  uniform?: string;
  equipment?: string;
  location?: string;
  time?: string;
  /** A quick-choice code when the activity is one of them (see ACTIVITY_CODES). */
  activityCode?: ActivityCode;
}

// Codes of the quick choices; the text shown is the reader's language, never the reporter's.
export { ACTIVITY_CODES, type ActivityCode } from './activity-codes';

/** Words that name places, folded (lowercase, no accents), from the city's gazetteer. */
export interface PlaceVocabulary {
  has(foldedWord: string): boolean;
}

const NUMBER_WORDS =
  'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|a few|few|' +
  'several|some|many|multiple|a couple(?: of)?|couple(?: of)?|a dozen|dozens of|a bunch of|lots of|' +
  'un|una|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|doce|quince|veinte|varios|varias|' +
  'muchos|muchas|unos|unas|algunos|algunas|un par de';
const APPROX =
  '(?:(?:like|about|around|approx\\.?|maybe|como|unos|unas|mas de|more than|over)\\s+|~)?';
const COUNT = `${APPROX}(?:\\d{1,3}\\+?|${NUMBER_WORDS})`;
const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';

const PEOPLE =
  'agents?|agentes?|ajentes?|agnets?|officers?|oficiales?|oficers?|cops?|polic[ií]as?|polis|men|guys|' +
  'hombres?|people|personas?|feds?|federales?|troopers?|marshals?|soldiers?|soldados?|' +
  'personnel|migras?|ice agents?|ice officers?|ice|la migra|tipos|vatos';
const SIZE_ADJ =
  '(?:(?:armed|masked|federal|ice|cbp|hsi|plainclothes|uniformed|male|female|more|other|armados|' +
  'enmascarados|mas|otros)\\s+){0,2}';
const SIZE = new RegExp(`${B}${COUNT}\\s+${SIZE_ADJ}(?:${PEOPLE})${E}`, 'gu');

const VEHICLE =
  'vans?|minivans?|suvs?|cars?|trucks?|pick-?ups?|sedans?|vehicles?|vehicals?|tahoes?|' +
  'suburbans?|explorers?|dodge chargers?|chargers?|camionetas?|carros?|coches?|autos?|' +
  'trocas?|trokas?|vehiculos?|patrullas?|furgonetas?|helicopters?|helicopteros?|drones?|' +
  'rifles?|guns?|armas?|pistolas?|batons?|zip ?ties|handcuffs|esposas|battering rams?|' +
  'riot gear|k-?9s?|dogs?|perros?|cameras?|camaras?';
const COLOR_EN =
  'black|white|gray|grey|silver|dark|blue|red|tan|green|unmarked|marked|tinted|government|federal|' +
  'big|large|armored|gold|maroon|navy|plain|long';
const COLOR_ES =
  'negras?|negros?|blancas?|blancos?|grises|gris|plateadas?|plateados?|oscuras?|oscuros?|azules|' +
  'azul|rojas?|rojos?|polarizadas?|polarizados?|sin placas|sin marcas|grandes|verdes?';
// Not the member's own car ("I parked my car") nor the cars agents stop ("stopping cars").
const NOT_AGENTS = '(?<!(?:my|mi|mis|our|nuestro|nuestros|stopping|parando|checking|revisando)\\s)';
const EQUIPMENT = new RegExp(
  `${B}${NOT_AGENTS}(?:${COUNT}\\s+)?(?:(?:${COLOR_EN})\\s+){0,3}(?:${VEHICLE})(?:\\s+(?:${COLOR_ES})){0,2}${E}`,
  'gu',
);

const CLOTHES =
  'vests?|chalecos?|jackets?|chamarras?|chaquetas?|masks?|mascaras?|cubrebocas|balaclavas?|' +
  'pasamontanas|uniforms?|uniformes?|helmets?|cascos?|hats?|gorras?|tactical gear|plain ?clothes|' +
  'ropa de civil|ropa civil|ropa tactica|camo|camouflage|camuflaje|hoodies?|sudaderas?|' +
  'body armor|bulletproof vests?|badges?|gloves|guantes|windbreakers?';
const CLOTHES_ADJ =
  'green|black|tan|blue|navy|tactical|bulletproof|police|ice|hsi|cbp|camo|dark|face|ski|' +
  'bullet-?proof|olive|khaki|gray|grey|full|marked|matching';
const CLOTHES_ES =
  'negros?|negras?|verdes?|tacticos?|tacticas?|antibalas|de policia|de ice|azules|oscuros?';
const UNIFORM = new RegExp(
  `${B}(?:(?:wearing|in|with|w/|con|vestidos de|vestidos con|llevan|llevaban|usan|usaban|traen|traian)\\s+)?` +
    `(?:(?:${CLOTHES_ADJ})\\s+){0,3}(?:${CLOTHES})(?:\\s+(?:${CLOTHES_ES})){0,2}${E}` +
    `|${B}(?:masked|enmascarados?|encapuchados?|plainclothes|de civil|uniformed|uniformados?)${E}`,
  'gu',
);

const UNIFORM_LEAD =
  /^(?:wearing|in|with|w\/|con|vestidos de|vestidos con|llevan|llevaban|usan|usaban|traen|traian)\s+/u;

// Where a place is said to be. "in" is left out: "in vests", "in a van".
const PLACE_LEAD =
  'at|on|near|by|outside|behind|across from|in front of|next to|corner of|off|along|' +
  'en la esquina de|esquina de|en|cerca de|cerca del|frente a|frente al|afuera de|afuera del|' +
  'fuera de|por la|por el|sobre la|sobre|calle|en la calle|junto a|detras de|@';
const PLACE_LEAD_RE = new RegExp(`${B}(?:${PLACE_LEAD})(?=\\s)`, 'gu');
const STREET_NAME =
  /(?<![\p{L}\p{N}])(?:[ewns]\.?\s+)?(?:\d{1,3}(?:st|nd|rd|th)|\p{L}{3,})\s+(?:st|ave|av|street|avenue|blvd|rd|pkwy|park)\.?(?![\p{L}\p{N}])/gu;
// Words that tie two place phrases into one: "the Cub on Lake St", "Lake St by the Target".
const PLACE_TIE = /^\s*(?:on|by|near|at|off|en|cerca de|por|&|and|y|\/)\s*$/u;
const STREET_SUFFIX =
  /^(?:st|street|str|ave|av|avenue|avenida|blvd|boulevard|rd|road|dr|drive|pkwy|parkway|pl|place|ln|lane|way|hwy|highway|ct|circle|cir|terrace|ter|sq|square|park|parque|calle)\.?$/u;
const JOINERS = new Set([
  'and',
  'y',
  'i',
  '&',
  '/',
  '@',
  'e',
  'w',
  'n',
  's',
  'se',
  'ne',
  'the',
  'el',
  'la',
  'of',
  'de',
]);
const PLACE_STOP = new Set(
  (
    'now ago min mins minutes minute hace ahora mismo right just today tonight this morning ' +
    "with con wearing in who que they they're theyre are were is was son estan esta hay " +
    'detaining arresting deteniendo arrestando asking preguntando knocking tocando checking ' +
    'agents agentes officers cops ice migra police policia vans van suvs suv cars car trucks truck ' +
    'camionetas camioneta carros carro vests chalecos masks and y'
  ).split(' '),
);
const ORDINAL = /^\d{1,3}(?:st|nd|rd|th|a|o|va|vo|ra|ro)?$/u;
const ADDRESS =
  /(?<![\p{L}\p{N}])\d{2,5}\s+(?:block(?:\s+of)?\s+|cuadra\s+(?:de\s+)?)?(?:[ewns]\.?\s+)?(?:\d{1,3}(?:st|nd|rd|th)|\p{L}{3,})(?:\s+(?:st|ave|av|street|avenue|blvd|rd|pkwy|dr|road|drive)\.?)?(?![\p{L}\p{N}])/gu;
// A street suffix is a word of its own: "31st stopping cars" is 31st, not "31st st".
const CORNER =
  /(?<![\p{L}\p{N}])(?:(?:la|el)\s+)?(?:\d{1,3}(?:st|nd|rd|th)?|\p{L}{3,})(?:\s+(?:st|ave|av|street|avenue)\.?(?![\p{L}\p{N}]))?\s*(?:&|\/|@|\+|\band\b|\by\b|\bi\b)\s*(?:(?:la|el)\s+)?(?:\d{1,3}(?:st|nd|rd|th)?|\p{L}{3,})(?:\s+(?:st|ave|av|street|avenue)\.?(?![\p{L}\p{N}]))?/gu;

interface Span {
  start: number;
  end: number;
}

function overlaps(a: Span, spans: readonly Span[]): boolean {
  return spans.some((b) => a.start < b.end && b.start < a.end);
}

function collect(folded: string, re: RegExp, taken: Span[], max = 4): Span[] {
  const out: Span[] = [];
  for (const m of folded.matchAll(re)) {
    const span = { start: m.index, end: m.index + m[0].length };
    if (overlaps(span, taken)) continue;
    out.push(span);
    if (out.length >= max) break;
  }
  return out;
}

function join(text: string, spans: readonly Span[]): string | undefined {
  if (spans.length === 0) return undefined;
  return [...spans]
    .sort((a, b) => a.start - b.start)
    .map((s) => text.slice(s.start, s.end).trim())
    .join(', ');
}

function isPlaceWord(
  word: string,
  original: string,
  vocabulary: PlaceVocabulary | undefined,
): boolean {
  if (ORDINAL.test(word) || STREET_SUFFIX.test(word)) return true;
  if (vocabulary?.has(word) === true) return true;
  // Capitalized in the original: "Lake", "Bloomington", "Cub".
  return /^\p{Lu}/u.test(original) && !PLACE_STOP.has(word);
}

/** Reads a place after a lead word ("at", "en", "cerca de"): names, numbers and joiners. */
function placeAfter(
  text: string,
  folded: string,
  from: number,
  vocabulary: PlaceVocabulary | undefined,
  stops: readonly Span[],
): Span | undefined {
  const WORD = /\s*([\p{L}\p{N}][\p{L}\p{N}'’.-]*|&|\/|@)/uy;
  let pos = from;
  let start = -1;
  let end = -1;
  let named = 0;
  let pendingJoin = 0;
  for (let n = 0; n < 9; n++) {
    WORD.lastIndex = pos;
    const m = WORD.exec(folded);
    if (m === null || m[1] === undefined) break;
    const wordStart = pos + m[0].length - m[1].length;
    const word = m[1].replace(/[.]+$/u, '');
    const original = text.slice(wordStart, wordStart + m[1].length);
    if (overlaps({ start: wordStart, end: wordStart + m[1].length }, stops)) break;
    if (
      JOINERS.has(word) &&
      !(named > 0 && PLACE_STOP.has(word) && word !== 'and' && word !== 'y')
    ) {
      // Joiners only inside a place: "Lake and Bloomington", "the Cub", "E 38th".
      pendingJoin++;
      if (pendingJoin > 2) break;
    } else if (isPlaceWord(word, original, vocabulary)) {
      if (start < 0) start = wordStart;
      end = wordStart + m[1].length;
      named++;
      pendingJoin = 0;
    } else break;
    pos = wordStart + m[1].length;
    // A comma or sentence end closes the place.
    if (/^[,;!?)]/u.test(folded.slice(pos)) || /^\.\s/u.test(folded.slice(pos))) break;
  }
  if (start < 0 || named === 0) return undefined;
  // "at the Cub": keep the article that led to the name.
  const before = folded.slice(Math.max(from, start - 4), start);
  const article = /(?:the|el|la)\s+$/u.exec(before);
  const keep = article !== null && !/^calle\b/u.test(folded.slice(start));
  return { start: keep && article ? start - article[0].length : start, end };
}

function findLocation(
  text: string,
  folded: string,
  vocabulary: PlaceVocabulary | undefined,
  stops: readonly Span[],
): Span | undefined {
  const candidates: Span[] = [];
  for (const m of folded.matchAll(ADDRESS)) {
    const span = { start: m.index, end: m.index + m[0].length };
    const words = m[0].split(/\s+/u).slice(1);
    const last = words[words.length - 1]?.replace(/\.$/u, '') ?? '';
    const name = words.find((w) => !/^(?:block|of|cuadra|de|[ewns]\.?)$/u.test(w)) ?? '';
    const streetish =
      (!STREET_SUFFIX.test(name) && STREET_SUFFIX.test(last) && words.length > 1) ||
      words.some((w) => !/^\d/u.test(w) && vocabulary?.has(w) === true) ||
      /block|cuadra/u.test(m[0]);
    if (streetish && !overlaps(span, stops)) candidates.push(span);
  }
  for (const m of folded.matchAll(PLACE_LEAD_RE)) {
    const span = placeAfter(text, folded, m.index + m[0].length, vocabulary, stops);
    if (span !== undefined) candidates.push(span);
  }
  for (const m of folded.matchAll(CORNER)) {
    const span = { start: m.index, end: m.index + m[0].length };
    if (overlaps(span, stops)) continue;
    const sides = m[0].split(/\s*(?:&|\/|@|\+|\band\b|\by\b|\bi\b)\s*/u);
    const known = sides.filter((s) =>
      s
        .split(/\s+/u)
        .some((w) => ORDINAL.test(w) || vocabulary?.has(w) === true || STREET_SUFFIX.test(w)),
    );
    if (known.length === 2) candidates.push(span);
  }
  for (const m of folded.matchAll(STREET_NAME)) {
    const span = { start: m.index, end: m.index + m[0].length };
    if (!overlaps(span, stops)) candidates.push(span);
  }
  if (candidates.length === 0) return undefined;
  // Join places tied by "on", "by", "y": "the Cub Foods on Lake St" is one place.
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Span[] = [];
  for (const c of candidates) {
    const last = merged[merged.length - 1];
    if (
      last !== undefined &&
      (c.start <= last.end || PLACE_TIE.test(folded.slice(last.end, c.start)))
    ) {
      last.end = Math.max(last.end, c.end);
    } else merged.push({ ...c });
  }
  // The widest place that names most: intersections and addresses beat a lone name.
  merged.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  return merged[0];
}

/** Reads size, uniform, equipment, place, time and a quick-choice code from unlabeled text. */
export function readProseFields(text: string, vocabulary?: PlaceVocabulary): ProseFields {
  const folded = foldForMatch(text);
  const out: ProseFields = {};
  const time = findTimeExpression(text);
  const timeSpans: Span[] = [];
  if (time !== undefined) {
    out.time = time.text;
    const at = text.indexOf(time.text);
    if (at >= 0) timeSpans.push({ start: at, end: at + time.text.length });
  }
  const uniform = collect(folded, UNIFORM, timeSpans).map((span) => {
    const lead = UNIFORM_LEAD.exec(folded.slice(span.start, span.end));
    return lead === null ? span : { start: span.start + lead[0].length, end: span.end };
  });
  const size = collect(folded, SIZE, [...timeSpans, ...uniform], 2);
  const equipment = collect(folded, EQUIPMENT, [...timeSpans, ...uniform, ...size]);
  const taken = [...timeSpans, ...uniform, ...size, ...equipment];
  const location = findLocation(text, folded, vocabulary, taken);
  const put = (key: 'size' | 'uniform' | 'equipment', spans: Span[]) => {
    const v = join(text, spans);
    if (v !== undefined) out[key] = v;
  };
  put('size', size);
  put('uniform', uniform);
  put('equipment', equipment);
  if (location !== undefined) out.location = text.slice(location.start, location.end).trim();
  const code = activityCodeOf(text);
  if (code !== undefined) out.activityCode = code;
  return out;
}

/** The quick choice an activity text clearly names ("deteniendo a un señor" → detaining), if any. */
export function activityCodeOf(text: string): ActivityCode | undefined {
  return activityCodeFromText(text);
}
