import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { apiV1, type Operation } from './contract';
import { cleanInput, INPUT_MESSAGES, INPUT_STRING_MAX, parseInput, textProblem } from './input';
import { requestJsonSchema, stringNodes, type FieldPath } from './schema-paths';

const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => [k, ...strings(v)]);
}

function valueAt(path: FieldPath, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string | number, ...FieldPath];
  if (typeof head === 'number') return [valueAt(rest, value)];
  return { [head]: valueAt(rest, value) };
}

const PARTS = ['params', 'querystring', 'body'] as const;

describe('the one input rule', () => {
  it('lets nothing through that holds a NUL or a lone surrogate, and leaves text in NFC', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), fc.string({ unit: 'binary' }), (json, s) => {
        const { value, issues } = cleanInput({ json, s });
        const bad = [s, ...strings(json)].some((t) => textProblem(t) !== null);
        expect(issues.length > 0).toBe(bad);
        if (issues.length === 0) {
          for (const t of strings(value)) {
            expect(t.includes('\u0000') || LONE.test(t)).toBe(false);
            expect(t).toBe(t.normalize('NFC'));
          }
          // Applying it again changes nothing.
          expect(cleanInput(value).value).toEqual(value);
        }
      }),
    );
  });

  it('names the field of each bad string, at any depth', () => {
    const { issues } = cleanInput({ a: [{ b: 'x\u0000' }], c: '\ud800', ['d\u0000']: 1 });
    expect(issues).toEqual([
      { path: ['a', 0, 'b'], message: INPUT_MESSAGES.nul },
      { path: ['c'], message: INPUT_MESSAGES.surrogate },
      { path: ['d\u0000'], message: INPUT_MESSAGES.key },
    ]);
    expect(cleanInput({ ok: '\ud83d\ude00' }).issues).toEqual([]);
    expect(cleanInput('e\u0301').value).toBe('\u00e9');
    expect(cleanInput('x'.repeat(INPUT_STRING_MAX + 1)).issues[0]?.message).toBe(
      INPUT_MESSAGES.tooLong,
    );
  });

  // Every string any route takes gets the rule before its own schema: a NUL or a lone surrogate
  // there is refused under its own path, whatever the route's schema says about it.
  it('reaches every string of every request schema of the contract', () => {
    let reached = 0;
    for (const [key, entry] of Object.entries(apiV1) as [string, Operation][]) {
      for (const part of PARTS) {
        const schema = entry[part];
        if (!schema) continue;
        for (const { path } of stringNodes(requestJsonSchema(schema))) {
          for (const bad of ['a\u0000b', 'a\ud800', '\udc00b']) {
            const result = parseInput(schema, valueAt(path, bad));
            expect(result.success, `${key} ${part}.${path.join('.')}`).toBe(false);
            expect(
              result.error?.issues.map((i) => i.path.join('.')),
              `${key} ${part}.${path.join('.')}`,
            ).toEqual([path.join('.')]);
          }
          reached += 1;
        }
      }
    }
    expect(reached).toBeGreaterThan(50);
  });

  // The length cap: a string a route takes is bounded by its own schema, by an enum or a format,
  // and never beyond INPUT_STRING_MAX.
  it('caps the length of every string a request schema takes', () => {
    const uncapped: string[] = [];
    for (const [key, entry] of Object.entries(apiV1) as [string, Operation][]) {
      for (const part of PARTS) {
        const schema = entry[part];
        if (!schema) continue;
        for (const { path, node } of stringNodes(requestJsonSchema(schema))) {
          const capped =
            (node.maxLength !== undefined && node.maxLength <= INPUT_STRING_MAX) ||
            node.enum !== undefined ||
            node.const !== undefined ||
            node.format !== undefined;
          if (!capped) uncapped.push(`${key} ${part}.${path.join('.')}`);
        }
      }
    }
    expect(uncapped).toEqual([]);
  });

  it('passes good input to the schema, normalized', () => {
    const schema = z.strictObject({ name: z.string().max(5) });
    expect(parseInput(schema, { name: 'Jose\u0301' })).toMatchObject({
      success: true,
      data: { name: 'Jos\u00e9' },
    });
    expect(parseInput(schema, { name: 'toolong' }).success).toBe(false);
  });
});
