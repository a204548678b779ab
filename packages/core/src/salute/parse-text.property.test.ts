import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SaluteField } from './labels';
import type { ParsedSalute } from './parse-text';
import { activityCodeFromText } from './activity-from-text';
import { parseSaluteText } from './parse-text';
import { normalizePlate, formatPlate } from './plates';
import { saluteSchema } from './report-input';

const ctx = { now: new Date('2026-05-01T20:00:00.000Z'), timeZone: 'America/Chicago' };

// Pieces that exercise every branch of the parser when strung together at random.
const SOUP = [
  'S:',
  'A-',
  'L =',
  'U.',
  'T：',
  'E',
  'Size',
  'Actividad:',
  'Ubicación',
  'uniforme',
  'Hora',
  'equipo:',
  'Activty:',
  'SALUTE',
  'plate',
  'placas:',
  'tag #',
  'lic.',
  'MN',
  'ABC',
  '123',
  'ABC-1234',
  'XYZ 987',
  'hace',
  '10',
  'min',
  'ago',
  'ahora',
  '2:40pm',
  '14:40',
  'a las 3',
  'yesterday',
  'ayer',
  ' ',
  ' ',
  '\n',
  '\r\n',
  '\n\n',
  ',',
  ';',
  '|',
  '*',
  '**',
  '•',
  '🚨',
  '1️⃣',
  '1)',
  '>',
  '-',
  '.',
  ':',
  'a',
  'man',
  'e-mail',
  'T-shirt',
  'a.m.',
  'Lake & 28th',
  '\u0000',
  '\u200d',
  '\ud800',
  'ñ',
  'Ñ',
  'İ',
  'ß',
  'ＡＢＣ',
];
const soup = fc.array(fc.constantFrom(...SOUP), { maxLength: 60 }).map((parts) => parts.join(''));

function checkOutput(text: string): void {
  const parsed = parseSaluteText(text, ctx);
  expect(saluteSchema.safeParse(parsed.salute).success).toBe(true);
  expect(parsed.plates.length).toBeLessThanOrEqual(20);
  for (const p of parsed.plates) expect(normalizePlate(formatPlate(p))).toEqual(p);
  if (parsed.timeResolved !== undefined) {
    expect(new Date(parsed.timeResolved).toISOString()).toBe(parsed.timeResolved);
  }
  if (parsed.notes !== undefined) expect(parsed.notes.length).toBeLessThanOrEqual(2000);
}

describe('parseSaluteText never throws and always returns valid output', () => {
  it('on arbitrary Unicode text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), checkOutput));
  });

  it('on arbitrary UTF-16, lone surrogates included', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), checkOutput));
  });

  it('on label, time and plate soup', () => {
    fc.assert(fc.property(soup, checkOutput), { numRuns: 500 });
  });

  it('on very long text', () => {
    fc.assert(
      fc.property(soup, fc.integer({ min: 1, max: 200 }), (s, n) => checkOutput(s.repeat(n))),
      { numRuns: 30 },
    );
  });
});

// Value words: no label words, nothing that reads as a time, no prose-after-label words.
const WORDS = [
  'agents',
  'black',
  'van',
  'man',
  'detaining',
  'corner',
  'Lake',
  'St',
  'vests',
  'tactical',
  'masks',
  'Bloomington',
  'ICE',
  'rojo',
  'camioneta',
  'hombre',
  'gorra',
  'blanca',
  'Chicago',
  'Ave',
  'near',
  'school',
  'park',
  'green',
  'jackets',
  'north',
  'side',
  'dos',
  'tres',
  'niño',
  'están',
  '3',
  '38th',
  '&',
  '#2',
  'SUVs',
  'Cub',
  'Foods',
  'señor',
  'ventana',
];
const value = fc
  .array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 6 })
  .map((w) => w.join(' '));

