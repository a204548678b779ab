import { describe, expect, it } from 'vitest';
import { parseSaluteText } from './parse-text';
import type { Example } from './parse-text.examples';
import { CHICAGO, runExample, NOW } from './parse-text.examples';

const examples: Example[] = [
  {
    name: 'one-line SALUTE, English',
    text: 'S: 3 agents A: detaining man L: Lake & Bloomington U: vests T: 2:40pm E: 2 black SUVs',
    expected: {
      salute: {
        size: '3 agents',
        activity: 'detaining man',
        activityCode: 'detaining',
        location: { text: 'Lake & Bloomington' },
        uniform: 'vests',
        time: '2:40pm',
        equipment: '2 black SUVs',
      },
      timeResolved: '2026-05-01T19:40:00.000Z',
    },
  },
  {
    name: 'multi-line with emoji header and bullets',
    text: '🚨 SALUTE 🚨\n• S: 4\n• A: arresting a man outside Cub\n• L: Lake St & Minnehaha\n• U: green vests, masks\n• T: 10 min ago\n• E: 2 unmarked SUVs',
    expected: {
      salute: {
        size: '4',
        activity: 'arresting a man outside Cub',
        activityCode: 'detaining',
        location: { text: 'Lake St & Minnehaha' },
        uniform: 'green vests, masks',
        time: '10 min ago',
        equipment: '2 unmarked SUVs',
      },
      timeResolved: '2026-05-01T19:50:00.000Z',
    },
  },
  {
    name: 'Spanish labels with accents and a plate in the equipment',
    text: 'Tamaño: 5 agentes\nActividad: deteniendo a un señor\nUbicación: Lake y Bloomington\nUniforme: chalecos negros\nHora: hace 10 minutos\nEquipo: 2 camionetas negras placa ABC-1234',
    expected: {
      salute: {
        size: '5 agentes',
        activity: 'deteniendo a un señor',
        activityCode: 'detaining',
        location: { text: 'Lake y Bloomington' },
        uniform: 'chalecos negros',
        time: 'hace 10 minutos',
        equipment: '2 camionetas negras placa ABC-1234',
      },
      timeResolved: '2026-05-01T19:50:00.000Z',
      plates: [{ plate: 'ABC1234' }],
    },
  },
  {
    name: 'Spanish labels without accents, lowercase',
    text: 'tamano: 2\nactividad: preguntando papeles\nubicacion: la 38 y chicago\nhora: 2pm',
    expected: {
      salute: {
        size: '2',
        activity: 'preguntando papeles',
        location: { text: 'la 38 y chicago' },
        time: '2pm',
      },
      timeResolved: '2026-05-01T19:00:00.000Z',
    },
  },
  {
    name: 'markdown bold and italic labels',
    text: '**Size:** 6\n**Activity:** raid at apartment\n**Location:** 2400 Bloomington Ave\n*Time*: 14:40',
    expected: {
      salute: {
        size: '6',
        activity: 'raid at apartment',
        location: { text: '2400 Bloomington Ave' },
        time: '14:40',
      },
      timeResolved: '2026-05-01T19:40:00.000Z',
    },
  },
  {
    name: 'WhatsApp-style bold letters on one line',
    text: '*S:* 4 *A:* raid *L:* Cedar & Riverside',
    expected: { salute: { size: '4', activity: 'raid', location: { text: 'Cedar & Riverside' } } },
  },
  {
    name: 'dash separators',
    text: 'S- 3\nA- detaining\nL- Lake st\nT- ahora',
    expected: {
      salute: {
        size: '3',
        activity: 'detaining',
        activityCode: 'detaining',
        location: { text: 'Lake st' },
        time: 'ahora',
      },
      timeResolved: NOW,
    },
  },
  {
    name: 'equals separators without spaces',
    text: 'S=3 A=detaining L=Lake & Hiawatha',
    expected: {
      salute: {
        size: '3',
        activity: 'detaining',
        activityCode: 'detaining',
        location: { text: 'Lake & Hiawatha' },
      },
    },
  },
  {
    name: 'dot separators on every line',
    text: 'S. 3 agents\nA. knocking on doors\nL. 28th & Portland\nT. 9am',
    expected: {
      salute: {
        size: '3 agents',
        activity: 'knocking on doors',
        activityCode: 'doors',
        location: { text: '28th & Portland' },
        time: '9am',
      },
      timeResolved: '2026-05-01T14:00:00.000Z',
    },
  },
  {
    name: 'whole-word labels without separators',
    text: 'Size 4\nActivity checking IDs\nLocation Franklin & Bloomington\nTime 2:40 PM',
    expected: {
      salute: {
        size: '4',
        activity: 'checking IDs',
        location: { text: 'Franklin & Bloomington' },
        time: '2:40 PM',
      },
      timeResolved: '2026-05-01T19:40:00.000Z',
    },
  },
  {
    name: 'spaces around the colon',
    text: 'S : 4   A :  raid',
    expected: { salute: { size: '4', activity: 'raid' } },
  },
  {
    name: 'full-width colons from a phone keyboard',
    text: 'S：4\nA：redada',
    expected: { salute: { size: '4', activity: 'redada' } },
  },
  {
    name: 'numbered list',
    text: '1) S: 4\n2) A: raid\n3) L: Lake St',
    expected: { salute: { size: '4', activity: 'raid', location: { text: 'Lake St' } } },
  },
  {
    name: 'keycap emoji numbers',
    text: '1️⃣ S: 4\n2️⃣ A: raid',
    expected: { salute: { size: '4', activity: 'raid' } },
  },
  {
    name: 'emoji in front of each label',
    text: '📍L: Lake & Chicago\n👮S: 4\n⏰T: 10 min ago\n🚐E: 2 vans',
    expected: {
      salute: {
        size: '4',
        location: { text: 'Lake & Chicago' },
        time: '10 min ago',
        equipment: '2 vans',
      },
      timeResolved: '2026-05-01T19:50:00.000Z',
    },
  },
  {
    name: 'quoted reply markers',
    text: '> S: 4\n> A: raid at the laundromat\n> L: Lake & 13th',
    expected: {
      salute: { size: '4', activity: 'raid at the laundromat', location: { text: 'Lake & 13th' } },
    },
  },
  {
    name: 'Windows line endings',
    text: 'S: 4\r\nA: raid\r\nL: Lake',
    expected: { salute: { size: '4', activity: 'raid', location: { text: 'Lake' } } },
  },
  {
    name: 'mixed English and Spanish labels and values',
    text: 'S: 2 agentes A: asking for papers L: Mercado Central T: hace 15 min',
    expected: {
      salute: {
        size: '2 agentes',
        activity: 'asking for papers',
        location: { text: 'Mercado Central' },
        time: 'hace 15 min',
      },
      timeResolved: '2026-05-01T19:45:00.000Z',
    },
  },
  {
    name: 'Spanish and English label words in one message',
    text: 'Tamaño: 3\nActivity: detaining\nLugar: Lake St\nHora: 2pm',
    expected: {
      salute: {
        size: '3',
        activity: 'detaining',
        activityCode: 'detaining',
        location: { text: 'Lake St' },
        time: '2pm',
      },
      timeResolved: '2026-05-01T19:00:00.000Z',
    },
  },
  {
    name: 'misspelled labels',
    text: 'Activty: detaining\nLocaton: Lake St\nUnifrom: vests\nEquipmnt: SUV\nUbicasion: 2nd floor',
    expected: {
      salute: {
        activity: 'detaining',
        activityCode: 'detaining',
        location: { text: 'Lake St; 2nd floor' },
        uniform: 'vests',
        equipment: 'SUV',
      },
    },
  },
  {
    name: 'value on the line after its label',
    text: 'Location:\nLake & Bloomington\nActivity: detaining',
    expected: {
      salute: {
        activity: 'detaining',
        activityCode: 'detaining',
        location: { text: 'Lake & Bloomington' },
      },
    },
  },
  {
    name: 'a repeated label keeps both values',
    text: 'L: Lake St\nL: in front of the Cub\nA: raid',
    expected: { salute: { activity: 'raid', location: { text: 'Lake St; in front of the Cub' } } },
  },
  {
    name: 'what / where / when',
    text: 'What: raid\nWhere: Lake St\nWhen: 2pm',
    expected: {
      salute: { activity: 'raid', location: { text: 'Lake St' }, time: '2pm' },
      timeResolved: '2026-05-01T19:00:00.000Z',
    },
  },
];

