import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ballotDay,
  ballotProblem,
  checkSchedule,
  electionPhase,
  ElectionScheduleError,
  refusePhase,
} from './phase';

const schedule = fc
  .tuple(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 1, max: 1e9 }), fc.boolean())
  .map(([open, length, counted]) => ({
    votingOpensAt: open,
    votingClosesAt: open + length,
    counted,
  }));

describe('election phases', () => {
  it('moves only forward through nominations, voting, count, results', () => {
    const order = ['nominations', 'voting', 'count', 'results'];
    fc.assert(
      fc.property(
        schedule,
        fc.integer({ min: 0, max: 2e12 }),
        fc.integer({ min: 0, max: 1e9 }),
        (s, t, dt) => {
          expect(order.indexOf(electionPhase(s, t + dt))).toBeGreaterThanOrEqual(
            order.indexOf(electionPhase(s, t)),
          );
        },
      ),
    );
  });

  it('allows casting exactly while voting is open, and never a count before close', () => {
    fc.assert(
      fc.property(schedule, fc.integer({ min: 0, max: 2e12 }), (s, t) => {
        const open = !s.counted && t >= s.votingOpensAt && t < s.votingClosesAt;
        expect(refusePhase(s, t, 'cast') === null).toBe(open);
        expect(refusePhase(s, t, 'issue-token') === null).toBe(open);
        if (t < s.votingClosesAt) expect(refusePhase(s, t, 'count')).not.toBeNull();
      }),
    );
  });

  it('refuses a ballot after close, naming the phase', () => {
    const s = { votingOpensAt: 10, votingClosesAt: 20, counted: false };
    expect(refusePhase(s, 20, 'cast')).toBe('count');
    expect(refusePhase(s, 5, 'nominate')).toBeNull();
    expect(refusePhase(s, 15, 'nominate')).toBe('voting');
  });

  it('checks a schedule, naming the field', () => {
    const fieldOf = (f: () => void): string | undefined => {
      try {
        f();
      } catch (e) {
        if (e instanceof ElectionScheduleError) return e.field;
        throw e;
      }
      return undefined;
    };
    expect(
      fieldOf(() => checkSchedule({ votingOpensAt: 5, votingClosesAt: 9, counted: false }, 10, 1)),
    ).toBe('votingOpensAt');
    expect(
      fieldOf(() =>
        checkSchedule({ votingOpensAt: 20, votingClosesAt: 20, counted: false }, 10, 1),
      ),
    ).toBe('votingClosesAt');
    expect(
      fieldOf(() =>
        checkSchedule({ votingOpensAt: 20, votingClosesAt: 30, counted: false }, 10, 0),
      ),
    ).toBe('seats');
    expect(
      fieldOf(() =>
        checkSchedule({ votingOpensAt: 20, votingClosesAt: 30, counted: false }, 10, 2),
      ),
    ).toBeUndefined();
  });
});

describe('ballot validity', () => {
  it('accepts any ordering of distinct candidates', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }).chain((n) =>
          fc.tuple(
            fc.constant(n),
            fc.shuffledSubarray(
              [...Array(n).keys()].map((i) => i + 1),
              { minLength: 1 },
            ),
          ),
        ),
        ([n, prefs]) => {
          expect(ballotProblem(prefs, n)).toBeNull();
        },
      ),
    );
  });

  it('refuses a non-candidate, a repeat and an empty ballot', () => {
    expect(ballotProblem([1, 4], 3)).toBe('not-a-candidate');
    expect(ballotProblem([0], 3)).toBe('not-a-candidate');
    expect(ballotProblem([2, 2], 3)).toBe('repeated');
    expect(ballotProblem([], 3)).toBe('empty');
  });

  it('keeps nothing finer than the day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4e12 }), (t) => {
        const day = ballotDay(t);
        expect(day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(ballotDay(Date.parse(`${day}T00:00:00Z`))).toBe(day);
      }),
    );
  });
});
