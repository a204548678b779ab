import { describe, expect, it } from 'vitest';
import { formatDistance } from './distance';

describe('formatDistance', () => {
  it.each([
    [0, '10 m'],
    [4, '10 m'],
    [346, '350 m'],
    [994, '990 m'],
    [995, '1.0 km'],
    [1_234, '1.2 km'],
    [9_949, '9.9 km'],
    [12_600, '13 km'],
  ])('%i m → %s', (meters, shown) => {
    expect(formatDistance(meters)).toBe(shown);
  });
});
