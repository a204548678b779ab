import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coarseCell } from '../geo';
import type { InRangeAudience } from './alert-policy';
import { audienceIncludes } from './alert-policy';
import { SubscriptionIndex } from './subscription-index';
import type { Subscription } from './targeting';
import { isInRange } from './targeting';
import { destination, LAKE_AND_CHICAGO } from './test-factories';

const AREAS = ['powderhorn', 'phillips', 'longfellow'];

// Points within ~15 km of south Minneapolis.
const place = fc
  .record({
    bearing: fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
    meters: fc.double({ min: 0, max: 15_000, noNaN: true }),
  })
  .map((p) => destination(LAKE_AND_CHICAGO, p.bearing, p.meters));

const subscription = (id: string) =>
  fc.record({
    id: fc.constant(id),
    minLevel: fc.constantFrom('unconfirmed' as const, 'confirmed' as const),
    staff: fc.boolean(),
    areaIds: fc.subarray(AREAS),
    placeCells: fc.array(
      place.map((p) => coarseCell(p.lat, p.lng)),
      { maxLength: 2 },
    ),
    live: fc.option(place, { freq: 2 }),
    radiusMeters: fc.oneof(
      fc.integer({ min: 0, max: 2_000 }),
      fc.integer({ min: 2_000, max: 20_000 }),
    ),
  });
const subscriptions = fc
  .integer({ min: 0, max: 25 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => subscription(`s${i}`))));
const audience = fc.constantFrom<InRangeAudience>('staff', 'unconfirmed', 'everyone');

// Incidents anywhere, or right at the edge of some subscriber's live disc where misses would hide.
const incident = (subs: Subscription[]) =>
  fc.oneof(
    place,
    fc
      .record({
        k: fc.nat(),
        bearing: fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
        f: fc.double({ min: 0.97, max: 1.03, noNaN: true }),
      })
      .map(({ k, bearing, f }) => {
        const withLive = subs.filter((x) => x.live !== null);
        const s = withLive[k % Math.max(1, withLive.length)];
        if (s?.live == null) return LAKE_AND_CHICAGO;
        return destination(s.live, bearing, s.radiusMeters * f);
      }),
  );

function scan(
  subs: Subscription[],
  lat: number,
  lng: number,
  areaId: string | null,
  a: InRangeAudience,
) {
  return new Set(
    subs.filter((s) => isInRange(s, lat, lng, areaId) && audienceIncludes(a, s)).map((s) => s.id),
  );
}

describe('SubscriptionIndex', () => {
  it('finds exactly the subscribers a full scan finds', () => {
    fc.assert(
      fc.property(
        subscriptions.chain((subs) =>
          fc.tuple(
            fc.constant(subs),
            fc.array(fc.tuple(incident(subs), fc.option(fc.constantFrom(...AREAS)), audience), {
              minLength: 1,
              maxLength: 5,
            }),
          ),
        ),
        ([subs, incidents]) => {
          const index = new SubscriptionIndex();
          for (const s of subs) index.add(s);
          for (const [p, areaId, a] of incidents) {
            expect(index.targets(p.lat, p.lng, areaId, a)).toEqual(
              scan(subs, p.lat, p.lng, areaId, a),
            );
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('stays exact through updates and removals', () => {
    fc.assert(
      fc.property(
        subscriptions,
        fc.array(fc.tuple(fc.integer({ min: 0, max: 24 }), fc.boolean(), subscription('x')), {
          maxLength: 15,
        }),
        place,
        fc.option(fc.constantFrom(...AREAS)),
        (initial, ops, p, areaId) => {
          const index = new SubscriptionIndex();
          const live = new Map<string, Subscription>();
          for (const s of initial) {
            index.add(s);
            live.set(s.id, s);
          }
          for (const [k, removeIt, replacement] of ops) {
            const id = `s${k}`;
            if (removeIt) {
              index.remove(id);
              live.delete(id);
            } else {
              index.update({ ...replacement, id });
              live.set(id, { ...replacement, id });
            }
          }
          expect(index.size).toBe(live.size);
          expect(index.targets(p.lat, p.lng, areaId)).toEqual(
            scan([...live.values()], p.lat, p.lng, areaId, 'everyone'),
          );
        },
      ),
      { numRuns: 100 },
    );
  });

  it('releases every cell when the last subscription goes', () => {
    const index = new SubscriptionIndex();
    const s: Subscription = {
      id: 'a',
      minLevel: 'confirmed',
      staff: false,
      areaIds: ['powderhorn'],
      placeCells: [coarseCell(LAKE_AND_CHICAGO.lat, LAKE_AND_CHICAGO.lng)],
      live: LAKE_AND_CHICAGO,
      radiusMeters: 10_000,
    };
    index.add(s);
    expect(index.cellEntries).toBeGreaterThan(0);
    expect(index.cellEntries).toBeLessThanOrEqual(160);
    index.add(s);
    expect(index.size).toBe(1);
    index.remove('a');
    index.remove('a');
    expect(index.size).toBe(0);
    expect(index.cellEntries).toBe(0);
    expect(index.targets(LAKE_AND_CHICAGO.lat, LAKE_AND_CHICAGO.lng, 'powderhorn')).toEqual(
      new Set(),
    );
  });

  it('keeps the old subscription when a replacement is invalid', () => {
    const index = new SubscriptionIndex();
    const s: Subscription = {
      id: 'a',
      minLevel: 'confirmed',
      staff: false,
      areaIds: ['powderhorn'],
      placeCells: [],
      live: null,
      radiusMeters: 500,
    };
    index.add(s);
    expect(() => index.update({ ...s, placeCells: ['8a2a1072b59ffff'] })).toThrow(RangeError);
    expect(index.targets(0, 0, 'powderhorn')).toEqual(new Set(['a']));
  });
});

describe('SubscriptionIndex with an area chain', () => {
  it('a subscriber following a parent area is targeted for incidents in its children', async () => {
    const { SubscriptionIndex } = await import('./subscription-index');
    const index = new SubscriptionIndex();
    index.add({
      id: 'city-follower',
      areaIds: ['city'],
      placeCells: [],
      live: null,
      radiusMeters: 500,
      minLevel: 'unconfirmed',
      staff: false,
    });
    index.add({
      id: 'other',
      areaIds: ['elsewhere'],
      placeCells: [],
      live: null,
      radiusMeters: 500,
      minLevel: 'unconfirmed',
      staff: false,
    });
    expect([...index.targets(44.94, -93.26, ['powderhorn', 'city'])]).toEqual(['city-follower']);
    expect([...index.targets(44.94, -93.26, 'powderhorn')]).toEqual([]);
  });
});
