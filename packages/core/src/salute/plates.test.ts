import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NormalizedPlate } from './plates';
import { dedupePlates, formatPlate, normalizePlate, plateKey, REGION_CODES } from './plates';

describe('normalizePlate', () => {
  it.each<[string, NormalizedPlate | null]>([
    ['ABC123', { plate: 'ABC123' }],
    ['abc 123', { plate: 'ABC123' }],
    ['ABC-1234', { plate: 'ABC1234' }],
    ['A.B.C 1.2.3', { plate: 'ABC123' }],
    ['  xyz—987 ', { plate: 'XYZ987' }],
    ['MN ABC 123', { state: 'MN', plate: 'ABC123' }],
    ['mn abc-123', { state: 'MN', plate: 'ABC123' }],
    ['TX  ABC 1234', { state: 'TX', plate: 'ABC1234' }],
    ['ON ABCD 123', { state: 'ON', plate: 'ABCD123' }],
    // A dash is plate punctuation, never a state separator.
    ['MN-ABC123', { plate: 'MNABC123' }],
    // Too short to stand alone after the code: kept whole rather than chopped.
    ['AB 1234', { plate: 'AB1234' }],
    // Not a region code.
    ['ZZ ABC123', { plate: 'ZZABC123' }],
    ['ＡＢＣ１２３', { plate: 'ABC123' }],
    ['A1', { plate: 'A1' }],
    ['A', null],
    ['', null],
    ['   ', null],
    ['ABCDE12345', null],
    ['MN ABCDEFGH1', null],
    ['ABC#123', null],
    ['ÑAB123', null],
    ['ABC_123', null],
    ['ABC\u0000123', null],
  ])('%j → %j', (raw, expected) => {
    expect(normalizePlate(raw)).toEqual(expected);
  });
});

describe('plateKey and formatPlate', () => {
  it('keys with the state first when there is one', () => {
    expect(plateKey({ state: 'MN', plate: 'ABC123' })).toBe('MN:ABC123');
    expect(plateKey({ plate: 'ABC123' })).toBe('ABC123');
    expect(formatPlate({ state: 'MN', plate: 'ABC123' })).toBe('MN ABC123');
  });
});

describe('dedupePlates', () => {
  it('keeps the first of each key and prefers a plate that came with its state', () => {
    expect(
      dedupePlates(
        [
          { plate: 'ABC123' },
          { state: 'MN', plate: 'ABC123' },
          { plate: 'XYZ9' },
          { plate: 'XYZ9' },
        ],
        20,
      ),
    ).toEqual([{ state: 'MN', plate: 'ABC123' }, { plate: 'XYZ9' }]);
  });

  it('stops at the cap', () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ plate: `P${i}X` }));
    expect(dedupePlates(many, 20)).toHaveLength(20);
  });
});

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'.split('');
const plateChars = fc.array(fc.constantFrom(...ALNUM), { minLength: 2, maxLength: 8 });
const separators = fc.constantFrom('', '', '', '-', '.', ' ', '–');

/** Inserts random separators between characters and randomizes case. */
const variantOf = (chars: string[]) =>
  fc
    .tuple(
      fc.array(separators, { minLength: chars.length + 1, maxLength: chars.length + 1 }),
      fc.array(fc.boolean(), { minLength: chars.length, maxLength: chars.length }),
    )
    .map(
      ([seps, lower]) =>
        chars.map((c, i) => `${seps[i] ?? ''}${lower[i] === true ? c.toLowerCase() : c}`).join('') +
        (seps[chars.length] ?? ''),
    );

/** True when the first whitespace-separated group is a region code (a state prefix). */
function hasStateGroup(s: string): boolean {
  const groups = s.trim().toUpperCase().split(/\s+/);
  return groups.length >= 2 && REGION_CODES.has(groups[0] ?? '');
}

describe('normalizePlate properties', () => {
  it('is idempotent through formatPlate', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (raw) => {
        const p = normalizePlate(raw);
        if (p !== null) expect(normalizePlate(formatPlate(p))).toEqual(p);
      }),
    );
  });

  it('ignores case, spaces, dashes and dots inside the plate', () => {
    fc.assert(
      fc.property(
        plateChars.chain((chars) => fc.tuple(fc.constant(chars.join('')), variantOf(chars))),
        ([plate, variant]) => {
          fc.pre(!hasStateGroup(variant));
          expect(normalizePlate(variant)).toEqual({ plate });
        },
      ),
    );
  });

  it('splits a state prefix followed by a plate of 5 to 8 characters, however it is spaced', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...REGION_CODES),
        fc
          .array(fc.constantFrom(...ALNUM), { minLength: 5, maxLength: 8 })
          .chain((chars) => fc.tuple(fc.constant(chars.join('')), variantOf(chars))),
        fc.constantFrom(' ', '  ', '\t'),
        (state, [plate, variant], gap) => {
          const raw = `${state.toLowerCase()}${gap}${variant}`;
          fc.pre(/^[A-Z0-9]/i.test(variant));
          expect(normalizePlate(raw)).toEqual({ state, plate });
        },
      ),
    );
  });

  it('never returns a plate outside 2-8 uppercase letters and digits', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (raw) => {
        const p = normalizePlate(raw);
        if (p === null) return;
        expect(p.plate).toMatch(/^[A-Z0-9]{2,8}$/);
        if (p.state !== undefined) expect(REGION_CODES.has(p.state)).toBe(true);
      }),
    );
  });
});
