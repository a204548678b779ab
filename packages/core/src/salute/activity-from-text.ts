import type { ActivityCode } from './activity-codes';
import { foldForMatch } from './text';

/**
 * Which quick choice a member's own words name ("deteniendo a un señor" → detaining, "going door
 * to door" → doors, "retén en la Lake" → checkpoint), English and Spanish with common typos.
 * Only what the text clearly says: a phrase under a negation ("no checkpoint", "ya no hay
 * retén", "don't open the door"), in a question ("is there a checkpoint?"), or in a message that
 * calls itself a false alarm gives nothing, and a bare word that only sounds like one ("by the
 * doors of the Target", "parked my car") does not count. Most urgent first when several match.
 */

const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
// Someone taken: one person, or people counted ("two men"); not "them" or a bare number, which
// also read "took them 10 min", "took 2 hours".
const ONE_PERSON =
  '(?:someone|somebody|some ?one|a (?:man|woman|guy|lady|person|kid|worker|neighbou?r|dad|mom))';
const PERSON =
  `(?:${ONE_PERSON}|him|her|a couple|` +
  '(?:(?:two|three|four|five|several|some|\\d{1,2}) )?(?:people|workers|men|women|guys))';
const PERSONA =
  '(?:a (?:alguien|algien|un|una|uno|unos|unas|dos|tres|\\d{1,2}|la|el|los|las|mi|su|gente|personas?|varios|varias)' +
  '|gente|personas?)';

const re = (body: string) => new RegExp(`${B}(?:${body})${E}`, 'gu');

const PATTERNS: readonly [ActivityCode, RegExp][] = [
  [
    'detaining',
    re(
      'detain(?:ing|ed|s)?|detention(?! (?:center|centre|facility|facilities))|detaning|detainig|detianing|detaned|' +
        'arrest(?:ing|ed|s)?|arresting|arestin[g]?|aresting|arested|' +
        `(?:took|taking|grabbed|grabbing|snatched|snatching) ${PERSON}|` +
        // "parents picking up kids" is a school run: picked up only with one person named.
        `(?:picked up|picking up) ${ONE_PERSON}|` +
        'handcuff(?:ed|ing|s)?|cuffing|cuffed|zip ?tied|' +
        'detenien?do|deteniedo|detenindo|detuvieron|detubieron|detenieron|' +
        'arrestando|arestando|arrestaron|arestaron|esposando|esposaron|' +
        `(?:se llevaron|se llevan|se estan llevando|agarraron|agarrando|levantaron) ${PERSONA}|` +
        'se llevaron|se lo llevaron|se la llevaron|se los llevaron|se las llevaron',
    ),
  ],
  [
    'checkpoint',
    re(
      'checkpoints?|check points?|check-points?|checkpiont|chekpoint|chek point|checkpont|' +
        'road ?blocks?|road-blocks?|stopping (?:all |every |the )?(?:cars|drivers|traffic)|' +
        'retenes|reten|reten de|punto de control|puesto de control|puntos de control|' +
        'parando (?:a )?(?:todos )?(?:los )?(?:carros|coches|autos|conductores)',
    ),
  ],
  [
    'doors',
    re(
      'door to door|door-to-door|door 2 door|doortodoor|house to house|house-to-house|' +
        '(?:knock(?:ing|ed|s)?|knockin|nocking|knoking|banging|pounding) on (?:the |my |our |every |all |' +
        "people'?s |peoples |apartment |their |his |her |a )?doors?|" +
        'knocking doors|knockin doors|knoking doors|nocking doors|knocking on|knocking|' +
        '(?:going|went|go) (?:to )?(?:every|each) (?:door|house)|' +
        '(?:tocando|tokando|tocan|tocaron|golpeando|golpearon) (?:las |la |a las |en las |' +
        'en la |todas las |cada )?puertas?|puerta por puerta|puerta a puerta|casa por casa|' +
        'de puerta en puerta|de casa en casa',
    ),
  ],
  [
    'vehicles',
    re(
      '(?:vans?|suvs?|cars?|trucks?|vehicles?|tahoes?|suburbans?) (?:are |is )?(?:parked|sitting|waiting|idling|staging|circling)|' +
        '(?:parked|sitting|waiting|idling) in (?:a |an |the |their |two |2 |3 )?(?:unmarked |black |white |gray |grey |dark |government )?(?:vans?|suvs?|cars?|trucks?|vehicles?)|' +
        'parked (?:outside|across|in front|near|by|at|on|behind)|' +
        'estacionad[oa]s (?:afuera|enfrente|frente|en|cerca|por|detras)|' +
        'staging|staged|circling the block|circling around the block|' +
        '(?:camionetas?|carros?|coches?|autos?|trocas?|vehiculos?) (?:negras? |negros? |blancas? |blancos? |grises |gris |sin placas )?' +
        '(?:estan |esta )?(?:estacionad[oa]s?|esperando|parad[oa]s?|dando vueltas)|' +
        'esperando en (?:una |la |las |unas |su |sus )?(?:camionetas?|carros?|coches?|trocas?)|' +
        'dando vueltas (?:a|por|en) la (?:cuadra|manzana)',
    ),
  ],
];

