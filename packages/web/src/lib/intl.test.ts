import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateTimeFormat, numberFormat, wordless } from './intl';

const none = () => false;
const ENGLISH_WORDS =
  /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|AM|PM|CST|CDT|Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b/i;
const at = new Date('2026-11-27T22:06:00Z');

describe('dateTimeFormat', () => {
  it('formats in the language when Intl has it', () => {
    const es = dateTimeFormat('es', { month: 'short', day: 'numeric', timeZone: 'UTC' });
    expect(es.format(at)).toMatch(/27 nov/);
  });

  it('without data for Somali or Hmong, shows numbers only, in the readers order', () => {
    const options = {
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZone: 'America/Chicago',
      timeZoneName: 'short',
    } as const;
    const so = dateTimeFormat('so', options, none).format(at);
    const hmn = dateTimeFormat('hmn', options, none).format(at);
    expect(so).toMatch(/^27\/11, 16:06 GMT-6$/);
    expect(hmn).toMatch(/^11\/27, 16:06 GMT-6$/);
    const medium = { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' } as const;
    expect(dateTimeFormat('hmn', medium, none).format(at)).toBe('11/27/2026');
  });

  it('never spells a word in the fallback, whatever the options and the instant', () => {
    const option = <T>(...values: T[]) => fc.option(fc.constantFrom(...values), { nil: undefined });
    fc.assert(
      fc.property(
        fc.record({
          weekday: option('long', 'short', 'narrow'),
          month: option('long', 'short', 'narrow', 'numeric'),
          day: option('numeric'),
          hour: option('numeric', '2-digit'),
          minute: option('2-digit'),
          timeZoneName: option('short', 'long'),
        }),
        fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        fc.constantFrom('so', 'hmn'),
        (raw, date, language) => {
          const options = Object.fromEntries(
            Object.entries(raw).filter(([, v]) => v !== undefined),
          ) as Intl.DateTimeFormatOptions;
          const text = dateTimeFormat(
            language,
            { ...options, timeZone: 'America/Chicago' },
            none,
          ).format(date);
          expect(text).not.toMatch(ENGLISH_WORDS);
          expect(text).not.toMatch(/[A-Za-z]{3,}(?<!GMT)/);
        },
      ),
    );
  });

  it('wordless keeps numeric parts as they were', () => {
    expect(wordless({ day: 'numeric', month: '2-digit' })).toEqual({
      day: 'numeric',
      month: '2-digit',
      hourCycle: 'h23',
    });
  });
});

describe('numberFormat', () => {
  it('uses the language where Intl has it, else English digits', () => {
    expect(numberFormat('es', {}, () => true).format(12345.5)).toBe('12.345,5');
    expect(numberFormat('hmn', {}, none).format(12345.5)).toBe('12,345.5');
    expect(numberFormat('so', { style: 'percent' }, none).format(0.25)).toBe('25%');
  });
});
