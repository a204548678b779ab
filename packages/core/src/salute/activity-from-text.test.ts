import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ActivityCode } from './activity-codes';
import { activityCodeFromText } from './activity-from-text';

// What people write, and the quick choice a reader would tap for it (undefined: none).
const TABLE: [string, ActivityCode | undefined][] = [
  ['3 agents detaining someone at the Cub', 'detaining'],
  ['ICE detaning a guy on Lake', 'detaining'],
  ['they arrested 2 men outside the church', 'detaining'],
  ['agents took someone from the bus stop', 'detaining'],
  ['they handcuffed a worker', 'detaining'],
  ['deteniendo a alguien en la 38', 'detaining'],
  ['la migra detuvo... no, detuvieron a un señor en Lake', 'detaining'],
  ['se llevaron a un muchacho de la tienda', 'detaining'],
  ['estan deteniedo gente en la Bloomington', 'detaining'],
  ['checkpoint at 28th Ave and Lake', 'checkpoint'],
  ['chekpoint on Cedar stopping cars', 'checkpoint'],
  ['retén en la Lake y Chicago', 'checkpoint'],
  ['hay un reten de la migra en la 35', 'checkpoint'],
  ['punto de control en Hiawatha', 'checkpoint'],
  ['agents going door to door on 31st', 'doors'],
  ['knocking on doors at the apartments on Portland', 'doors'],
  ['ICE knoking doors on 35th', 'doors'],
  ['están tocando puertas en la 31', 'doors'],
  ['tocando la puerta de los vecinos', 'doors'],
  ['van casa por casa en Powderhorn', 'doors'],
  ['2 unmarked vans parked outside the school', 'vehicles'],
  ['agents sitting in a black SUV by the Target', 'vehicles'],
  ['camionetas negras estacionadas frente a la escuela', 'vehicles'],
  ['dos carros esperando en la esquina', 'vehicles'],
  ['checkpoint on Lake and they are detaining drivers', 'detaining'],
  // Negated, asked, retracted or unrelated: nothing.
  ['no checkpoint on Lake, all clear', undefined],
  ['ya no hay retén en la Lake', undefined],
  ["don't open the door, agents outside", undefined],
  ['no abran la puerta', undefined],
  ['nobody was detained, they left', undefined],
  ['no están deteniendo a nadie, solo preguntan', undefined],
  ['is there a checkpoint on Cedar?', undefined],
  ['¿hay retén en la Bloomington?', undefined],
  ['false alarm: the checkpoint was city road work', undefined],
  ['falsa alarma, no era la migra, era un retén de la policía', undefined],
  ['agents standing by the doors of the Target', undefined],
  ['I parked my car and saw 3 agents', undefined],
  ['helicopter circling over Powderhorn', undefined],
  ['ICE at Lake and Bloomington 10 min ago', undefined],
  ['la migra en la 38 y Chicago hace 5 min', undefined],
  // Found in review: a school run, a duration, a lack that describes.
  ['2 SUVs parked outside the school while parents were picking up kids', 'vehicles'],
  ['agents near the park, took them 10 min to leave', undefined],
  ['it took 2 hours for them to go', undefined],
  ['trocas blancas sin placas estacionadas afuera', 'vehicles'],
  ['agentes sin uniforme deteniendo a un señor', 'detaining'],
  ['agents in fake police vests, detaining a man on Lake', 'detaining'],
  ['ICE picked up a man at the bus stop', 'detaining'],
  ['they grabbed two workers at the site', 'detaining'],
  ['someone said it was fake, no agents', undefined],
];

describe('activityCodeFromText: the example table', () => {
  it.each(TABLE)('%s → %s', (text, code) => {
    expect(activityCodeFromText(text)).toBe(code);
  });
});

// One clause, one phrase ("no checkpoint … and they are detaining" still says detaining).
const CLEAR: [string, ActivityCode][] = TABLE.filter(
  (row): row is [string, ActivityCode] => row[1] !== undefined && !/[,.]| and /u.test(row[0]),
);
const NEGATIONS = ['no', 'not', 'never', "don't", 'nobody', 'nadie', 'ya no', 'sin', 'nunca'];
const NEUTRAL = ['ICE', 'at Lake St', 'hace 5 min', '3 agentes', 'white van', 'en la 38'];

describe('activityCodeFromText: properties', () => {
  it('a negation just before the phrase leaves the choice unset', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CLEAR), fc.constantFrom(...NEGATIONS), ([text], neg) => {
        // The clear phrase, negated where it starts: "no 3 agents detaining someone".
        expect(activityCodeFromText(`${neg} ${text}`)).toBeUndefined();
      }),
    );
  });

  it('a question or a false alarm reports nothing', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CLEAR), fc.boolean(), ([text], spanish) => {
        expect(activityCodeFromText(`${text}?`)).toBeUndefined();
        const alarm = spanish ? 'falsa alarma' : 'false alarm';
        expect(activityCodeFromText(`${alarm}. ${text}`)).toBeUndefined();
      }),
    );
  });

  it('neutral words around a clear phrase do not change its choice', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CLEAR),
        fc.array(fc.constantFrom(...NEUTRAL), { maxLength: 3 }),
        fc.array(fc.constantFrom(...NEUTRAL), { maxLength: 3 }),
        ([text, code], before, after) => {
          const message = [...before, text, ...after].join(', ');
          expect(activityCodeFromText(message)).toBe(code);
        },
      ),
    );
  });

  it('never throws and answers a known code or nothing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        const code = activityCodeFromText(text);
        expect([undefined, 'detaining', 'checkpoint', 'doors', 'vehicles']).toContain(code);
      }),
    );
  });
});
