import { describe, expect, it } from 'vitest';
import { matchLabel, withinOneEdit } from './labels';

describe('withinOneEdit', () => {
  it.each<[string, string, boolean]>([
    ['activity', 'activity', true],
    ['activty', 'activity', true],
    ['activityy', 'activity', true],
    ['actovity', 'activity', true],
    ['unifrom', 'uniform', true],
    ['acitvity', 'activity', true],
    ['actvty', 'activity', false],
    ['location', 'vocation', true],
    ['locations', 'location', true],
    ['uniform', 'uniforms', true],
    ['abc', 'xyz', false],
  ])('%s ~ %s: %s', (a, b, expected) => {
    expect(withinOneEdit(a, b)).toBe(expected);
    expect(withinOneEdit(b, a)).toBe(expected);
  });
});

describe('matchLabel', () => {
  it('knows letters, English and Spanish words, and marks prose-prone ones strict', () => {
    expect(matchLabel('s')).toEqual({ field: 'size', single: true, strict: false });
    expect(matchLabel('ubicacion')).toEqual({ field: 'location', single: false, strict: false });
    expect(matchLabel('tamano')).toEqual({ field: 'size', single: false, strict: false });
    expect(matchLabel('where')).toEqual({ field: 'location', single: false, strict: true });
    expect(matchLabel('equipmnt')).toEqual({ field: 'equipment', single: false, strict: true });
  });

  it('ignores other words, short misspellings and numbers', () => {
    expect(matchLabel('b')).toBeUndefined();
    expect(matchLabel('sise')).toBeUndefined();
    expect(matchLabel('timer')).toBeUndefined();
    expect(matchLabel('123456')).toBeUndefined();
    expect(matchLabel('locating')).toBeUndefined();
    expect(matchLabel('activist')).toBeUndefined();
  });
});
