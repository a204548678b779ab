import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VOTE_CHOICES, tally } from '../assemblies/votes';
import { againstMandate, MANDATE_POSITIONS, mandatedChoice } from './mandates';
import { ratificationsNeeded, ratificationState } from './ratification';
import { ballotWeight, DEFAULT_SEAT_RULE, seatsFor } from './seats';
import { councilTally, weightedTally } from './weighted';

const rule = fc.record({
  minimum: fc.integer({ min: 1, max: 500 }),
  block: fc.integer({ min: 1, max: 1_000 }),
});

describe('seatsFor', () => {
  it('gives the defaults: none under 10, one from 10, two from 110', () => {
    expect(seatsFor(0)).toBe(0);
    expect(seatsFor(9)).toBe(0);
    expect(seatsFor(10)).toBe(1);
    expect(seatsFor(109)).toBe(1);
    expect(seatsFor(110)).toBe(2);
    expect(seatsFor(1_010)).toBe(11);
    expect(DEFAULT_SEAT_RULE).toEqual({ minimum: 10, block: 100 });
  });

  it('is zero below the minimum and at least one from it', () => {
    fc.assert(
      fc.property(rule, fc.nat(100_000), (r, active) => {
        const seats = seatsFor(active, r);
        if (active < r.minimum) expect(seats).toBe(0);
        else expect(seats).toBeGreaterThanOrEqual(1);
      }),
    );
  });

  it('never falls as members join, and one member adds at most one seat', () => {
    fc.assert(
      fc.property(rule, fc.nat(100_000), (r, active) => {
        const step = seatsFor(active + 1, r) - seatsFor(active, r);
        expect(step === 0 || step === 1).toBe(true);
      }),
    );
  });

  it('adds exactly one seat per further block', () => {
    fc.assert(
      fc.property(rule, fc.nat(100_000), (r, active) => {
        const a = active + r.minimum;
        expect(seatsFor(a + r.block, r)).toBe(seatsFor(a, r) + 1);
      }),
    );
  });

  it('rejects a rule that is not whole and positive', () => {
    expect(() => seatsFor(10, { minimum: 0, block: 100 })).toThrow(RangeError);
    expect(() => seatsFor(10, { minimum: 10, block: 0 })).toThrow(RangeError);
  });
});

describe('weighted council votes', () => {
  const ballots = fc.array(
    fc.record({ choice: fc.constantFrom(...VOTE_CHOICES), seats: fc.integer({ min: 0, max: 5 }) }),
  );

  it('unweighted: every seated delegate counts once, as the plain tally does', () => {
    fc.assert(
      fc.property(ballots, (list) => {
        const seated = list.filter((b) => b.seats > 0);
        const weighted = weightedTally(
          list.map((b) => ({ choice: b.choice, weight: ballotWeight(b.seats, false) })),
        );
        expect(weighted).toEqual(tally(seated.map((b) => b.choice)));
      }),
    );
  });

  it('weighted: each choice counts as many seats as its voters hold; seatless voters none', () => {
    fc.assert(
      fc.property(ballots, (list) => {
        const result = weightedTally(
          list.map((b) => ({ choice: b.choice, weight: ballotWeight(b.seats, true) })),
        );
        const total = list.reduce((sum, b) => sum + b.seats, 0);
        expect(result.yes + result.no + result.abstain).toBe(total);
      }),
    );
  });
});

describe('the running tally and the closing count', () => {
  const ballot = fc.record({
    member: fc.integer({ min: 0, max: 30 }),
    choice: fc.constantFrom(...VOTE_CHOICES),
  });
  const seatsOf = fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 31, maxLength: 31 });

  /** What a vote's ballots table holds: each member's last ballot (a later one replaces theirs). */
  function lastBallots(cast: { member: number; choice: (typeof VOTE_CHOICES)[number] }[]) {
    const last = new Map<number, (typeof VOTE_CHOICES)[number]>();
    for (const b of cast) last.set(b.member, b.choice);
    return [...last];
  }

  it('agree at every moment of the vote, weighted or not', () => {
    fc.assert(
      fc.property(fc.array(ballot, { maxLength: 60 }), seatsOf, fc.boolean(), (cast, seats, w) => {
        for (let moment = 0; moment <= cast.length; moment += 1) {
          const ballots = lastBallots(cast.slice(0, moment));
          // Closing: one entry per delegate's ballot, with the seats they hold.
          const closing = councilTally(
            ballots.map(([member, choice]) => ({ choice, seats: seats[member]! })),
            w,
          );
          // Running: the ballots grouped by choice and seats held, as the database counts them.
          const groups = new Map<
            string,
            { choice: (typeof VOTE_CHOICES)[number]; seats: number; count: number }
          >();
          for (const [member, choice] of ballots) {
            const key = `${choice}:${seats[member]!}`;
            const group = groups.get(key) ?? { choice, seats: seats[member]!, count: 0 };
            group.count += 1;
            groups.set(key, group);
          }
          expect(councilTally(groups.values(), w)).toEqual(closing);
        }
      }),
    );
  });

  it('is the weighted tally of each ballot weighed by the seats its voter holds', () => {
    fc.assert(
      fc.property(fc.array(ballot, { maxLength: 40 }), seatsOf, fc.boolean(), (cast, seats, w) => {
        const ballots = cast.map((b) => ({ choice: b.choice, seats: seats[b.member]! }));
        expect(councilTally(ballots, w)).toEqual(
          weightedTally(
            ballots.map((b) => ({ choice: b.choice, weight: ballotWeight(b.seats, w) })),
          ),
        );
      }),
    );
  });

  it('counts a seatless voter nowhere, and every seat once when weighted', () => {
    expect(
      councilTally(
        [
          { choice: 'yes', seats: 2 },
          { choice: 'no', seats: 1 },
          { choice: 'abstain', seats: 1 },
          { choice: 'yes', seats: 0 },
        ],
        true,
      ),
    ).toEqual({ yes: 2, no: 1, abstain: 1 });
    expect(councilTally([{ choice: 'yes', seats: 3, count: 2 }], false)).toEqual({
      yes: 2,
      no: 0,
      abstain: 0,
    });
    expect(() => councilTally([{ choice: 'yes', seats: 1, count: -1 }], true)).toThrow(RangeError);
  });
});

