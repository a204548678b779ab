import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { autoMatchOffer, mayTake, offerCovers, type MatchableOffer } from './matching';
import {
  AID_CATEGORIES,
  AID_CLOSED_KEEP_DAYS,
  AID_OUTCOMES,
  AID_STATES,
  aidOpenExpired,
  aidPurgeDue,
  aidTransition,
  boardAgeHours,
} from './requests';
import { aidStats } from './stats';
import { AID_FIELDS, aidAudience, aidRedact, aidVisible } from './visibility';

const DAY = 86_400_000;
const category = fc.constantFrom(...AID_CATEGORIES);
const areas = ['city', 'north', 'south'];
const offer = fc.record({
  id: fc.uuid(),
  memberId: fc.constantFrom('v1', 'v2', 'r'),
  category,
  areaId: fc.constantFrom(...areas),
  createdAt: fc.integer({ min: 0, max: 1000 }),
  until: fc.option(fc.integer({ min: 0, max: 2000 }), { nil: null }),
  withdrawn: fc.boolean(),
}) as fc.Arbitrary<MatchableOffer>;
const request = fc.record({
  category,
  areaChain: fc.constantFrom(['north', 'city'], ['south', 'city']),
  autoMatch: fc.boolean(),
  requesterId: fc.constantFrom('r', null),
});

describe('matching', () => {
  it('pairs automatically only when allowed, by category and area, never with the requester', () => {
    fc.assert(
      fc.property(
        request,
        fc.array(offer, { maxLength: 8 }),
        fc.integer({ min: 0, max: 2000 }),
        (req, offers, now) => {
          const match = autoMatchOffer(req, offers, now);
          if (!req.autoMatch) expect(match).toBeNull();
          if (match) {
            expect(match.category).toBe(req.category);
            expect(req.areaChain).toContain(match.areaId);
            expect(match.withdrawn).toBe(false);
            expect(match.memberId).not.toBe(req.requesterId);
            expect(match.until === null || match.until >= now).toBe(true);
          } else if (req.autoMatch) {
            expect(offers.some((o) => offerCovers(req, o, now))).toBe(false);
          }
        },
      ),
    );
  });

  it('never lets the requester take their own request', () => {
    expect(
      mayTake({ category: 'rides', areaChain: [], autoMatch: true, requesterId: 'r' }, 'r'),
    ).toBe(false);
    expect(
      mayTake({ category: 'rides', areaChain: [], autoMatch: true, requesterId: null }, 'r'),
    ).toBe(true);
  });
});

describe('request states', () => {
  it('never leaves closed and matches only once', () => {
    const action = fc.oneof(
      fc.constant({ type: 'match' as const }),
      fc.constantFrom(...AID_OUTCOMES).map((outcome) => ({ type: 'close' as const, outcome })),
    );
    fc.assert(
      fc.property(fc.array(action, { maxLength: 10 }), (actions) => {
        let state: (typeof AID_STATES)[number] = 'open';
        let matches = 0;
        for (const a of actions) {
          const next = aidTransition(state, a);
          if (state === 'closed') expect(next).toBeNull();
          if (next === null) continue;
          if (a.type === 'match') matches += 1;
          if (a.type === 'close' && a.outcome === 'expired') expect(state).toBe('open');
          state = next;
        }
        expect(matches).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('deletes on time and expires open requests on time', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 * DAY }), (age) => {
        const t0 = new Date('2026-12-01T00:00:00Z');
        const now = new Date(t0.getTime() + age);
        expect(aidPurgeDue(t0, now)).toBe(age >= AID_CLOSED_KEEP_DAYS * DAY);
        expect(aidOpenExpired(t0, now, 30)).toBe(age >= 30 * DAY);
        expect(boardAgeHours(t0, now)).toBe(Math.floor(age / 3_600_000));
      }),
    );
  });
});

describe('who sees what', () => {
  it('never shows the requester or the description on the board, nor the thread to coordinators', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        (isRequester, isMatchedVolunteer, isCoordinator) => {
          const audience = aidAudience({ isRequester, isMatchedVolunteer, isCoordinator });
          const full = Object.fromEntries(AID_FIELDS.map((f) => [f, f]));
          const view: Record<string, unknown> = { ...full, requesterId: 'secret' };
          const shown = aidRedact(audience, view);
          expect(shown).not.toHaveProperty('requesterId');
          if (!isRequester && !isMatchedVolunteer && !isCoordinator) {
            expect(Object.keys(shown).sort()).toEqual([
              'ageHours',
              'areaId',
              'category',
              'urgency',
            ]);
          }
          if (audience === 'coordinator') expect(aidVisible(audience, 'thread')).toBe(false);
        },
      ),
    );
  });
});

describe('stats', () => {
  it('keeps counts by category with k = 5', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            category,
            state: fc.constantFrom(...AID_STATES),
            outcome: fc.constantFrom(null, 'fulfilled', 'withdrawn'),
            n: fc.integer({ min: 1, max: 8 }),
          }),
        ),
        (rows) => {
          for (const s of aidStats(rows)) {
            for (const v of [s.open, s.fulfilled, s.closed])
              expect(v === null || v === 0 || v >= 5).toBe(true);
          }
        },
      ),
    );
  });
});
