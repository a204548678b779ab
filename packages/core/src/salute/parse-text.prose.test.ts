import { describe, expect, it } from 'vitest';
import type { Example } from './parse-text.examples';
import { runExample, NOW } from './parse-text.examples';

const examples: Example[] = [
  {
    name: 'free text only',
    text: 'ICE at the Cub Foods on Lake St, 3 agents detaining someone',
    expected: {
      salute: {
        activity: 'ICE at the Cub Foods on Lake St, 3 agents detaining someone',
        activityCode: 'detaining',
        size: '3 agents',
        location: { text: 'the Cub Foods on Lake St' },
      },
    },
  },
  {
    name: 'free text with a relative time and a state-prefixed plate',
    text: '🚨 ICE agents at Lake & Chicago 10 min ago, white van plate MN ABC 123',
    expected: {
      salute: {
        activity: 'ICE agents at Lake & Chicago 10 min ago, white van plate MN ABC 123',
        equipment: 'white van',
        location: { text: 'Lake & Chicago' },
        time: '10 min ago',
      },
      timeResolved: '2026-05-01T19:50:00.000Z',
      plates: [{ state: 'MN', plate: 'ABC123' }],
    },
  },
  {
    name: 'Spanish free text with "hace 5 min"',
    text: 'Hay migra en la esquina de Lake y Bloomington hace 5 min, 2 camionetas negras',
    expected: {
      salute: {
        activity: 'Hay migra en la esquina de Lake y Bloomington hace 5 min, 2 camionetas negras',
        equipment: '2 camionetas negras',
        location: { text: 'Lake y Bloomington' },
        time: 'hace 5 min',
      },
      timeResolved: '2026-05-01T19:55:00.000Z',
    },
  },
  {
    name: 'Spanish free text with "a las 3 de la tarde"',
    text: 'la migra llegó a las 3 de la tarde a la escuela',
    expected: {
      salute: {
        activity: 'la migra llegó a las 3 de la tarde a la escuela',
        time: 'a las 3 de la tarde',
      },
      timeResolved: '2026-05-01T20:00:00.000Z',
    },
  },
  {
    name: 'free text "right now"',
    text: 'agents knocking doors on 31st right now',
    expected: {
      salute: {
        activity: 'agents knocking doors on 31st right now',
        activityCode: 'doors',
        location: { text: '31st' },
        time: 'right now',
      },
      timeResolved: NOW,
    },
  },
  {
    name: 'Spanish free text starting "Ahora mismo"',
    text: 'Ahora mismo en Lake y Chicago, 4 agentes',
    expected: {
      salute: {
        activity: 'Ahora mismo en Lake y Chicago, 4 agentes',
        size: '4 agentes',
        location: { text: 'Lake y Chicago' },
        time: 'Ahora mismo',
      },
      timeResolved: NOW,
    },
  },
  {
    name: '"a" in prose is not an activity label',
    text: 'I saw a man being detained by a group of agents near Powderhorn',
    expected: {
      salute: {
        activity: 'I saw a man being detained by a group of agents near Powderhorn',
        activityCode: 'detaining',
        location: { text: 'Powderhorn' },
      },
    },
  },
  {
    name: '"size" inside a sentence is not a label',
    text: 'The size of the group was big, maybe 10 agents at Lake St',
    expected: {
      salute: {
        activity: 'The size of the group was big, maybe 10 agents at Lake St',
        size: 'maybe 10 agents',
        location: { text: 'Lake St' },
      },
    },
  },
  {
    name: '"Time to ..." at line start is prose',
    text: 'Time to warn everyone!!\nS: 3\nA: raid',
    expected: { salute: { size: '3', activity: 'raid' }, notes: 'Time to warn everyone!!' },
  },
  {
    name: 'street direction "E." is not equipment',
    text: 'E. Lake St by the Target, 4 agents',
    expected: {
      salute: {
        activity: 'E. Lake St by the Target, 4 agents',
        size: '4 agents',
        location: { text: 'E. Lake St by the Target' },
      },
    },
  },
  {
    name: 'T-shirt and e-mail are not labels',
    text: 'A: two agents, one in a T-shirt, asked for e-mail',
    expected: { salute: { activity: 'two agents, one in a T-shirt, asked for e-mail' } },
  },
  {
    name: '"a.m." is not an activity label',
    text: 'S: 2 A: detaining T: 10:30 a.m.',
    expected: {
      salute: { size: '2', activity: 'detaining', activityCode: 'detaining', time: '10:30 a.m.' },
      timeResolved: '2026-05-01T15:30:00.000Z',
    },
  },
  {
    name: 'labels after commas in prose',
    text: 'ICE at Cub, time: 2pm, size: 5 agents',
    expected: {
      salute: { size: '5 agents', activity: 'ICE at Cub', time: '2pm' },
      timeResolved: '2026-05-01T19:00:00.000Z',
    },
  },
  {
    name: 'chatter before the labels, mid-line label after "!!!"',
    text: "omg they're here!!! S: like 6 or 7 A: taking ppl from the bus stop L: Lake/Nicollet",
    expected: {
      salute: {
        size: 'like 6 or 7',
        activity: 'taking ppl from the bus stop',
        location: { text: 'Lake/Nicollet' },
      },
      notes: "omg they're here!!!",
    },
  },
  {
    name: 'header and sign-off around a labeled activity become notes',
    text: 'SALUTE report\nS: 3\nA: detaining\nL: Lake\nPlease share and stay safe 🙏',
    expected: {
      salute: {
        size: '3',
        activity: 'detaining',
        activityCode: 'detaining',
        location: { text: 'Lake' },
      },
      notes: 'Please share and stay safe',
    },
  },
  {
    name: 'greeting line before the labels',
    text: 'Hey everyone!! Just saw this:\nS: 5\nA: arresting 2 men\nL: Lake & Nicollet',
    expected: {
      salute: {
        size: '5',
        activity: 'arresting 2 men',
        activityCode: 'detaining',
        location: { text: 'Lake & Nicollet' },
      },
      notes: 'Hey everyone!! Just saw this',
    },
  },
  {
    name: 'unlabeled line becomes the activity when none is labeled',
    text: 'S: 3\nL: Lake & 35th\nthey took a man into a van',
    expected: {
      salute: {
        size: '3',
        activity: 'they took a man into a van',
        activityCode: 'detaining',
        location: { text: 'Lake & 35th' },
      },
    },
  },
  {
    name: 'Spanish "placa" in free text',
    text: 'camioneta blanca placa ABC-1234 en la calle Lake',
    expected: {
      salute: {
        activity: 'camioneta blanca placa ABC-1234 en la calle Lake',
        equipment: 'camioneta blanca',
        location: { text: 'calle Lake' },
      },
      plates: [{ plate: 'ABC1234' }],
    },
  },
  {
    name: 'numbers in prose are neither plates nor times',
    text: 'Bus 21 on Lake, route 5, no ICE seen',
    expected: {
      salute: { activity: 'Bus 21 on Lake, route 5, no ICE seen', location: { text: 'Lake' } },
    },
  },
  {
    name: 'covered plates are not plates',
    text: 'A: 3 agents in a van, placas tapadas, plates covered',
    expected: { salute: { activity: '3 agents in a van, placas tapadas, plates covered' } },
  },
  {
    name: 'empty text',
    text: '   \n\n',
    expected: { salute: {} },
  },
];

describe('parseSaluteText: free text and prose', () => {
  it.each(examples.map((e) => [e.name, e] as const))('%s', (_name, example) => {
    const { actual, expected } = runExample(example);
    expect(actual).toEqual(expected);
  });
});
