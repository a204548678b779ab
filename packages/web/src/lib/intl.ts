/**
 * Dates and numbers through Intl in the reader's language. Where the browser has no data for it
 * (Chromium has none for Somali or Hmong), dates fall back to a form without words: numeric day
 * and month in the order the language's readers use, a 24-hour clock and a GMT offset, so a
 * Somali or Hmong reader never sees English month names or "PM". Numbers carry no words: English
 * digits and separators are what both languages write.
 */

/** Whether this browser's Intl has data for a language. */
export type IntlSupport = (language: string) => boolean;

const browserSupport: IntlSupport = (language) =>
  Intl.DateTimeFormat.supportedLocalesOf([language]).length > 0;

// Numeric dates for a language without Intl data, in its readers' order (day first for Somali).
const FALLBACK_LOCALE: Record<string, string> = { so: 'en-GB', hmn: 'en-US' };

type Options = Intl.DateTimeFormatOptions;

/** The options with every part that would be spelled in words made numeric. */
export function wordless(options: Options): Options {
  const out: Options = { ...options, hourCycle: 'h23' };
  delete out.hour12;
  delete out.weekday;
  delete out.era;
  delete out.dayPeriod;
  if (out.month && out.month !== 'numeric' && out.month !== '2-digit') out.month = 'numeric';
  if (out.timeZoneName) out.timeZoneName = 'shortOffset';
  if (out.dateStyle || out.timeStyle) {
    const { dateStyle, timeStyle } = out;
    delete out.dateStyle;
    delete out.timeStyle;
    if (dateStyle) Object.assign(out, { year: 'numeric', month: 'numeric', day: 'numeric' });
    if (timeStyle) Object.assign(out, { hour: '2-digit', minute: '2-digit' });
  }
  return out;
}

/** A date formatter for the language, or its wordless fallback. */
export function dateTimeFormat(
  language: string,
  options: Options,
  supports: IntlSupport = browserSupport,
): Intl.DateTimeFormat {
  if (supports(language)) return new Intl.DateTimeFormat(language, options);
  return new Intl.DateTimeFormat(FALLBACK_LOCALE[language] ?? 'en-GB', wordless(options));
}

/** A number formatter for the language, else English digits (the same marks, no words). */
export function numberFormat(
  language: string,
  options: Intl.NumberFormatOptions = {},
  supports: IntlSupport = browserSupport,
): Intl.NumberFormat {
  return new Intl.NumberFormat(supports(language) ? language : 'en', options);
}