describe('mandates', () => {
  it('a free mandate, no mandate or no recorded vote is never flagged', () => {
    for (const choice of [...VOTE_CHOICES, null]) {
      expect(againstMandate('free', choice)).toBe(false);
      expect(againstMandate(null, choice)).toBe(false);
    }
    for (const position of MANDATE_POSITIONS) expect(againstMandate(position, null)).toBe(false);
  });

  it('flags exactly the choices other than the mandated one', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('for' as const, 'against' as const, 'abstain' as const),
        fc.constantFrom(...VOTE_CHOICES),
        (position, choice) => {
          expect(againstMandate(position, choice)).toBe(mandatedChoice(position) !== choice);
        },
      ),
    );
    expect(againstMandate('for', 'no')).toBe(true);
    expect(againstMandate('for', 'yes')).toBe(false);
    expect(againstMandate('against', 'yes')).toBe(true);
  });
});

describe('ratification', () => {
  const share = fc.option(fc.integer({ min: 1, max: 100 }), { nil: null });
  const answers = fc
    .tuple(fc.integer({ min: 1, max: 200 }), fc.nat(), fc.nat())
    .map(([committees, a, b]) => {
      const ratified = a % (committees + 1);
      const rejected = b % (committees - ratified + 1);
      return { committees, ratified, rejected };
    });

  it('a majority by default: more than half', () => {
    expect(ratificationsNeeded(3, null)).toBe(2);
    expect(ratificationsNeeded(4, null)).toBe(3);
    expect(ratificationState({ committees: 3, ratified: 2, rejected: 0, sharePercent: null })).toBe(
      'ratified',
    );
    expect(ratificationState({ committees: 4, ratified: 2, rejected: 2, sharePercent: null })).toBe(
      'rejected',
    );
    expect(ratificationState({ committees: 4, ratified: 2, rejected: 1, sharePercent: null })).toBe(
      'pending',
    );
    expect(ratificationsNeeded(3, 100)).toBe(3);
    expect(ratificationsNeeded(10, 1)).toBe(1);
  });

  it('takes effect exactly when the needed number ratified', () => {
    fc.assert(
      fc.property(answers, share, (count, sharePercent) => {
        const state = ratificationState({ ...count, sharePercent });
        const needed = ratificationsNeeded(count.committees, sharePercent);
        expect(state === 'ratified').toBe(count.ratified >= needed);
      }),
    );
  });

  it('is rejected only when the committees left cannot reach the share', () => {
    fc.assert(
      fc.property(answers, share, (count, sharePercent) => {
        const state = ratificationState({ ...count, sharePercent });
        const needed = ratificationsNeeded(count.committees, sharePercent);
        const reachable = count.committees - count.rejected >= needed;
        if (state === 'rejected') expect(reachable).toBe(false);
        if (state === 'pending') {
          expect(reachable).toBe(true);
          expect(count.ratified).toBeLessThan(needed);
        }
      }),
    );
  });

  it('one more ratification never moves a decision away from ratified', () => {
    fc.assert(
      fc.property(answers, share, (count, sharePercent) => {
        if (count.ratified + count.rejected >= count.committees) return;
        const before = ratificationState({ ...count, sharePercent });
        const after = ratificationState({ ...count, ratified: count.ratified + 1, sharePercent });
        if (before === 'ratified') expect(after).toBe('ratified');
        if (before === 'rejected') expect(after).not.toBe('pending');
      }),
    );
  });

  it('rejects more answers than committees', () => {
    expect(() =>
      ratificationState({ committees: 2, ratified: 2, rejected: 1, sharePercent: null }),
    ).toThrow(RangeError);
  });
});
