import type { JsonSchemaNode } from '@tocsin/core';
import fc from 'fast-check';

// Bad inputs generated from a route's own schema (its JSON Schema, as the contract gives it):
// values of the right shape with a wrong leaf, values of the wrong type, strings that break the
// input rule (NUL, lone surrogates, over-long, not NFC) or the field's own format and bounds.

/** Strings that test the edges of any string field. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme-composite', maxLength: 20 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\ud800',
    'x\udc00y',
    '\ud83d',
    'e\u0301',
    '..',
    '%',
    '%00',
    'null',
    '-1',
    '1e309',
    '9'.repeat(40),
    '<script>',
    "' or 1=1--",
    '\u202e',
    '\ufeff',
  ),
  fc.uuid(),
  fc.nat({ max: 70_000 }).map((n) => 'x'.repeat(n)),
);

const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, 0, -1, 1e308, Number.MAX_SAFE_INTEGER + 2, 0.5, [], {}),
  fc.jsonValue({ maxDepth: 2 }),
  nastyString,
);

function typesOf(node: JsonSchemaNode): string[] {
  if (Array.isArray(node.type)) return node.type;
  if (node.type) return [node.type];
  if (node.properties) return ['object'];
  return [];
}

/** A value for one schema node that is likely wrong in some way, at depth `depth` at most. */
export function badValue(node: JsonSchemaNode, depth = 3): fc.Arbitrary<unknown> {
  const options: fc.Arbitrary<unknown>[] = [wrongType];
  const alternatives = [...(node.anyOf ?? []), ...(node.oneOf ?? [])];
  for (const inner of alternatives) options.push(badValue(inner, depth));
  const types = typesOf(node);
  if (types.includes('string')) {
    options.push(nastyString);
    if (node.maxLength !== undefined) {
      const max = node.maxLength;
      options.push(fc.constantFrom(max, max + 1).map((n) => 'a'.repeat(n)));
    }
    if (node.enum) options.push(fc.constantFrom(...node.enum.map((e) => `${String(e)}\u0000`)));
  }
  if (types.includes('number') || types.includes('integer')) {
    const edges = [node.minimum, node.maximum]
      .filter((n): n is number => n !== undefined)
      .flatMap((n) => [n - 1, n, n + 0.5, n + 1]);
    options.push(fc.oneof(fc.double({ noNaN: true }), fc.integer(), fc.constantFrom(0, ...edges)));
  }
  if (types.includes('array') && depth > 0) {
    const item = node.items ? badValue(node.items, depth - 1) : wrongType;
    options.push(fc.array(item, { maxLength: (node.maxItems ?? 3) + 2 }));
  }
  if ((types.includes('object') || node.properties) && depth > 0) {
    const props = Object.entries(node.properties ?? {});
    options.push(
      fc.record(
        Object.fromEntries(props.map(([key, inner]) => [key, badValue(inner, depth - 1)])),
        { requiredKeys: [] },
      ),
      // The right shape plus a field the schema does not know.
      fc
        .tuple(
          fc.record(
            Object.fromEntries(props.map(([key, inner]) => [key, badValue(inner, depth - 1)])),
            { requiredKeys: [] },
          ),
          nastyString,
          wrongType,
        )
        .map(([record, key, value]) => ({ ...record, [key]: value })),
    );
  }
  return fc.oneof(...options);
}

/** A percent-encoded form of a string for a URL, keeping lone surrogates as invalid UTF-8. */
export function urlEncode(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code >= 0xd800 && code <= 0xdfff) {
      // A lone surrogate, written as the three bytes a careless encoder would send.
      out += `%${(0xe0 | (code >> 12)).toString(16)}%${(0x80 | ((code >> 6) & 0x3f)).toString(16)}%${(0x80 | (code & 0x3f)).toString(16)}`;
    } else out += encodeURIComponent(char);
  }
  return out;
}
