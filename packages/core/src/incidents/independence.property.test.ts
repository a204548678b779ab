import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Reporter } from './incident';
import { areIndependent, countIndependentReporters } from './independence';

// A vouch forest: member i is invited by an earlier member or by nobody.
const forest = fc
  .integer({ min: 1, max: 12 })
  .chain((n) =>
    fc.tuple(
      ...Array.from({ length: n }, (_, i) =>
        i === 0 ? fc.constant(null) : fc.option(fc.integer({ min: 0, max: i - 1 }), { freq: 3 }),
      ),
    ),
  )
  .map((parents) =>
    parents.map((p, i): Reporter => ({
      memberId: `m${i}`,
      sponsorId: p === null ? null : `m${p}`,
    })),
  );

// Some members of the forest report, possibly several times, in any order.
const reportersOf = (members: Reporter[]) =>
  fc.array(fc.constantFrom(...members), { maxLength: 14 });
const scenario = forest.chain((members) => fc.tuple(fc.constant(members), reportersOf(members)));

function bruteForce(reporters: readonly Reporter[]): number {
  const distinct = [...new Map(reporters.map((x) => [x.memberId, x])).values()];
  let best = 0;
  for (let mask = 0; mask < 1 << distinct.length; mask++) {
    const chosen = distinct.filter((_, i) => (mask >> i) & 1);
    const ok = chosen.every((a, i) => chosen.slice(i + 1).every((b) => areIndependent(a, b)));
    if (ok) best = Math.max(best, chosen.length);
  }
  return best;
}

describe('countIndependentReporters (properties)', () => {
  it('equals a brute-force maximum independent set on small forests', () => {
    fc.assert(
      fc.property(scenario, ([, reporters]) => {
        expect(countIndependentReporters(reporters)).toBe(bruteForce(reporters));
      }),
      { numRuns: 500 },
    );
  });

  it('does not count duplicates', () => {
    fc.assert(
      fc.property(scenario, ([, reporters]) => {
        expect(countIndependentReporters([...reporters, ...reporters])).toBe(
          countIndependentReporters(reporters),
        );
      }),
    );
  });

  it('never exceeds the number of distinct members', () => {
    fc.assert(
      fc.property(scenario, ([, reporters]) => {
        const distinct = new Set(reporters.map((x) => x.memberId)).size;
        expect(countIndependentReporters(reporters)).toBeLessThanOrEqual(distinct);
      }),
    );
  });

  it('never decreases when a reporter is added', () => {
    fc.assert(
      fc.property(
        forest.chain((m) => fc.tuple(reportersOf(m), fc.constantFrom(...m))),
        ([reporters, extra]) => {
          expect(countIndependentReporters([...reporters, extra])).toBeGreaterThanOrEqual(
            countIndependentReporters(reporters),
          );
        },
      ),
    );
  });

  it('does not depend on the order of reports', () => {
    fc.assert(
      fc.property(
        scenario.chain(([, reporters]) =>
          fc.tuple(
            fc.constant(reporters),
            fc.shuffledSubarray(reporters, { minLength: reporters.length }),
          ),
        ),
        ([reporters, shuffled]) => {
          expect(countIndependentReporters(shuffled)).toBe(countIndependentReporters(reporters));
        },
      ),
    );
  });

  it('counts any number of invitees of one sponsor as one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), (n) => {
        const sybils = Array.from({ length: n }, (_, i) => ({ memberId: `s${i}`, sponsorId: 'p' }));
        expect(countIndependentReporters(sybils)).toBe(1);
      }),
    );
  });
});
