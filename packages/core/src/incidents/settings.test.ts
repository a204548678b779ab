import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, engineSettingsSchema } from './settings';

describe('engineSettingsSchema', () => {
  it('defaults to 400 m, 45 min and 180 quiet minutes', () => {
    expect(DEFAULT_SETTINGS).toEqual({ radiusMeters: 400, windowMinutes: 45, quietMinutes: 180 });
  });

  it('rejects nonsense and unknown fields', () => {
    for (const bad of [
      { radiusMeters: 0 },
      { windowMinutes: -1 },
      { radiusMeters: 50_000 },
      { radius: 400 },
    ]) {
      expect(engineSettingsSchema.safeParse(bad).success).toBe(false);
    }
    expect(engineSettingsSchema.parse({ radiusMeters: 250 }).radiusMeters).toBe(250);
  });
});
