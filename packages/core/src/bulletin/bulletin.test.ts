import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { approvalVerdict, needsSecondPerson } from './approval';
import { atTimeOfDay, cityDay, dayBounds, digestDueDay, shiftDay } from './days';
import { composeDigest, DIGEST_SECTION_LIMIT, POST_KINDS, type DigestPostInput } from './digest';
import { exactHeadcount, publicHeadcount } from './headcount';
import { DEFAULT_QUIET_HOURS, inQuietHours, isClockTime } from './quiet-hours';
import { dueReminder } from './reminders';

const TZ = 'America/Chicago';
const HOUR = 3_600_000;

describe('quiet hours', () => {
  it('span midnight on the city clock', () => {
    // 04:00 UTC on 6 Dec is 22:00 on 5 Dec in Chicago (UTC-6).
    expect(inQuietHours(new Date('2026-12-06T04:00:00Z'), TZ, DEFAULT_QUIET_HOURS)).toBe(true);
    expect(inQuietHours(new Date('2026-12-06T03:59:00Z'), TZ, DEFAULT_QUIET_HOURS)).toBe(false);
    expect(inQuietHours(new Date('2026-12-06T12:59:00Z'), TZ, DEFAULT_QUIET_HOURS)).toBe(true);
    expect(inQuietHours(new Date('2026-12-06T13:00:00Z'), TZ, DEFAULT_QUIET_HOURS)).toBe(false);
  });
  it('within one day, turned off, or equal ends', () => {
    const lunch = { start: '12:00', end: '13:00' };
    expect(inQuietHours(new Date('2026-12-05T18:30:00Z'), TZ, lunch)).toBe(true);
    expect(inQuietHours(new Date('2026-12-05T19:00:00Z'), TZ, lunch)).toBe(false);
    expect(inQuietHours(new Date('2026-12-06T05:00:00Z'), TZ, null)).toBe(false);
    expect(
      inQuietHours(new Date('2026-12-06T05:00:00Z'), TZ, { start: '01:00', end: '01:00' }),
    ).toBe(false);
  });
  it('reads times of day strictly', () => {
    for (const ok of ['00:00', '07:30', '23:59']) expect(isClockTime(ok)).toBe(true);
    for (const bad of ['24:00', '7:30', '12:60', '', '12:00:00'])
      expect(isClockTime(bad)).toBe(false);
  });
});

describe('city days', () => {
  it('are read on the city clock, across daylight saving', () => {
    expect(cityDay(new Date('2026-12-06T05:59:00Z'), TZ)).toBe('2026-12-05');
    expect(cityDay(new Date('2026-12-06T06:00:00Z'), TZ)).toBe('2026-12-06');
    expect(shiftDay('2026-12-31', 1)).toBe('2027-01-01');
    const { start, end } = dayBounds('2026-03-08', TZ);
    expect(end.getTime() - start.getTime()).toBe(23 * HOUR);
    expect(atTimeOfDay('2026-12-05', '19:00', TZ).toISOString()).toBe('2026-12-06T01:00:00.000Z');
  });
  it('make the digest due once a day at the chosen time', () => {
    const before = new Date('2026-12-06T00:59:00Z');
    const after = new Date('2026-12-06T01:00:00Z');
    expect(digestDueDay(before, TZ, '19:00', null)).toBeNull();
    expect(digestDueDay(after, TZ, '19:00', null)).toBe('2026-12-05');
    expect(digestDueDay(after, TZ, '19:00', '2026-12-05')).toBeNull();
    expect(digestDueDay(after, TZ, '19:00', '2026-12-04')).toBe('2026-12-05');
  });
});

describe('reminders', () => {
  const start = Date.UTC(2026, 11, 10, 18);
  it('come 24 h and 1 h before, once each, never after the start', () => {
    expect(dueReminder(start, start - 25 * HOUR, [])).toBeNull();
    expect(dueReminder(start, start - 24 * HOUR, [])).toBe('24h');
    expect(dueReminder(start, start - 2 * HOUR, ['24h'])).toBeNull();
    expect(dueReminder(start, start - HOUR, ['24h'])).toBe('1h');
    expect(dueReminder(start, start - HOUR / 2, ['24h', '1h'])).toBeNull();
    expect(dueReminder(start, start, [])).toBeNull();
  });
  it('skip the day reminder of an event announced within the hour', () => {
    expect(dueReminder(start, start - HOUR / 2, [])).toBe('1h');
  });
  it('never send one kind twice, whatever the clock does', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -30 * HOUR, max: HOUR }), { maxLength: 40 }),
        (offsets) => {
          const sent: ('24h' | '1h')[] = [];
          for (const offset of [...offsets].sort((a, b) => a - b)) {
            const due = dueReminder(start, start + offset, sent);
            if (due) {
              if (sent.includes(due)) return false;
              sent.push(due);
            }
          }
          return sent.length <= 2;
        },
      ),
    );
  });
});