// A negation shortly before the phrase, in the same clause.
const NEGATION =
  /(?<![\p{L}\p{N}])(?:no|not|never|dont|don'?t|didn'?t|didnt|isn'?t|isnt|aren'?t|arent|wasn'?t|wasnt|weren'?t|werent|no longer|without|nobody|no one|nadie|sin|nunca|ni|tampoco|ya no)(?![\p{L}\p{N}])/u;
const NEGATION_WINDOW_WORDS = 5;
// A message that says it is not an event at all.
// ("fake police vests" is a sighting: fake only as what the message says of itself.)
const RETRACTION =
  /(?<![\p{L}\p{N}])(?:false alarm|falsa alarma|(?:it'?s|its|was|is|it was) fake|fake (?:news|alert|report)|rumou?r|rumores?|not true|no es cierto|no es verdad|mentira|falso|was a drill|simulacro)(?![\p{L}\p{N}])/u;
// What agents or cars lack is a description, not a negation: "trocas sin placas estacionadas".
const DESCRIBED_BY_LACK =
  /(?<![\p{L}\p{N}])(?:sin|without|no) (?:placas?|uniformes?|insignias?|identificacion|marcas|logos?|plates?|uniforms?|badges?|insignia|markings|logos?|id)(?![\p{L}\p{N}])/gu;
// Clauses end at sentence marks, commas, line ends, and "but"/"pero".
const CLAUSE_END = /[.!?;,\n¡¿]|(?<![\p{L}\p{N}])(?:but|pero|aunque)(?![\p{L}\p{N}])/gu;

interface Clause {
  text: string;
  question: boolean;
}

function clauses(folded: string): Clause[] {
  const out: Clause[] = [];
  let start = 0;
  for (const m of folded.matchAll(CLAUSE_END)) {
    // "is there a checkpoint on Lake?", "¿hay retén?": a question reports nothing.
    out.push({ text: folded.slice(start, m.index), question: m[0] === '?' });
    start = m.index + m[0].length;
  }
  out.push({ text: folded.slice(start), question: false });
  return out;
}

function negatedBefore(clause: string, at: number): boolean {
  const before = clause.slice(0, at).replace(DESCRIBED_BY_LACK, ' ');
  const words = before.trim().split(/\s+/u).filter(Boolean);
  const window = words.slice(-NEGATION_WINDOW_WORDS).join(' ');
  return NEGATION.test(window);
}

/** The quick choice the text clearly names, if any (see the module comment). */
export function activityCodeFromText(text: string): ActivityCode | undefined {
  if (typeof text !== 'string' || text.trim() === '') return undefined;
  const folded = foldForMatch(text).replace(/[’`´]/gu, "'");
  if (RETRACTION.test(folded)) return undefined;
  const parts = clauses(folded).filter((c) => !c.question);
  for (const [code, pattern] of PATTERNS) {
    for (const part of parts) {
      for (const m of part.text.matchAll(pattern)) {
        if (!negatedBefore(part.text, m.index)) return code;
      }
    }
  }
  return undefined;
}
