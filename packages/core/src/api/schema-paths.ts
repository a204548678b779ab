import { z } from 'zod';

// Reading a request schema of the contract as JSON Schema: where it takes strings. The contract
// test and the server's fuzz suite use it to reach every string field of every route.

export type FieldPath = (string | number)[];

/** The parts of JSON Schema that say where a value goes. */
export interface JsonSchemaNode {
  type?: string | string[];
  properties?: Record<string, JsonSchemaNode>;
  required?: string[];
  items?: JsonSchemaNode;
  anyOf?: JsonSchemaNode[];
  oneOf?: JsonSchemaNode[];
  allOf?: JsonSchemaNode[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
}

/** A request schema as JSON Schema, as a client sees it (its input). */
export function requestJsonSchema(schema: z.ZodType): JsonSchemaNode {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchemaNode;
}

/** Every string a JSON Schema takes, with its path (arrays: their first item) and node. */
export function stringNodes(
  node: JsonSchemaNode,
  prefix: FieldPath = [],
): { path: FieldPath; node: JsonSchemaNode }[] {
  const types = Array.isArray(node.type) ? node.type : node.type ? [node.type] : [];
  const found = types.includes('string') ? [{ path: prefix, node }] : [];
  for (const [key, inner] of Object.entries(node.properties ?? {})) {
    found.push(...stringNodes(inner, [...prefix, key]));
  }
  if (node.items) found.push(...stringNodes(node.items, [...prefix, 0]));
  for (const inner of [...(node.anyOf ?? []), ...(node.oneOf ?? []), ...(node.allOf ?? [])]) {
    found.push(...stringNodes(inner, prefix));
  }
  const seen = new Set<string>();
  return found.filter(({ path }) => {
    const key = JSON.stringify(path);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