describe('second person for city-wide posts', () => {
  it('is needed for the city only', () => {
    expect(needsSecondPerson('city')).toBe(true);
    expect(needsSecondPerson('area')).toBe(false);
    expect(needsSecondPerson('body')).toBe(false);
  });
  it('is never the author, and only someone who could post it', () => {
    const base = { authorId: 'a', approverId: 'b', qualified: true, status: 'pending' } as const;
    expect(approvalVerdict(base)).toEqual({ ok: true });
    expect(approvalVerdict({ ...base, approverId: 'a' })).toEqual({ ok: false, reason: 'self' });
    expect(approvalVerdict({ ...base, qualified: false })).toEqual({
      ok: false,
      reason: 'not_authorized',
    });
    expect(approvalVerdict({ ...base, status: 'published' })).toEqual({
      ok: false,
      reason: 'not_pending',
    });
  });
  it('holds for any pair: an author can never approve their own post', () => {
    fc.assert(
      fc.property(
        fc.uuid(),
        fc.boolean(),
        (id, qualified) =>
          !approvalVerdict({ authorId: id, approverId: id, qualified, status: 'pending' }).ok,
      ),
    );
  });
});

describe('headcounts', () => {
  it('show fewer than 5, then steps of 5, to all but the organizers', () => {
    expect(publicHeadcount(0)).toEqual({ kind: 'fewer_than', n: 5 });
    expect(publicHeadcount(3)).toEqual({ kind: 'fewer_than', n: 5 });
    expect(publicHeadcount(5)).toEqual({ kind: 'at_least', n: 5 });
    expect(publicHeadcount(9)).toEqual({ kind: 'at_least', n: 5 });
    expect(publicHeadcount(12)).toEqual({ kind: 'at_least', n: 10 });
    expect(exactHeadcount(3)).toEqual({ kind: 'exact', n: 3 });
  });
  it('never tell one person apart: n and n+1 differ only at a step of 5', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (n) => {
        const a = publicHeadcount(n);
        const b = publicHeadcount(n + 1);
        const same = a.kind === b.kind && a.n === b.n;
        return same || (n + 1) % 5 === 0;
      }),
    );
  });
});

const post = fc.record({
  id: fc.uuid(),
  bodyId: fc.constantFrom('b1', 'b2'),
  bodyName: fc.constantFrom('Powderhorn', 'Info & Events'),
  kind: fc.constantFrom(...POST_KINDS),
  title: fc.string({ maxLength: 20 }),
  publishedAt: fc
    .integer({ min: Date.UTC(2026, 11, 5), max: Date.UTC(2026, 11, 6) - 1 })
    .map((ms) => new Date(ms).toISOString()),
}) satisfies fc.Arbitrary<DigestPostInput>;

describe('digest', () => {
  it('tells the day: incidents per area, decisions, needs, tomorrow', () => {
    const digest = composeDigest({
      day: '2026-12-05',
      incidents: [
        { areaId: 'a1', areaName: 'Powderhorn', confirmed: 2 },
        { areaId: 'a2', areaName: 'Phillips', confirmed: 0 },
      ],
      posts: [
        {
          id: 'p1',
          bodyId: 'b',
          bodyName: 'Powderhorn',
          kind: 'decision',
          title: 'Rent strike',
          publishedAt: '2026-12-05T20:00:00Z',
        },
        {
          id: 'p2',
          bodyId: 'b',
          bodyName: 'Info & Events',
          kind: 'announcement',
          title: 'Hello',
          publishedAt: '2026-12-05T21:00:00Z',
        },
        {
          id: 'p3',
          bodyId: 'b',
          bodyName: 'Info & Events',
          kind: 'event',
          title: 'March',
          publishedAt: '2026-12-05T21:00:00Z',
          eventId: 'e1',
        },
      ],
      openNeeds: [
        {
          id: 'n1',
          bodyId: 'b',
          bodyName: 'Powderhorn',
          kind: 'need',
          title: 'Drivers',
          publishedAt: '2026-12-04T21:00:00Z',
        },
      ],
      eventsTomorrow: [
        { id: 'e1', title: 'March', bodyName: 'Info & Events', startsAt: '2026-12-06T18:00:00Z' },
      ],
    });
    expect(digest.counts).toEqual({
      confirmedIncidents: 2,
      decisions: 1,
      openNeeds: 1,
      eventsTomorrow: 1,
      posts: 3,
    });
    expect(digest.incidents).toEqual([{ areaId: 'a1', areaName: 'Powderhorn', confirmed: 2 }]);
    expect(digest.decisions.map((p) => p.id)).toEqual(['p1']);
    // The event post is told by tomorrow's event, not twice.
    expect(digest.announcements.map((p) => p.id)).toEqual(['p2']);
    expect(digest.empty).toBe(false);
  });

  it('lists every post at most once, in one section, newest first, capped', () => {
    fc.assert(
      fc.property(fc.array(post, { maxLength: 60 }), (posts) => {
        const digest = composeDigest({
          day: '2026-12-05',
          incidents: [],
          posts: [...posts, ...posts],
          openNeeds: [],
          eventsTomorrow: [],
        });
        const listed = [...digest.decisions, ...digest.meetings, ...digest.announcements].map(
          (p) => p.id,
        );
        if (new Set(listed).size !== listed.length) return false;
        for (const list of [digest.decisions, digest.meetings, digest.announcements]) {
          if (list.length > DIGEST_SECTION_LIMIT) return false;
        }
        return digest.counts.posts === new Set(posts.map((p) => p.id)).size;
      }),
    );
  });

  it('is empty when nothing happened', () => {
    const digest = composeDigest({
      day: '2026-12-05',
      incidents: [{ areaId: 'a', areaName: 'A', confirmed: 0 }],
      posts: [],
      openNeeds: [],
      eventsTomorrow: [],
    });
    expect(digest.empty).toBe(true);
  });
});
