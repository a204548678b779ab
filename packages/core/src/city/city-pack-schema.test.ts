import { describe, expect, it } from 'vitest';
import { cityPackSchema } from './city-pack-schema';
import type { CitySettingsInput } from './city-pack-schema';

const minimal: CitySettingsInput = {
  slug: 'testville',
  name: 'Testville',
  timeZone: 'America/Chicago',
  languages: ['en', 'es'],
  hotline: { text: 'Call your local network.' },
  knowYourRights: [{ lang: 'en', title: 'Rights', body: 'You may remain silent.' }],
};

function issuesOf(input: unknown): string[] {
  const result = cityPackSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('cityPackSchema', () => {
  it('fills defaults a small city need not decide', () => {
    const pack = cityPackSchema.parse(minimal);
    expect(pack).toMatchObject({
      defaultAlertRadiusMeters: 1_000,
      retentionHours: 24,
      merge: { radiusMeters: 400, windowMinutes: 45 },
      quietPeriodMinutes: 180,
      keepDays: { plateLookups: 30, auditLog: 90, unusedPushSubscriptions: 60 },
      plateVerifierMinDays: 7,
      areas: { source: 'neighborhoods.geojson', nameProperty: 'name' },
    });
    expect(pack.tiles).toBeUndefined();
    expect(pack.knowYourRights[0]?.needsReview).toBe(false);
  });

  it('fills a partly given nested object', () => {
    const pack = cityPackSchema.parse({ ...minimal, merge: { radiusMeters: 250 } });
    expect(pack.merge).toEqual({ radiusMeters: 250, windowMinutes: 45 });
  });

  it.each([
    [{ timeZone: 'America/Chicgo' }, 'timeZone: expected an IANA time zone'],
    [{ timeZone: '+01:00' }, 'timeZone: expected an IANA time zone'],
    [{ slug: 'Minneapolis' }, 'slug: expected lowercase'],
    [{ languages: [] }, 'languages: '],
    [{ languages: ['en', 'en'] }, 'languages: languages repeat'],
    [{ languages: ['English'] }, 'languages.0: expected a language tag'],
    [{ defaultAlertRadiusMeters: 100 }, 'defaultAlertRadiusMeters: '],
    [{ keepDays: { auditLog: 3 } }, 'keepDays.auditLog: '],
    [{ keepDays: { plateLookups: 365 } }, 'keepDays.plateLookups: '],
    [{ plateVerifierMinDays: -1 }, 'plateVerifierMinDays: '],
    [{ defaultAlertRadiusMeters: 20_000 }, 'defaultAlertRadiusMeters: '],
    [{ retentionHours: 1.5 }, 'retentionHours: '],
    [{ hotline: { text: '' } }, 'hotline.text: '],
    [{ hotline: { text: 'x', phone: 'call us' } }, 'hotline.phone: expected a phone number'],
    [{ areas: { source: '../../etc/passwd' } }, 'areas.source: expected a .geojson'],
    [
      { tiles: { url: 'https://tiles.example/{z}/{x}.png', attribution: 'x' } },
      'tiles.url: expected {z}',
    ],
    [
      { tiles: { url: 'javascript:alert(1)/{z}/{x}/{y}', attribution: 'x' } },
      'tiles.url: expected an http(s)',
    ],
    [{ retentionHour: 24 }, 'Unrecognized key: "retentionHour"'],
  ])('names the field for %j', (change, expected) => {
    expect(issuesOf({ ...minimal, ...change }).join('\n')).toContain(expected);
  });

  it('requires each card to be in one of the languages, once', () => {
    const cards = [
      { lang: 'en', title: 'A', body: 'a' },
      { lang: 'so', title: 'B', body: 'b' },
      { lang: 'en', title: 'C', body: 'c' },
    ];
    const issues = issuesOf({ ...minimal, knowYourRights: cards });
    expect(issues).toContain('knowYourRights.1.lang: "so" is not one of languages (en, es)');
    expect(issues).toContain('knowYourRights.2.lang: a second card for "en"');
  });

  it('accepts self-hosted tiles and a phone number', () => {
    const pack = cityPackSchema.parse({
      ...minimal,
      hotline: { text: 'Rapid response', phone: '+1 (612) 555-0100' },
      tiles: { url: '/tiles/{z}/{x}/{y}.png', attribution: '© OpenStreetMap contributors' },
    });
    expect(pack.tiles?.url).toBe('/tiles/{z}/{x}/{y}.png');
  });
});
