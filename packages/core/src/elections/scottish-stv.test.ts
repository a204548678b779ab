import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BltElection } from './blt';
import { countScottishStv, formatVotes, parseVotes } from './scottish-stv';

const names = (n: number) => Array.from({ length: n }, (_, i) => `C${i + 1}`);

/** Elections with 1-8 candidates, some withdrawn, and 1-80 weighted ballot lines. */
const election = (seats?: number): fc.Arbitrary<BltElection> =>
  fc.integer({ min: 1, max: 8 }).chain((n) =>
    fc.record({
      title: fc.constant('property'),
      seats: seats === undefined ? fc.integer({ min: 1, max: n }) : fc.constant(Math.min(seats, n)),
      candidates: fc.constant(names(n)),
      withdrawn: fc
        .uniqueArray(fc.integer({ min: 0, max: n - 1 }), { maxLength: Math.max(0, n - 1) })
        .map((w) => w.sort((a, b) => a - b)),
      ballots: fc.array(
        fc.record({
          weight: fc.integer({ min: 1, max: 7 }),
          ranking: fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { minLength: 1 }),
        }),
        { minLength: 1, maxLength: 80 },
      ),
    }),
  );

const countable = (e: BltElection) =>
  e.ballots.some((b) => b.ranking.some((c) => !e.withdrawn.includes(c)));

