import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  anonymizedCount,
  fewerThan,
  publicationSlot,
  shownPercent,
  steppedCount,
  steppedValue,
} from './counts';
import { sectorSeries } from './series';
import {
  applyPledge,
  cityMet,
  workplaceMet,
  type CampaignTally,
  type CityCondition,
  type WorkplaceCondition,
  type WorkplaceTally,
} from './thresholds';

const k = fc.integer({ min: 2, max: 20 });
const step = fc.integer({ min: 1, max: 25 });
const count = fc.integer({ min: 0, max: 100_000 });

describe('k-anonymous counts', () => {
  it('never shows a number under k, and shows every count at least k exactly', () => {
    fc.assert(
      fc.property(count, k, (c, kk) => {
        const shown = anonymizedCount(c, kk);
        if (c < kk) expect(shown).toBe(fewerThan(kk));
        else expect(shown).toBe(c);
      }),
    );
  });

  it('publishes a stepped count that is never under k, never above the truth, and monotone', () => {
    fc.assert(
      fc.property(count, k, step, (c, kk, s) => {
        const v = steppedValue(c, kk, s);
        if (c < kk) {
          expect(v).toBe(0);
          expect(steppedCount(c, kk, s)).toBe(fewerThan(kk));
        } else {
          expect(v).toBeGreaterThanOrEqual(kk);
          expect(v).toBeLessThanOrEqual(c);
          expect(c - v).toBeLessThan(Math.max(s, kk));
        }
        expect(steppedValue(c + 1, kk, s)).toBeGreaterThanOrEqual(v);
      }),
    );
  });

  it('lets one pledge change the published count only where the count crosses k or a step', () => {
    fc.assert(
      fc.property(count, k, step, (c, kk, s) => {
        if (steppedValue(c + 1, kk, s) !== steppedValue(c, kk, s)) {
          expect(c + 1 === kk || (c + 1) % s === 0).toBe(true);
        }
      }),
    );
  });

  it('hides what one pledge did in most views when the step is the default', () => {
    // Of five consecutive counts at least k, at most one change of the published number.
    let changes = 0;
    for (let c = 10; c < 1_010; c += 1) if (steppedValue(c + 1) !== steppedValue(c)) changes += 1;
    expect(changes).toBe(200);
  });

  it('publishes once per slot at most', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 40 }),
        fc.integer({ min: 1, max: 1_440 }),
        (ms, minutes) => {
          const slot = publicationSlot(new Date(ms), minutes);
          expect(publicationSlot(new Date(ms + minutes * 60_000), minutes)).toBe(slot + 1);
        },
      ),
    );
  });

  it('gives a percent only of a count shown as a number and a known headcount', () => {
    expect(shownPercent(0, 100)).toBeUndefined();
    expect(shownPercent(10, null)).toBeUndefined();
    expect(shownPercent(10, 40)).toBe(25);
    expect(shownPercent(50, 40)).toBe(100);
  });

  it('sums sectors from published values only, shown k-anonymously', () => {
    const series = sectorSeries(
      [
        { at: new Date('2026-12-05T10:00:00Z'), workplaces: { a: 0, b: 5 } },
        { at: new Date('2026-12-05T09:00:00Z'), workplaces: { a: 0, c: 0 } },
      ],
      (id) => (id === 'c' ? 'care' : 'food'),
      5,
    );
    expect(series.food).toEqual([
      { at: '2026-12-05T09:00:00.000Z', pledgers: 'fewer than 5' },
      { at: '2026-12-05T10:00:00.000Z', pledgers: 5 },
    ]);
    expect(series.care?.map((p) => p.pledgers)).toEqual(['fewer than 5', 'fewer than 5']);
  });
});

const workplaceCondition: fc.Arbitrary<WorkplaceCondition> = fc
  .record(
    { percent: fc.integer({ min: 1, max: 100 }), count: fc.integer({ min: 1, max: 50 }) },
    { requiredKeys: [] },
  )
  .filter((c) => c.percent !== undefined || c.count !== undefined);
