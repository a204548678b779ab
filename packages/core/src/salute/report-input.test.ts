import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInput } from '../api/input';
import { missingRequired, reportInputSchema, saluteSchema } from './report-input';

const ID = '3f1c2b7e-8a4d-4c1e-9f2a-6b5d4e3c2a10';

/** Issues as the server finds them: the API's one input rule, then the schema. */
function issuesOf(body: unknown): string[] {
  const r = parseInput(reportInputSchema, body);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.code}`);
}

describe('reportInputSchema', () => {
  it('accepts the full body and trims strings', () => {
    const r = reportInputSchema.parse({
      id: ID,
      salute: {
        size: ' 3 agents ',
        activity: 'detaining a man',
        location: { lat: 44.948, lng: -93.262, text: ' Lake & Bloomington ' },
        uniform: 'vests',
        time: '2:40pm',
        equipment: '2 black SUVs',
      },
      text: '  S: 3 agents  ',
      plates: ['MN ABC 123', 'XYZ-987'],
      areaId: 'powderhorn-park',
    });
    expect(r.salute?.size).toBe('3 agents');
    expect(r.salute?.location?.text).toBe('Lake & Bloomington');
    expect(r.text).toBe('S: 3 agents');
  });

  it('accepts an empty body: required fields are checked after parsing text', () => {
    expect(reportInputSchema.safeParse({}).success).toBe(true);
    expect(reportInputSchema.safeParse({ text: 'ICE at Cub on Lake St' }).success).toBe(true);
  });

  it.each<[string, unknown, string]>([
    ['unknown top-level field', { phone: '555' }, ': unrecognized_keys'],
    ['unknown salute field', { salute: { color: 'red' } }, 'salute: unrecognized_keys'],
    [
      'unknown location field',
      { salute: { location: { zip: '55407' } } },
      'salute.location: unrecognized_keys',
    ],
    ['bad uuid', { id: 'not-a-uuid' }, 'id: invalid_format'],
    [
      'lat out of range',
      { salute: { location: { lat: 91, lng: 0 } } },
      'salute.location.lat: too_big',
    ],
    [
      'lng out of range',
      { salute: { location: { lat: 0, lng: -181 } } },
      'salute.location.lng: too_small',
    ],
    ['lat without lng', { salute: { location: { lat: 44.9 } } }, 'salute.location.lng: custom'],
    ['lng without lat', { salute: { location: { lng: -93.2 } } }, 'salute.location.lat: custom'],
    [
      'lat as string',
      { salute: { location: { lat: '44.9', lng: -93 } } },
      'salute.location.lat: invalid_type',
    ],
    ['long activity', { salute: { activity: 'x'.repeat(201) } }, 'salute.activity: too_big'],
    ['long time', { salute: { time: 'x'.repeat(201) } }, 'salute.time: too_big'],
    ['long text', { text: 'x'.repeat(2001) }, 'text: too_big'],
    ['NUL in text', { text: 'a\u0000b' }, 'text: custom'],
    ['too many plates', { plates: Array.from({ length: 21 }, () => 'ABC123') }, 'plates: too_big'],
    ['long plate', { plates: ['ABCDEFGHIJKLMNOPQ'] }, 'plates.0: too_big'],
    ['not a plate', { plates: ['ABC#123'] }, 'plates.0: custom'],
    ['empty plate', { plates: ['  '] }, 'plates.0: too_small'],
    ['plates not an array', { plates: 'ABC123' }, 'plates: invalid_type'],
    ['bad area id', { areaId: 'a b' }, 'areaId: invalid_format'],
    ['empty area id', { areaId: '' }, 'areaId: too_small'],
    ['time as number', { salute: { time: 1440 } }, 'salute.time: invalid_type'],
  ])('rejects %s', (_name, body, issue) => {
    expect(issuesOf(body)).toContain(issue);
  });

  it('counts the cap after trimming', () => {
    expect(saluteSchema.safeParse({ activity: `  ${'x'.repeat(200)}  ` }).success).toBe(true);
  });

  it('never throws on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (body) => {
        expect(() => reportInputSchema.safeParse(body)).not.toThrow();
        expect(() => reportInputSchema.safeParse({ salute: body })).not.toThrow();
      }),
    );
  });
});

describe('missingRequired', () => {
  it('asks for activity and location when nothing is known', () => {
    expect(missingRequired({}, { placeResolved: false })).toEqual([
      'salute.activity',
      'salute.location',
    ]);
  });

  it('treats a blank activity as missing', () => {
    expect(missingRequired({ salute: { activity: '  ' } }, { placeResolved: true })).toEqual([
      'salute.activity',
    ]);
  });

  it('takes coordinates, or a place the server resolved', () => {
    const activity = 'detaining';
    expect(
      missingRequired(
        { salute: { activity, location: { lat: 44.9, lng: -93.2 } } },
        { placeResolved: false },
      ),
    ).toEqual([]);
    expect(missingRequired({ salute: { activity } }, { placeResolved: true })).toEqual([]);
    expect(
      missingRequired({ salute: { activity, location: { lat: 44.9 } } }, { placeResolved: false }),
    ).toEqual(['salute.location']);
  });
});
