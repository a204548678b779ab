import { describe, expect, it } from 'vitest';
import type { Example } from './parse-text.examples';
import { runExample } from './parse-text.examples';

const examples: Example[] = [
  {
    name: 'unreadable time stays text',
    text: 'A: raid\nT: this morning',
    expected: { salute: { activity: 'raid', time: 'this morning' } },
  },
  {
    name: 'vague time stays text',
    text: 'A: raid\nT: a while ago',
    expected: { salute: { activity: 'raid', time: 'a while ago' } },
  },
  {
    name: 'clock time later than now is yesterday',
    text: 'A: raid\nT: 11pm',
    expected: {
      salute: { activity: 'raid', time: '11pm' },
      timeResolved: '2026-05-01T04:00:00.000Z',
    },
  },
  {
    name: 'clock time without am/pm is the latest past one',
    text: 'A: raid\nT: 2:40',
    expected: {
      salute: { activity: 'raid', time: '2:40' },
      timeResolved: '2026-05-01T19:40:00.000Z',
    },
  },
  {
    name: 'first time in a chatty time value wins',
    text: 'T: 2:40pm (still there now)\nA: detaining',
    expected: {
      salute: {
        activity: 'detaining',
        activityCode: 'detaining',
        time: '2:40pm (still there now)',
      },
      timeResolved: '2026-05-01T19:40:00.000Z',
    },
  },
  {
    name: 'Spanish "ayer 8pm" with plates after "placas"',
    text: 'Uniformes: chalecos de ICE\nEquipo: 3 carros, placas ABC123 y XYZ987\nActividad: arrestando gente\nLugar: frente a la iglesia\nHora: ayer 8pm',
    expected: {
      salute: {
        activity: 'arrestando gente',
        activityCode: 'detaining',
        location: { text: 'frente a la iglesia' },
        uniform: 'chalecos de ICE',
        equipment: '3 carros, placas ABC123 y XYZ987',
        time: 'ayer 8pm',
      },
      timeResolved: '2026-05-01T01:00:00.000Z',
      plates: [{ plate: 'ABC123' }, { plate: 'XYZ987' }],
    },
  },
  {
    name: 'plate list on its own line',
    text: 'A: stopped cars\nplates: ABC123, XYZ 987',
    expected: {
      salute: { activity: 'stopped cars' },
      plates: [{ plate: 'ABC123' }, { plate: 'XYZ987' }],
      notes: 'plates: ABC123, XYZ 987',
    },
  },
  {
    name: '"lic" and "tag" plates in equipment',
    text: 'A: following people\nE: grey Tahoe, lic ABC123, tag xyz-987',
    expected: {
      salute: { activity: 'following people', equipment: 'grey Tahoe, lic ABC123, tag xyz-987' },
      plates: [{ plate: 'ABC123' }, { plate: 'XYZ987' }],
    },
  },
  {
    name: 'all capitals: no guessing a state prefix',
    text: 'S: 4 A: RAID L: LAKE ST E: 2 SUVS MN ABC 123',
    expected: {
      salute: {
        size: '4',
        activity: 'RAID',
        location: { text: 'LAKE ST' },
        equipment: '2 SUVS MN ABC 123',
      },
    },
  },
  {
    name: 'spring-forward morning: 1:30am is CST',
    now: '2026-03-08T15:00:00.000Z',
    text: 'A: raid\nT: 1:30am',
    expected: {
      salute: { activity: 'raid', time: '1:30am' },
      timeResolved: '2026-03-08T07:30:00.000Z',
    },
  },
  {
    name: 'spring-forward morning: last night 11:30pm is the day before, CST',
    now: '2026-03-08T15:00:00.000Z',
    text: 'A: raid\nT: 11:30pm',
    expected: {
      salute: { activity: 'raid', time: '11:30pm' },
      timeResolved: '2026-03-08T05:30:00.000Z',
    },
  },
  {
    name: 'fall-back morning: 1:30am is its first occurrence, CDT',
    now: '2026-11-01T15:00:00.000Z',
    text: 'A: raid\nT: 1:30am',
    expected: {
      salute: { activity: 'raid', time: '1:30am' },
      timeResolved: '2026-11-01T06:30:00.000Z',
    },
  },
  {
    name: 'fall-back afternoon: 2pm is CST',
    now: '2026-11-01T21:00:00.000Z',
    text: 'A: raid\nHora: 2pm',
    expected: {
      salute: { activity: 'raid', time: '2pm' },
      timeResolved: '2026-11-01T20:00:00.000Z',
    },
  },
];

describe('parseSaluteText: times and plates', () => {
  it.each(examples.map((e) => [e.name, e] as const))('%s', (_name, example) => {
    const { actual, expected } = runExample(example);
    expect(actual).toEqual(expected);
  });
});