const cityCondition: fc.Arbitrary<CityCondition> = fc
  .record(
    { workplaces: fc.integer({ min: 1, max: 5 }), pledgers: fc.integer({ min: 1, max: 200 }) },
    { requiredKeys: [] },
  )
  .filter((c) => c.workplaces !== undefined || c.pledgers !== undefined);

describe('thresholds', () => {
  it('meets a workplace condition monotonically in the number of pledgers', () => {
    fc.assert(
      fc.property(
        fc.nat(500),
        fc.option(fc.integer({ min: 1, max: 500 }), { nil: null }),
        workplaceCondition,
        (n, headcount, condition) => {
          if (workplaceMet(n, headcount, condition)) {
            expect(workplaceMet(n + 1, headcount, condition)).toBe(true);
          }
        },
      ),
    );
  });

  it('meets "3 people" at the third pledge and a percent exactly at its share', () => {
    expect(workplaceMet(2, null, { count: 3 })).toBe(false);
    expect(workplaceMet(3, null, { count: 3 })).toBe(true);
    expect(workplaceMet(49, 100, { percent: 50 })).toBe(false);
    expect(workplaceMet(50, 100, { percent: 50 })).toBe(true);
    expect(workplaceMet(1000, null, { percent: 50 })).toBe(false);
    expect(cityMet({ pledgers: 10, workplacesTriggered: 1 }, { workplaces: 2 })).toBe(false);
    expect(cityMet({ pledgers: 10, workplacesTriggered: 2 }, { workplaces: 2 })).toBe(true);
    expect(cityMet({ pledgers: 10, workplacesTriggered: 0 }, { pledgers: 10 })).toBe(true);
  });

  it('keeps O(1) counters equal to a recount from scratch over any pledge sequence', () => {
    const op = fc.record({ workplace: fc.nat(4), delta: fc.constantFrom(1 as const, -1 as const) });
    fc.assert(
      fc.property(
        fc.array(op, { maxLength: 200 }),
        workplaceCondition,
        cityCondition,
        fc.array(fc.option(fc.integer({ min: 1, max: 60 }), { nil: null }), {
          minLength: 5,
          maxLength: 5,
        }),
        (ops, workplace, city, headcounts) => {
          const conditions = { workplace, city };
          let campaign: CampaignTally = { state: 'open', pledgers: 0, workplacesTriggered: 0 };
          const tallies: WorkplaceTally[] = headcounts.map(() => ({
            pledgers: 0,
            triggered: false,
          }));
          let wentOn = 0;
          for (const { workplace: w, delta } of ops) {
            const before = tallies[w] as WorkplaceTally;
            if (delta === -1 && before.pledgers === 0) continue; // nobody there to withdraw
            const step = applyPledge(campaign, before, delta, conditions, headcounts[w] ?? null);
            if (typeof step === 'string') {
              if (step === 'pledge_binding') expect(before.triggered).toBe(true);
              else expect(campaign.state).not.toBe('open');
              continue;
            }
            tallies[w] = step.workplace;
            campaign = step.campaign;
            if (step.campaignOn) wentOn += 1;
          }
          expect(wentOn).toBeLessThanOrEqual(1);
          expect(campaign.pledgers).toBe(tallies.reduce((sum, t) => sum + t.pledgers, 0));
          expect(campaign.workplacesTriggered).toBe(tallies.filter((t) => t.triggered).length);
          tallies.forEach((t, i) => {
            if (!t.triggered && campaign.state === 'open') {
              expect(workplaceMet(t.pledgers, headcounts[i] ?? null, workplace)).toBe(false);
            }
          });
          if (campaign.state === 'open') expect(cityMet(campaign, city)).toBe(false);
        },
      ),
    );
  });

  it('refuses everything once the campaign is not open', () => {
    const on: CampaignTally = { state: 'on', pledgers: 3, workplacesTriggered: 1 };
    expect(
      applyPledge(
        on,
        { pledgers: 0, triggered: false },
        1,
        { workplace: { count: 3 }, city: { workplaces: 1 } },
        null,
      ),
    ).toBe('campaign_not_open');
  });
});
