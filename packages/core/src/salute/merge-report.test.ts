import { describe, expect, it } from 'vitest';
import { mergeReport } from './merge-report';
import { missingRequired, reportInputSchema } from './report-input';

const ctx = { now: new Date('2026-05-01T20:00:00.000Z'), timeZone: 'America/Chicago' };

describe('mergeReport', () => {
  it('fills fields from the text where the reporter left them empty', () => {
    const input = reportInputSchema.parse({
      salute: { activity: 'detaining a man', location: { lat: 44.948, lng: -93.262 } },
      text: 'S: 3 agents A: talking L: Lake & Bloomington T: 2:40pm\nplate MN ABC 123',
      plates: ['abc-123', 'XYZ 987'],
    });
    expect(mergeReport(input, ctx)).toEqual({
      salute: {
        size: '3 agents',
        activity: 'detaining a man',
        location: { lat: 44.948, lng: -93.262, text: 'Lake & Bloomington' },
        time: '2:40pm',
      },
      timeResolved: '2026-05-01T19:40:00.000Z',
      // The typed ABC123 gives way to the same plate with its state, found in the text.
      plates: [{ plate: 'XYZ987' }, { state: 'MN', plate: 'ABC123' }],
    });
  });

  it('resolves a time the reporter typed, ahead of one in the text', () => {
    const input = reportInputSchema.parse({
      salute: { time: 'hace 5 min', activity: ' ' },
      text: 'T: 2pm',
    });
    const merged = mergeReport(input, ctx);
    expect(merged.salute.time).toBe('hace 5 min');
    expect(merged.timeResolved).toBe('2026-05-01T19:55:00.000Z');
    // A blank field counts as not given.
    expect(merged.salute.activity).toBeUndefined();
  });

  it('feeds missingRequired: text alone can supply activity and place text', () => {
    const merged = mergeReport(
      reportInputSchema.parse({ text: 'ICE arresting someone at the Cub on Lake St' }),
      ctx,
    );
    expect(missingRequired(merged, { placeResolved: false })).toEqual(['salute.location']);
    expect(missingRequired(merged, { placeResolved: true })).toEqual([]);
    expect(missingRequired(mergeReport({}, ctx), { placeResolved: false })).toEqual([
      'salute.activity',
      'salute.location',
    ]);
  });
});
