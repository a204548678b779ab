import type { CitySettings } from '@tocsin/core';

/** What anyone may know about the city, before they have an account. */
export interface PublicCityView {
  slug: string;
  name: string;
  timeZone: string;
  languages: string[];
  defaultAlertRadiusMeters: number;
  hotline: {
    text: string;
    phone?: string;
    translations?: { lang: string; text: string; needsReview: boolean }[];
  };
  knowYourRights: { lang: string; title: string; body: string; needsReview: boolean }[];
  tiles?: { url: string; attribution: string };
  plateDefaultState?: string;
}

/** The public part of the pack; retention, merge windows and the areas source stay server-side. */
export function presentPublicCity(slug: string, settings: CitySettings): PublicCityView {
  const { hotline, tiles } = settings;
  return {
    slug,
    name: settings.name,
    timeZone: settings.timeZone,
    languages: [...settings.languages],
    defaultAlertRadiusMeters: settings.defaultAlertRadiusMeters,
    hotline: {
      text: hotline.text,
      ...(hotline.phone ? { phone: hotline.phone } : {}),
      ...(hotline.translations.length
        ? {
            translations: hotline.translations.map(({ lang, text, needsReview }) => ({
              lang,
              text,
              needsReview,
            })),
          }
        : {}),
    },
    knowYourRights: settings.knowYourRights.map(({ lang, title, body, needsReview }) => ({
      lang,
      title,
      body,
      needsReview,
    })),
    ...(tiles ? { tiles: { url: tiles.url, attribution: tiles.attribution } } : {}),
    ...(settings.plateDefaultState ? { plateDefaultState: settings.plateDefaultState } : {}),
  };
}
