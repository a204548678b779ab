import { z } from 'zod';

/** Defaults from the issue: 400 m and 45 min to merge reports, 180 quiet minutes to auto-end. */
export const DEFAULT_RADIUS_METERS = 400;
export const DEFAULT_WINDOW_MINUTES = 45;
export const DEFAULT_QUIET_MINUTES = 180;

/** How reports merge into incidents and when quiet incidents end; validates city-pack or env values. */
export const engineSettingsSchema = z.strictObject({
  // Beyond a few km "the same incident" stops meaning the same place.
  radiusMeters: z.number().positive().max(5_000).default(DEFAULT_RADIUS_METERS),
  windowMinutes: z
    .number()
    .positive()
    .max(24 * 60)
    .default(DEFAULT_WINDOW_MINUTES),
  quietMinutes: z
    .number()
    .positive()
    .max(7 * 24 * 60)
    .default(DEFAULT_QUIET_MINUTES),
});

/** Validated engine settings. */
export type EngineSettings = z.infer<typeof engineSettingsSchema>;

/** The settings clustering needs. */
export type ClusterSettings = Pick<EngineSettings, 'radiusMeters' | 'windowMinutes'>;

export const DEFAULT_SETTINGS: EngineSettings = engineSettingsSchema.parse({});

export const MINUTE_MS = 60_000;
