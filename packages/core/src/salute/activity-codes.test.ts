import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInput } from '../api/input';
import { reportAnswerSchema } from '../api/rapid-response';
import { alertIncidentSchema } from '../api/stream';
import { incidentSummaryViewSchema } from '../api/views';
import { ACTIVITY_CODES, activityLabel, isActivityCode } from './activity-codes';
import { mergeReport } from './merge-report';
import { missingRequired, reportInputSchema } from './report-input';

const ID = '3f1c2b7e-8a4d-4c1e-9f2a-6b5d4e3c2a10';
const CTX = { now: new Date('2026-12-05T12:00:00Z'), timeZone: 'America/Chicago' };
const code = fc.constantFrom(...ACTIVITY_CODES);

describe('quick choices as codes', () => {
  it('the report body takes a code, alone or with words, and refuses an unknown one', () => {
    const alone = parseInput(reportInputSchema, { id: ID, salute: { activityCode: 'checkpoint' } });
    expect(alone.success).toBe(true);
    const both = reportInputSchema.parse({
      salute: { activityCode: 'detaining', activity: ' dos hombres ' },
    });
    expect(both.salute).toEqual({ activityCode: 'detaining', activity: 'dos hombres' });
    const bad = parseInput(reportInputSchema, { salute: { activityCode: 'Checkpoint' } });
    expect(bad.success).toBe(false);
    if (!bad.success) expect(bad.error.issues[0]?.path).toEqual(['salute', 'activityCode']);
  });

  it('a code is an activity for the required-field rule', () => {
    fc.assert(
      fc.property(code, (c) => {
        expect(missingRequired({ salute: { activityCode: c } }, { placeResolved: true })).toEqual(
          [],
        );
      }),
    );
  });

  it('merging keeps the code and the words apart, whatever the text says', () => {
    fc.assert(
      fc.property(code, fc.option(fc.string({ maxLength: 40 })), fc.string(), (c, words, text) => {
        const input = reportInputSchema.parse({
          salute: { activityCode: c, ...(words === null ? {} : { activity: words }) },
          text,
        });
        const merged = mergeReport(input, CTX);
        expect(merged.salute.activityCode).toBe(c);
      }),
    );
  });

  it('the stored forms carry a code, and older ones without it still read', () => {
    const incident = {
      id: ID,
      state: 'reported',
      activity: null,
      area: null,
      location: { lat: 44.9, lng: -93.2 },
      reporters: 1,
      firstReportAt: '2026-12-05T12:00:00.000Z',
      lastReportAt: '2026-12-05T12:00:00.000Z',
      corroboratedAt: null,
      confirmedAt: null,
      closedAt: null,
      mergedInto: null,
    };
    expect(incidentSummaryViewSchema.parse(incident).activityCode).toBeUndefined();
    expect(
      incidentSummaryViewSchema.parse({ ...incident, activityCode: 'doors' }).activityCode,
    ).toBe('doors');
    const alert = { ...incident, at: '2026-12-05T12:00:00.000Z' };
    expect(alertIncidentSchema.safeParse(alert).success).toBe(true);
    expect(alertIncidentSchema.parse({ ...alert, activityCode: 'vehicles' }).activityCode).toBe(
      'vehicles',
    );
    const answer = reportAnswerSchema.parse({
      report: { id: ID, salute: { activityCode: 'doors' }, plates: [] },
      incident: { id: ID, state: 'reported', reporters: 1 },
    });
    expect(answer.report.salute.activityCode).toBe('doors');
  });
});

describe('activityLabel', () => {
  const word = (code: string) => `<${code}>`;

  it('a known code is worded by the reader, the reporter words after it', () => {
    expect(activityLabel({ activity: ' dos hombres ', activityCode: 'detaining' }, word)).toBe(
      '<detaining>: dos hombres',
    );
    expect(activityLabel({ activityCode: 'doors' }, word)).toBe('<doors>');
  });

  it('old data (words only) reads as written; nothing reads as nothing', () => {
    expect(activityLabel({ activity: 'Retén en Lake St' }, word)).toBe('Retén en Lake St');
    expect(activityLabel({ activity: null, activityCode: null }, word)).toBeNull();
    expect(activityLabel({ activity: '   ' }, word)).toBeNull();
  });

  it('never shows a raw code: an unknown code leaves the words alone', () => {
    fc.assert(
      fc.property(fc.string(), fc.option(fc.string()), (raw, words) => {
        const label = activityLabel({ activity: words, activityCode: raw }, word);
        if (isActivityCode(raw)) expect(label?.startsWith(`<${raw}>`)).toBe(true);
        else expect(label).toBe(words?.trim() || null);
      }),
    );
  });
});
