import { describe, expect, it } from 'vitest';
import { charts as en } from './en/charts';
import { charts as es } from './es/charts';
import { charts as hmn } from './hmn/charts';
import { charts as so } from './so/charts';

describe("the organizers' charts' strings", () => {
  it('has every key, non-empty, in all four languages', () => {
    const keys = Object.keys(en.organize.chart).sort();
    for (const strings of [es, so, hmn]) {
      expect(Object.keys(strings.organize.chart).sort()).toEqual(keys);
      for (const value of Object.values(strings.organize.chart)) expect(value.trim()).not.toBe('');
    }
  });
});
