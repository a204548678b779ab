import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { slugify } from './slugify';

describe('slugify', () => {
  it.each([
    ['Powderhorn Park', 'powderhorn-park'],
    ['St. Anthony West', 'st-anthony-west'],
    ['Cedar-Isles-Dean', 'cedar-isles-dean'],
    ['ECCO', 'ecco'],
    ['  Lind–Bohanon ', 'lind-bohanon'],
    ['Phillips (East)', 'phillips-east'],
    ['Señor Café', 'senor-cafe'],
    ['!!!', ''],
  ])('%s → %s', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it('always yields lowercase words joined by single hyphens', () => {
    fc.assert(
      fc.property(fc.string(), (name) => {
        expect(slugify(name)).toMatch(/^(?:[a-z0-9]+(?:-[a-z0-9]+)*)?$/);
        expect(slugify(slugify(name))).toBe(slugify(name));
      }),
    );
  });
});
