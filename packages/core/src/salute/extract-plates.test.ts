import { describe, expect, it } from 'vitest';
import { extractPlates } from './extract-plates';
import type { NormalizedPlate } from './plates';

describe('extractPlates', () => {
  it.each<[string, NormalizedPlate[]]>([
    ['plate ABC123', [{ plate: 'ABC123' }]],
    ['plates: ABC123, XYZ 987', [{ plate: 'ABC123' }, { plate: 'XYZ987' }]],
    ['placa ABC-1234', [{ plate: 'ABC1234' }]],
    ['placas ABC123 y XYZ987', [{ plate: 'ABC123' }, { plate: 'XYZ987' }]],
    ['black SUV MN ABC 123 parked', [{ state: 'MN', plate: 'ABC123' }]],
    ['lic ABC123', [{ plate: 'ABC123' }]],
    ['Lic. abc123 on a van', [{ plate: 'ABC123' }]],
    ['tag ABC123', [{ plate: 'ABC123' }]],
    ['license plate number 7ABC234', [{ plate: '7ABC234' }]],
    ['plate # 123-ABC near Lake', [{ plate: '123ABC' }]],
    ['plate is ABC 123 at Lake', [{ plate: 'ABC123' }]],
    ['plate MN ABC 123', [{ state: 'MN', plate: 'ABC123' }]],
    ['TX plates ABC1234', [{ state: 'TX', plate: 'ABC1234' }]],
    ['placa de MN ABC 123.', [{ state: 'MN', plate: 'ABC123' }]],
    ['Plate ABC123. Then they left', [{ plate: 'ABC123' }]],
    ['plates ABC123 and 22 agents', [{ plate: 'ABC123' }]],
    ['plate ABC-123 2 SUVs', [{ plate: 'ABC123' }]],
    ['plate: ABC123 ... later MN ABC 123 again', [{ state: 'MN', plate: 'ABC123' }]],
    // No plate keyword and no state prefix: not a plate.
    ['3 agents and 2 SUVs at Lake St', []],
    ['ABC-1234 was mentioned', []],
    ['Saw ICE at 2:40pm, 10 min ago', []],
    // Keyword without a plate-like word after it.
    ['plate covered', []],
    ['plates on 2 SUVs', []],
    ['no plates', []],
    ['placas tapadas', []],
    ['tag team', []],
    ['Lic. García dijo que sí', []],
    // All capitals: too many capitalized words to guess a state prefix from.
    ['ICE OR 10 MIN AGO IN 2 SUVS', []],
    // A state prefix needs capitals in mixed-case text.
    ['they were in ab 12 cd', []],
    ['OK 2 more agents', []],
  ])('%j', (text, expected) => {
    expect(extractPlates(text)).toEqual(expected);
  });

  it('stops at 20 plates', () => {
    const text = `plates ${Array.from({ length: 30 }, (_, i) => `AB${100 + i}`).join(', ')}`;
    expect(extractPlates(text)).toHaveLength(20);
  });
});