describe('countScottishStv: hand-checked counts', () => {
  it('computes the quota and truncates each transfer value to five places (rule 48(3))', () => {
    // 7 valid papers, 2 seats: quota floor(7/3)+1 = 3. A holds 6: surplus 3, transfer value
    // 3 x 1 / 6 = 0.5; B gets 4 x 0.5 = 2, C 1 x 0.5, and one paper names no one after A.
    const result = countScottishStv(
      {
        title: '',
        seats: 2,
        candidates: ['A', 'B', 'C', 'D'],
        withdrawn: [],
        ballots: [
          { weight: 4, ranking: [0, 1] },
          { weight: 1, ranking: [0, 2] },
          { weight: 1, ranking: [0] },
          { weight: 1, ranking: [3] },
        ],
      },
      { seed: 's' },
    );
    expect(result.quota).toBe('3.00000');
    expect(result.stages[1]).toMatchObject({
      action: 'surplus',
      candidate: 'A',
      votes: { A: '3.00000', B: '2.00000', C: '0.50000', D: '1.00000' },
      exhausted: '0.50000',
      lost: '0.00000',
    });
    // C (half a vote) then D go out, and B is the only one left for the last seat.
    expect(result.elected).toEqual(['A', 'B']);
  });

  it('drops the remainder of a transfer value instead of rounding it', () => {
    // Quota floor(10/2)+1 = 6; A holds 9: surplus 3, value 3/9 = 0.333333... -> 0.33333.
    const result = countScottishStv(
      {
        title: '',
        seats: 1,
        candidates: ['A', 'B'],
        withdrawn: [],
        ballots: [
          { weight: 9, ranking: [0, 1] },
          { weight: 1, ranking: [1] },
        ],
      },
      { seed: 's' },
    );
    expect(result.quota).toBe('6.00000');
    // One seat: A is elected at the first stage and nothing more is transferred (rule 48(1)).
    expect(result.stages).toHaveLength(1);
    expect(result.elected).toEqual(['A']);
    const two = countScottishStv(
      {
        title: '',
        seats: 2,
        candidates: ['A', 'B', 'C'],
        withdrawn: [],
        ballots: [
          { weight: 9, ranking: [0, 1] },
          { weight: 1, ranking: [2] },
          { weight: 2, ranking: [1] },
        ],
      },
      { seed: 's' },
    );
    // 12 valid, quota 5; surplus 4 of 9: value 4/9 = 0.444444 -> 0.44444; 9 papers give B 3.99996.
    expect(two.stages[1]!.votes).toEqual({ A: '5.00000', B: '5.99996', C: '1.00000' });
    expect(two.stages[1]!.lost).toBe('0.00004');
  });

  it('breaks an exclusion tie by the latest earlier stage where the tied differed (rule 51)', () => {
    // 12 papers, one seat: quota 7. First stage A 6, B 2, C 3, D 1; D's paper goes on to B, so
    // B and C tie at 3; at the first stage B had fewer, so B goes out, with no lot.
    const result = countScottishStv(
      {
        title: '',
        seats: 1,
        candidates: ['A', 'B', 'C', 'D'],
        withdrawn: [],
        ballots: [
          { weight: 6, ranking: [0] },
          { weight: 2, ranking: [1] },
          { weight: 3, ranking: [2] },
          { weight: 1, ranking: [3, 1] },
        ],
      },
      { seed: 's' },
    );
    expect(result.quota).toBe('7.00000');
    expect(result.stages.map((s) => [s.action, s.candidate])).toEqual([
      ['first', undefined],
      ['exclusion', 'D'],
      ['exclusion', 'B'],
      ['exclusion', 'C'],
    ]);
    expect(result.stages[1]!.votes).toEqual({ A: '6.00000', B: '3.00000', C: '3.00000' });
    expect(result.lots).toEqual([]);
    expect(result.elected).toEqual(['A']);
  });

  it('draws the same lots from the same seed, records them, and can draw otherwise from another', () => {
    // Four candidates tied at every stage: who goes out first is by lot.
    const tied: BltElection = {
      title: '',
      seats: 1,
      candidates: ['A', 'B', 'C', 'D'],
      withdrawn: [],
      ballots: [0, 1, 2, 3].map((c) => ({ weight: 2, ranking: [c] })),
    };
    const first = countScottishStv(tied, { seed: 'published-seed-1' });
    expect(countScottishStv(tied, { seed: 'published-seed-1' })).toEqual(first);
    expect(first.seed).toBe('published-seed-1');
    expect(first.lots.length).toBeGreaterThanOrEqual(3);
    expect(first.lots[0]!.between.sort()).toEqual(['A', 'B', 'C', 'D']);
    const winners = new Set(
      Array.from({ length: 40 }, (_, i) => countScottishStv(tied, { seed: `s${i}` }).elected[0]),
    );
    expect(winners.size).toBeGreaterThan(1);
  });

  it('breaks a tie for the largest surplus by the earlier stage (rule 49(2))', () => {
    // 31 papers, 3 seats: quota 8. First stage A 7, B 6, C 5, D 6, E 7. C goes out: 2 papers to
    // A, 3 to B; both hold 9. At the first stage A had more, so A's surplus goes first.
    const result = countScottishStv(
      {
        title: '',
        seats: 3,
        candidates: ['A', 'B', 'C', 'D', 'E'],
        withdrawn: [],
        ballots: [
          { weight: 7, ranking: [0, 3] },
          { weight: 6, ranking: [1, 4] },
          { weight: 2, ranking: [2, 0] },
          { weight: 3, ranking: [2, 1] },
          { weight: 6, ranking: [3] },
          { weight: 7, ranking: [4] },
        ],
      },
      { seed: 's' },
    );
    expect(result.quota).toBe('8.00000');
    expect(result.stages.map((s) => [s.action, s.candidate])).toEqual([
      ['first', undefined],
      ['exclusion', 'C'],
      ['surplus', 'A'],
      ['surplus', 'B'],
      ['exclusion', 'D'],
    ]);
    expect(result.lots).toEqual([]);
    // A's surplus 1 of 9: value 0.11111 on all 9 papers; 7 go to D, C's 2 have no next choice.
    expect(result.stages[2]).toMatchObject({
      votes: { A: '8.00000', B: '9.00000', D: '6.77777', E: '7.00000' },
      exhausted: '0.22222',
      lost: '0.00001',
    });
    expect(result.stages[3]!.votes).toEqual({
      A: '8.00000',
      B: '8.00000',
      D: '6.77777',
      E: '7.66666',
    });
    expect(result.elected).toEqual(['A', 'B', 'E']);
  });
});

