import { describe, expect, it } from 'vitest';
import { findTimeExpression, resolveTime } from './resolve-time';

const CHICAGO = 'America/Chicago';
// 15:00 CDT on Friday 2026-05-01.
const ctx = { now: new Date('2026-05-01T20:00:00.000Z'), timeZone: CHICAGO };

describe('resolveTime', () => {
  it.each<[string, string | undefined]>([
    ['2:40pm', '2026-05-01T19:40:00.000Z'],
    ['2:40 PM', '2026-05-01T19:40:00.000Z'],
    ['2:40 p.m.', '2026-05-01T19:40:00.000Z'],
    ['2:40p', '2026-05-01T19:40:00.000Z'],
    ['14:40', '2026-05-01T19:40:00.000Z'],
    ['14h40', '2026-05-01T19:40:00.000Z'],
    ['2pm', '2026-05-01T19:00:00.000Z'],
    ['around 2 pm', '2026-05-01T19:00:00.000Z'],
    ['a las 2 de la tarde', '2026-05-01T19:00:00.000Z'],
    ['9am', '2026-05-01T14:00:00.000Z'],
    ['12:15pm', '2026-05-01T17:15:00.000Z'],
    ['12:15am', '2026-05-01T05:15:00.000Z'],
    // Without am/pm, whichever happened last: 2:40 means 14:40, 8:30 means 8:30 this morning.
    ['2:40', '2026-05-01T19:40:00.000Z'],
    ['8:30', '2026-05-01T13:30:00.000Z'],
    // Later than now: yesterday.
    ['4pm', '2026-04-30T21:00:00.000Z'],
    ['11:30 pm', '2026-05-01T04:30:00.000Z'],
    // A few minutes ahead is a rounded-up "now", still today.
    ['3:05pm', '2026-05-01T20:05:00.000Z'],
    ['yesterday 2pm', '2026-04-30T19:00:00.000Z'],
    ['ayer a las 3pm', '2026-04-30T20:00:00.000Z'],
    ['10 min ago', '2026-05-01T19:50:00.000Z'],
    ['10 minutes ago', '2026-05-01T19:50:00.000Z'],
    ['10m ago', '2026-05-01T19:50:00.000Z'],
    ['about 25 mins ago', '2026-05-01T19:35:00.000Z'],
    ['an hour ago', '2026-05-01T19:00:00.000Z'],
    ['2 hrs ago', '2026-05-01T18:00:00.000Z'],
    ['half an hour ago', '2026-05-01T19:30:00.000Z'],
    ['hace 10 minutos', '2026-05-01T19:50:00.000Z'],
    ['hace 5 min', '2026-05-01T19:55:00.000Z'],
    ['Hace una hora', '2026-05-01T19:00:00.000Z'],
    ['hace media hora', '2026-05-01T19:30:00.000Z'],
    ['hace unos minutos', '2026-05-01T19:55:00.000Z'],
    ['just now', '2026-05-01T20:00:00.000Z'],
    ['NOW', '2026-05-01T20:00:00.000Z'],
    ['ahora', '2026-05-01T20:00:00.000Z'],
    ['ahorita mismo', '2026-05-01T20:00:00.000Z'],
    ['this morning', undefined],
    ['hace 3 meses', undefined],
    ['25:00', undefined],
    ['13pm', undefined],
    ['', undefined],
  ])('%j → %s', (text, expected) => {
    expect(resolveTime(text, ctx)).toBe(expected);
  });

  it('reads clock times across the spring-forward night in Chicago', () => {
    const now = new Date('2026-03-08T15:00:00.000Z'); // 10:00 CDT
    expect(resolveTime('1:30am', { now, timeZone: CHICAGO })).toBe('2026-03-08T07:30:00.000Z');
    expect(resolveTime('9:30am', { now, timeZone: CHICAGO })).toBe('2026-03-08T14:30:00.000Z');
    // 11pm is yesterday, still CST.
    expect(resolveTime('11pm', { now, timeZone: CHICAGO })).toBe('2026-03-08T05:00:00.000Z');
  });

  it('reads clock times across the fall-back night in Chicago', () => {
    const now = new Date('2026-11-01T15:00:00.000Z'); // 9:00 CST
    expect(resolveTime('8:30am', { now, timeZone: CHICAGO })).toBe('2026-11-01T14:30:00.000Z');
    expect(resolveTime('11pm', { now, timeZone: CHICAGO })).toBe('2026-11-01T04:00:00.000Z');
    expect(resolveTime('10 min ago', { now, timeZone: CHICAGO })).toBe('2026-11-01T14:50:00.000Z');
  });

  it('crosses midnight: 11:50pm read at 00:10 is yesterday', () => {
    const now = new Date('2026-05-02T05:10:00.000Z'); // 00:10 CDT May 2
    expect(resolveTime('11:50pm', { now, timeZone: CHICAGO })).toBe('2026-05-02T04:50:00.000Z');
  });

  it('gives up on an unknown zone or an invalid clock instead of throwing', () => {
    expect(resolveTime('2pm', { now: ctx.now, timeZone: 'Nowhere/Else' })).toBeUndefined();
    expect(resolveTime('2pm', { now: new Date(Number.NaN), timeZone: CHICAGO })).toBeUndefined();
  });
});

describe('findTimeExpression', () => {
  it.each<[string, string | undefined]>([
    ['ICE at Cub 10 min ago', '10 min ago'],
    ['vimos 3 agentes hace 5 minutos en Lake', 'hace 5 minutos'],
    ['they were there at 2:40pm', 'at 2:40pm'],
    ['arrived around 14:40, still there', 'around 14:40'],
    ['happening now on Lake St', 'happening now'],
    ['llegaron a las 3 de la tarde', 'a las 3 de la tarde'],
    ['seen yesterday at 6pm', 'yesterday at 6pm'],
    // Numbers in prose are not times.
    ['3 agents at 38th St and 2 SUVs', undefined],
    ['paid $2.40 for', undefined],
    ['on 3/14 nothing', undefined],
    ['2 agentes en la esquina', undefined],
  ])('%j → %j', (text, expected) => {
    expect(findTimeExpression(text)?.text).toBe(expected);
  });
});
