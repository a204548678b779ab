import { z } from 'zod';

// Only IANA names ("America/Chicago", "UTC"); Intl also accepts offsets like "+01:00" on some
// engines, but those ignore daylight saving and would shift quiet hours twice a year.
const IANA_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/;

function isIanaTimeZone(name: string): boolean {
  if (!IANA_NAME.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

// A plain file name inside the pack folder: no separators, so a pack cannot point outside itself.
const PACK_FILE = /^[A-Za-z0-9][A-Za-z0-9_.-]*\.(?:geo)?json$/;
// Tiles come from a URL the operator chose: absolute http(s), or a path on this server.
const TILE_URL = /^(?:https?:\/\/[^\s]+|\/[^\s]*)$/;

const languageTag = z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, {
  error: 'expected a language tag like "en" or "es-MX"',
});

const knowYourRightsCard = z.strictObject({
  lang: languageTag,
  title: z.string().trim().min(1).max(200),
  body: z.string().trim().min(1).max(10_000),
  // Machine-drafted or unreviewed translations are shipped flagged so the app can say so.
  needsReview: z.boolean().default(false),
});

/** Schema of a city pack's city.json; defaults fill what a small city need not decide. */
export const cityPackSchema = z
  .strictObject({
    slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
      error: 'expected lowercase letters, digits and single hyphens, e.g. "minneapolis"',
    }),
    name: z.string().trim().min(1).max(200),
    timeZone: z.string().refine(isIanaTimeZone, {
      error: 'expected an IANA time zone such as "America/Chicago"',
    }),
    // The first language is the default for members who have not picked one.
    languages: z
      .array(languageTag)
      .min(1)
      .refine((tags) => new Set(tags).size === tags.length, { error: 'languages repeat' }),
    defaultAlertRadiusMeters: z.int().min(300).max(10_000).default(1_000),
    // Short retention is the point: what is not kept cannot be seized. A week at most.
    retentionHours: z.int().min(1).max(168).default(24),
    // Reports this close in space and time are taken to be about the same incident.
    merge: z
      .strictObject({
        radiusMeters: z.int().min(50).max(5_000).default(400),
        windowMinutes: z.int().min(1).max(1_440).default(45),
      })
      .prefault({}),
    // Minutes without a new report before an incident counts as over.
    quietPeriodMinutes: z.int().min(0).max(1_440).default(180),
    // How long traces of what members did are kept: what is not kept cannot be seized.
    keepDays: z
      .strictObject({
        // Who looked plates up and when (the lookup quota needs an hour of it).
        plateLookups: z.int().min(1).max(90).default(30),
        auditLog: z.int().min(7).max(365).default(90),
        // A push subscription with no successful push for this long.
        unusedPushSubscriptions: z.int().min(7).max(365).default(60),
      })
      .prefault({}),
    // Strike pledges: counts under minCount show as "fewer than minCount"; published counts
    // move in steps of `step` people, republished at most every `publishMinutes`.
    pledges: z
      .strictObject({
        minCount: z.int().min(2).max(50).default(5),
        step: z.int().min(1).max(100).default(5),
        publishMinutes: z.int().min(5).max(1_440).default(60),
      })
      .prefault({}),
    // Recall of an office holder (issue 16): a petition of this share of the body's roll, signed
    // within this many days, opens a recall vote.
    recall: z
      .strictObject({
        thresholdPercent: z.int().min(1).max(100).default(20),
        windowDays: z.int().min(1).max(90).default(14),
      })
      .prefault({}),
    // The citywide council (issue 17): a neighborhood or workplace body with at least
    // seatMinimum active members sends one delegate, plus one per further seatBlock members.
    council: z
      .strictObject({
        seatMinimum: z.int().min(1).max(10_000).default(10),
        seatBlock: z.int().min(1).max(100_000).default(100),
      })
      .prefault({}),
    // Plates seen without a state are this state's (canonicalPlate): "QRT551" = "MN QRT551".
    plateDefaultState: z
      .string()
      .regex(/^[A-Z]{2}$/, { error: 'expected a two-letter state code like "MN"' })
      .optional(),
    // The street gazetteer (streets, landmarks, source and license) for places read from text.
    places: z
      .strictObject({
        source: z
          .string()
          .regex(PACK_FILE, { error: 'expected a .geojson or .json file name in the pack folder' }),
      })
      .optional(),
    // A verifier's approval counts toward listing a plate once their role is this old.
    plateVerifierMinDays: z.int().min(0).max(90).default(7),
    // Canvassing door notes are deleted this many days after they were written.
    canvassing: z.strictObject({ noteDays: z.int().min(1).max(90).default(30) }).prefault({}),
    // Mutual aid: a closed request's description and thread go this many days after closing; an
    // open request nobody took closes as expired after openDays.
    mutualAid: z
      .strictObject({
        closedKeepDays: z.int().min(1).max(60).default(7),
        openDays: z.int().min(1).max(180).default(30),
      })
      .prefault({}),
    hotline: z.strictObject({
      // In the pack's first language; `translations` give it in the others (the app shows the
      // reader's, else this one).
      text: z.string().trim().min(1).max(1_000),
      translations: z
        .array(
          z.strictObject({
            lang: languageTag,
            text: z.string().trim().min(1).max(1_000),
            needsReview: z.boolean().default(false),
          }),
        )
        .default([]),
      phone: z
        .string()
        .regex(/^\+?[0-9][0-9 ().-]{1,30}$/, {
          error: 'expected a phone number like "+1 612 555 0100"',
        })
        .optional(),
    }),
    knowYourRights: z.array(knowYourRightsCard).min(1),
    // No tiles by default: a third-party tile server would learn where members look.
    tiles: z
      .strictObject({
        url: z
          .string()
          .regex(TILE_URL, { error: 'expected an http(s) URL or a path starting with "/"' })
          .refine((url) => ['{z}', '{x}', '{y}'].every((part) => url.includes(part)), {
            error: 'expected {z}, {x} and {y} placeholders',
          }),
        attribution: z.string().trim().min(1).max(500),
      })
      .optional(),
    areas: z
      .strictObject({
        source: z
          .string()
          .regex(PACK_FILE, { error: 'expected a .geojson or .json file name in the pack folder' })
          .default('neighborhoods.geojson'),
        nameProperty: z.string().min(1).default('name'),
      })
      .prefault({}),
  })
  .superRefine((pack, ctx) => {
    const seen = new Set<string>();
    for (const [i, card] of pack.knowYourRights.entries()) {
      if (!pack.languages.includes(card.lang)) {
        ctx.addIssue({
          code: 'custom',
          path: ['knowYourRights', i, 'lang'],
          message: `"${card.lang}" is not one of languages (${pack.languages.join(', ')})`,
        });
      }
      if (seen.has(card.lang)) {
        ctx.addIssue({
          code: 'custom',
          path: ['knowYourRights', i, 'lang'],
          message: `a second card for "${card.lang}"`,
        });
      }
      seen.add(card.lang);
    }
  });

/** A validated city.json with defaults applied. */
export type CitySettings = z.output<typeof cityPackSchema>;
/** What may be written in city.json (defaulted fields optional). */
export type CitySettingsInput = z.input<typeof cityPackSchema>;