const LETTER: Record<SaluteField, string> = {
  size: 'S',
  activity: 'A',
  location: 'L',
  uniform: 'U',
  time: 'T',
  equipment: 'E',
};
const WORD_LABELS: Record<SaluteField, string[]> = {
  size: ['Size', 'Tamaño', 'Tamano'],
  activity: ['Activity', 'Actividad'],
  location: ['Location', 'Lugar', 'Ubicación', 'Ubicacion'],
  uniform: ['Uniform', 'Uniforme'],
  time: ['Time', 'Hora'],
  equipment: ['Equipment', 'Equipo'],
};
const STRICT_LABELS: Record<SaluteField, string[]> = {
  size: ['Cantidad'],
  activity: ['What'],
  location: ['Where', 'Dónde'],
  uniform: ['Uniforms'],
  time: ['When', 'Cuándo'],
  equipment: ['Vehicles'],
};
const FIELDS = Object.keys(LETTER) as SaluteField[];

type Style = 'one-line' | 'lines' | 'dot' | 'bare';

function labelsFor(field: SaluteField, style: Style): string[] {
  if (style === 'bare') return WORD_LABELS[field];
  if (style === 'dot') return [LETTER[field], ...WORD_LABELS[field]];
  return [LETTER[field], ...WORD_LABELS[field], ...STRICT_LABELS[field]];
}

const casing = fc.constantFrom(
  (s: string) => s,
  (s: string) => s.toUpperCase(),
  (s: string) => s.toLowerCase(),
);
const strongSep = fc.constantFrom(':', ': ', ' : ', '=', ' = ', '- ', ' - ', '：');
const linePrefix = fc.constantFrom('', '', '• ', '- ', '* ', '🚨 ', '> ', '1) ', '  ');
const oneLineJoin = fc.constantFrom(' ', '  ', ', ', ' | ', '; ', ' 🚨 ');

interface Rendered {
  text: string;
  expected: ParsedSalute;
}

const rendered: fc.Arbitrary<Rendered> = fc
  .constantFrom<Style>('one-line', 'lines', 'dot', 'bare')
  .chain((style) =>
    fc
      .shuffledSubarray(FIELDS, { minLength: style === 'dot' || style === 'bare' ? 2 : 1 })
      .chain((fields) =>
        fc.tuple(
          fc.constant(style),
          fc.tuple(
            ...fields.map((field) =>
              fc.record({
                field: fc.constant(field),
                label: fc.constantFrom(...labelsFor(field, style)),
                casing,
                sep:
                  style === 'dot'
                    ? fc.constant('. ')
                    : style === 'bare'
                      ? fc.constant(' ')
                      : strongSep,
                bold: fc.boolean(),
                prefix: linePrefix,
                join: oneLineJoin,
                value,
              }),
            ),
          ),
        ),
      ),
  )
  .map(([style, parts]) => {
    const expected: ParsedSalute = {};
    const pieces = parts.map((p, i) => {
      if (p.field === 'location') expected.location = { text: p.value };
      else expected[p.field] = p.value;
      const label = p.casing(p.label);
      const head =
        p.bold && style !== 'dot' ? `**${label}${p.sep.trim()}**` : `${label}${p.sep.trim()}`;
      const piece = `${head}${p.sep.endsWith(' ') || p.bold ? ' ' : ''}${p.value}`;
      if (style === 'one-line') return i === 0 ? `${p.prefix}${piece}` : `${p.join}${piece}`;
      return `${p.prefix}${piece}`;
    });
    return { text: pieces.join(style === 'one-line' ? '' : '\n'), expected };
  });

describe('labeled fields round-trip', () => {
  it('parses back every rendered field, in any order, separator and decoration', () => {
    fc.assert(
      fc.property(rendered, ({ text, expected }) => {
        const parsed = parseSaluteText(text, ctx);
        const { activityCode, ...fields } = parsed.salute;
        expect(fields).toEqual(expected);
        // The code is read from the activity's words only, never from another field's.
        expect(activityCode).toBe(
          expected.activity === undefined ? undefined : activityCodeFromText(expected.activity),
        );
        expect(parsed.notes).toBeUndefined();
      }),
      { numRuns: 1000 },
    );
  });
});
