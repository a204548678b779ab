import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Reporter } from './incident';
import { areIndependent } from './independence';
import { countListingApprovals, type PlateApprover } from './plate-approvers';

const DAY_MS = 86_400_000;
const NOW = Date.UTC(2026, 11, 5);

// A vouch forest of up to 10 members; each may be a verifier of some age, vouched or not.
const population = fc
  .integer({ min: 1, max: 10 })
  .chain((n) =>
    fc.tuple(
      ...Array.from({ length: n }, (_, i) =>
        fc.record({
          sponsor:
            i === 0
              ? fc.constant(null)
              : fc.option(fc.integer({ min: 0, max: i - 1 }), { freq: 3 }),
          roleDays: fc.integer({ min: 0, max: 30 }),
          vouched: fc.boolean(),
        }),
      ),
    ),
  )
  .map((people) =>
    people.map((p, i): PlateApprover => ({
      memberId: `m${i}`,
      sponsorId: p.sponsor === null ? null : `m${p.sponsor}`,
      vouched: p.vouched,
      verifierSince: NOW - p.roleDays * DAY_MS,
    })),
  );
const scenario = population.chain((people) =>
  fc.tuple(
    fc.constant(people),
    fc.subarray(people),
    fc.subarray(people),
    fc.integer({ min: 0, max: 14 }),
  ),
);

/** The rule read literally: the largest qualifying set of pairwise-independent approvers. */
function bruteForce(approvers: PlateApprover[], reporters: Reporter[], minDays: number): number {
  let best = 0;
  for (let mask = 0; mask < 1 << approvers.length; mask++) {
    const chosen = approvers.filter((_, i) => (mask >> i) & 1);
    const ok =
      chosen.every(
        (a) =>
          a.vouched !== false &&
          NOW - a.verifierSince >= minDays * DAY_MS &&
          reporters.every((r) => areIndependent(a, r)),
      ) && chosen.every((a, i) => chosen.slice(i + 1).every((b) => areIndependent(a, b)));
    if (ok) best = Math.max(best, chosen.length);
  }
  return best;
}

describe('countListingApprovals (properties)', () => {
  it('equals the largest set of seasoned, vouched approvers independent of each other and of the reporters', () => {
    fc.assert(
      fc.property(scenario, ([, approvers, reporters, minDays]) => {
        const counted = countListingApprovals(approvers, reporters, {
          now: NOW,
          minRoleDays: minDays,
        });
        expect(counted).toBe(bruteForce(approvers, reporters, minDays));
      }),
      { numRuns: 500 },
    );
  });

  it('one sponsor and any number of verifiers they invited count at most once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.boolean(), (puppets, withSponsor) => {
        const sponsor: PlateApprover = { memberId: 'org', sponsorId: null, verifierSince: 0 };
        const invited = Array.from({ length: puppets }, (_, i): PlateApprover => ({
          memberId: `p${i}`,
          sponsorId: 'org',
          verifierSince: 0,
        }));
        const approvers = withSponsor ? [sponsor, ...invited] : invited;
        expect(countListingApprovals(approvers, [], { now: NOW, minRoleDays: 7 })).toBe(1);
        // And none when one of them reported the incident.
        expect(countListingApprovals(approvers, [invited[0]!], { now: NOW, minRoleDays: 7 })).toBe(
          0,
        );
      }),
    );
  });

  it('a verifier role younger than the minimum never counts', () => {
    const fresh = (id: string): PlateApprover => ({
      memberId: id,
      sponsorId: null,
      verifierSince: NOW - 6 * DAY_MS,
    });
    expect(countListingApprovals([fresh('a'), fresh('b')], [], { now: NOW, minRoleDays: 7 })).toBe(
      0,
    );
    expect(countListingApprovals([fresh('a'), fresh('b')], [], { now: NOW, minRoleDays: 6 })).toBe(
      2,
    );
  });
});