describe('countScottishStv: properties', () => {
  it('at every stage, totals + non-transferable + truncation loss = valid votes', () => {
    fc.assert(
      fc.property(election().filter(countable), (e) => {
        const result = countScottishStv(e, { seed: 'p' });
        const valid = parseVotes(result.valid);
        for (const stage of result.stages) {
          const sum = Object.values(stage.votes).reduce((s, v) => s + parseVotes(v), 0n);
          expect(formatVotes(sum + parseVotes(stage.exhausted) + parseVotes(stage.lost))).toBe(
            result.valid,
          );
          expect(parseVotes(stage.lost)).toBeGreaterThanOrEqual(0n);
        }
        expect(valid).toBe(
          BigInt(
            e.ballots
              .filter((b) => b.ranking.some((c) => !e.withdrawn.includes(c)))
              .reduce((s, b) => s + b.weight, 0),
          ) * 100_000n,
        );
      }),
      { numRuns: 300 },
    );
  });

  it('fills every seat it can, each winner once, never a withdrawn candidate', () => {
    fc.assert(
      fc.property(election().filter(countable), (e) => {
        const result = countScottishStv(e, { seed: 'p' });
        const standing = e.candidates.filter((_, c) => !e.withdrawn.includes(c));
        expect(result.elected).toHaveLength(Math.min(e.seats, standing.length));
        expect(new Set(result.elected).size).toBe(result.elected.length);
        for (const name of result.elected) expect(standing).toContain(name);
        // An elected candidate shows the quota once their surplus is transferred.
        for (const stage of result.stages.filter((s) => s.action === 'surplus'))
          expect(stage.votes[stage.candidate!]).toBe(result.quota);
      }),
      { numRuns: 300 },
    );
  });

  it('does not depend on the order of the ballots in the file, or on how lines are grouped', () => {
    fc.assert(
      fc.property(
        election().filter(countable),
        fc.array(fc.nat(), { minLength: 80, maxLength: 80 }),
        fc.string(),
        (e, keys, seed) => {
          const shuffled = e.ballots
            .map((b, i) => ({ b, key: keys[i]! }))
            .sort((x, y) => x.key - y.key)
            .map(({ b }) => b);
          // Each line of weight w as w lines of weight 1, in reverse order.
          const split = shuffled.flatMap((b) =>
            Array.from({ length: b.weight }, () => ({ weight: 1, ranking: b.ranking })),
          );
          split.reverse();
          const result = countScottishStv(e, { seed });
          expect(countScottishStv({ ...e, ballots: shuffled }, { seed })).toEqual(result);
          expect(countScottishStv({ ...e, ballots: split }, { seed })).toEqual(result);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('counts a single seat as an instant run-off: exclusions only, no fractions', () => {
    fc.assert(
      fc.property(election(1).filter(countable), (e) => {
        const result = countScottishStv(e, { seed: 'p' });
        expect(result.elected).toHaveLength(1);
        expect(result.stages.slice(1).every((s) => s.action === 'exclusion')).toBe(true);
        for (const stage of result.stages) {
          expect(stage.lost).toBe('0.00000');
          for (const v of Object.values(stage.votes)) expect(v).toMatch(/\.00000$/);
        }
        const first = result.stages[0]!.votes;
        const majority = Object.keys(first).find(
          (c) => parseVotes(first[c]!) * 2n > parseVotes(result.valid),
        );
        if (majority !== undefined) {
          expect(result.elected).toEqual([majority]);
          expect(result.stages).toHaveLength(1);
        }
        const winner = result.elected[0]!;
        const last = result.stages[result.stages.length - 1]!;
        // The winner holds the quota, or is the last one standing.
        expect(
          parseVotes(last.votes[winner]!) >= parseVotes(result.quota) ||
            Object.keys(last.votes).length === 1,
        ).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('formats and parses votes with five places', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), (units) => {
        expect(formatVotes(units)).toMatch(/^-?\d+\.\d{5}$/);
        expect(parseVotes(formatVotes(units))).toBe(units);
      }),
    );
  });
});
