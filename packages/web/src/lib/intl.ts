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

type Options = Intl.DateTimeFormatOptions;

/** The options with every part that would be spelled in words made numeric (no styles). */
export function wordless(options: Options): Options {
  // (The app never asks for eras, day periods or hour12.)
  const out: Options = { ...options };
  delete out.weekday;
  if (out.month && !/numeric|2-digit/.test(out.month)) out.month = 'numeric';
  if (out.timeZoneName) out.timeZoneName = 'shortOffset';
  return { ...out, hourCycle: 'h23' };
}

/** A date formatter for the language, or its wordless fallback. */
export function dateTimeFormat(
  language: string,
  options: Options,
  supports: IntlSupport = browserSupport,
): Intl.DateTimeFormat {
  if (supports(language)) return new Intl.DateTimeFormat(language, options);
  // Numeric dates in the readers' order: month first for Hmong (US), else day first.
  return new Intl.DateTimeFormat(language === 'hmn' ? 'en-US' : 'en-GB', wordless(options));
}

/** A number formatter for the language, else English digits (the same marks, no words). */
export function numberFormat(
  language: string,
  options: Intl.NumberFormatOptions = {},
  supports: IntlSupport = browserSupport,
): Intl.NumberFormat {
  return new Intl.NumberFormat(supports(language) ? language : 'en', options);
}
