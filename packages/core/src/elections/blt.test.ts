import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BltError, parseBlt, writeBlt, type BltElection } from './blt';

const SAMPLE = [
  '4 2',
  '-3',
  '3 1 2 0',
  '1 2 4 3 0',
  '2 4 0',
  '1 0',
  '0',
  '"Ada"',
  '"Bea Ó Súilleabháin"',
  '"Cy"',
  '"Dee  Two"',
  '"Ward 7 — 2026"',
  '',
].join('\n');

/** The error parseBlt throws for the text, or fails the test. */
function refusal(text: string): BltError {
  try {
    parseBlt(text);
  } catch (error) {
    if (error instanceof BltError) return error;
    throw error;
  }
  throw new Error('parseBlt accepted a malformed file');
}

describe('parseBlt', () => {
  it('reads the header, withdrawn line, weighted ballots, names and title', () => {
    expect(parseBlt(SAMPLE)).toEqual({
      title: 'Ward 7 — 2026',
      seats: 2,
      candidates: ['Ada', 'Bea Ó Súilleabháin', 'Cy', 'Dee  Two'],
      withdrawn: [2],
      ballots: [
        { weight: 3, ranking: [0, 1] },
        { weight: 1, ranking: [1, 3, 2] },
        { weight: 2, ranking: [3] },
        { weight: 1, ranking: [] },
      ],
    });
  });

  it('reads the same election with a byte-order mark, CRLF line ends and no withdrawn line', () => {
    const plain = SAMPLE.replace('-3\n', '');
    const expected = { ...parseBlt(SAMPLE), withdrawn: [] };
    expect(parseBlt(plain)).toEqual(expected);
    expect(parseBlt(`\uFEFF${plain.replaceAll('\n', '\r\n')}`)).toEqual(expected);
  });

  it('takes a missing title as empty and keeps lines after the title as notes', () => {
    expect(parseBlt('1 1\n1 1 0\n0\n"A"\n').title).toBe('');
    expect(parseBlt('1 1\n1 1 0\n0\n"A"\n"T"\n"source"\nFirst Prefs\n').notes).toEqual([
      '"source"',
      'First Prefs',
    ]);
  });

  const cases: [string, string, number, RegExp][] = [
    ['an empty file', '', 1, /the header "candidates seats"/],
    ['a header with one number', '3\n0\n', 1, /the header/],
    ['more seats than candidates', '2 3\n0\n"A"\n"B"\n', 1, /seats from 1 to 2/],
    ['a withdrawn number out of range', '2 1\n-3\n0\n"A"\n"B"\n', 2, /from -1 to -2/],
    ['a ballot not ending in 0', '2 1\n1 1 2\n0\n"A"\n"B"\n', 2, /ending in 0/],
    ['a ballot naming no candidate', '2 1\n1 1 0\n4 3 0\n0\n"A"\n"B"\n', 3, /from 1 to 2/],
    ['a ballot weight of 0', '2 1\n0 1 0\n0\n"A"\n"B"\n', 2, /weight of at least 1/],
    ['a candidate twice on a ballot', '2 1\n\n1 1 2 1 0\n0\n"A"\n"B"\n', 3, /at most once/],
    ['an equal ranking', '2 1\n1 1=2 0\n0\n"A"\n"B"\n', 2, /ballot line/],
    ['no 0 line', '2 1\n1 1 0\n', 3, /or the 0 line/],
    ['an unquoted name', '2 1\n1 1 0\n0\n"A"\nB\n', 5, /quoted name of candidate 2 of 2/],
    ['a missing name', '2 1\n1 1 0\n0\n"A"\n', 5, /quoted name of candidate 2/],
    ['the same name twice', '2 1\n1 1 0\n0\n"A"\n"A"\n', 5, /no other candidate has/],
    ['an unquoted title', '2 1\n1 1 0\r\n0\n"A"\n"B"\nTitle\n', 6, /the quoted title/],
  ];
  for (const [what, text, line, expected] of cases)
    it(`refuses ${what}, naming line ${line} and what was expected`, () => {
      const error = refusal(text);
      expect(error.line).toBe(line);
      expect(error.message).toMatch(new RegExp(`^line ${line}: expected `));
      expect(error.message).toMatch(expected);
    });
});

const election: fc.Arbitrary<BltElection> = fc.integer({ min: 1, max: 9 }).chain((n) =>
  fc.record({
    title: fc.string().filter((s) => !/["\r\n]/.test(s) && s.trim() === s),
    seats: fc.integer({ min: 1, max: n }),
    candidates: fc.uniqueArray(
      fc.string({ minLength: 1 }).filter((s) => !/["\r\n]/.test(s) && s.trim() === s),
      { minLength: n, maxLength: n },
    ),
    withdrawn: fc
      .uniqueArray(fc.integer({ min: 0, max: n - 1 }))
      .map((w) => w.sort((a, b) => a - b)),
    ballots: fc.array(
      fc.record({
        weight: fc.integer({ min: 1, max: 1000 }),
        ranking: fc.uniqueArray(fc.integer({ min: 0, max: n - 1 })),
      }),
    ),
  }),
);

describe('writeBlt', () => {
  it('writes what parseBlt reads back unchanged', () => {
    fc.assert(
      fc.property(election, (e) => {
        expect(parseBlt(writeBlt(e))).toEqual(e);
      }),
    );
  });

  it('refuses a name it could not write', () => {
    expect(() =>
      writeBlt({ title: '', seats: 1, candidates: ['a "b"'], withdrawn: [], ballots: [] }),
    ).toThrow(/quote/);
  });
});
