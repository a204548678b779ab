import { describe, expect, it } from 'vitest';
import { readPlate } from './read-plate';

describe('readPlate', () => {
  it.each([
    ['mn abc-123', 'MN ABC123'],
    ['MN:ABC123', 'MN ABC123'],
    ['ABC-1234', 'ABC1234'],
    ['  mn   toc 123 ', 'MN TOC123'],
  ])('reads %j as %j', (raw, shown) => {
    expect(readPlate(raw)).toBe(shown);
  });

  it.each(['', '!!', 'ZZ:ABC123', 'A'.repeat(65)])('refuses %j', (raw) => {
    expect(readPlate(raw)).toBeNull();
  });
});