describe('parseSaluteText: SALUTE formats', () => {
  it.each(examples.map((e) => [e.name, e] as const))('%s', (_name, example) => {
    const { actual, expected } = runExample(example);
    expect(actual).toEqual(expected);
  });
});

describe('parseSaluteText limits', () => {
  const ctx = { now: new Date(NOW), timeZone: CHICAGO };

  it('caps every value at 200 characters', () => {
    const long = 'x'.repeat(500);
    const parsed = parseSaluteText(`S: ${long}\nA: ${long}\n${long}`, ctx);
    expect(parsed.salute.size).toHaveLength(200);
    expect(parsed.salute.activity).toHaveLength(200);
    expect(parsed.notes).toHaveLength(500);
  });

  it('does not split an emoji when capping', () => {
    const parsed = parseSaluteText(`A: ${'x'.repeat(199)}🚨🚨`, ctx);
    expect(parsed.salute.activity).toBe('x'.repeat(199));
  });

  it('reads only the first 2000 characters, as the API would accept', () => {
    const parsed = parseSaluteText(`${'word '.repeat(400)}\nplate ABC123`, ctx);
    expect(parsed.plates).toEqual([]);
  });

  it('drops control characters', () => {
    expect(parseSaluteText('A: raid\u0000 at\u0007 Lake', ctx).salute.activity).toBe(
      'raid at Lake',
    );
  });

  it('leaves the time unresolved on an unknown time zone', () => {
    const parsed = parseSaluteText('T: 2pm', { now: new Date(NOW), timeZone: 'Not/AZone' });
    expect(parsed).toEqual({ salute: { time: '2pm' }, plates: [] });
  });
});
