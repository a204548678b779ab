import { z } from 'zod';

// The one rule for every string that enters through the API: request bodies, query strings, path
// parameters, WebSocket messages, and whatever of them is kept as jsonb. The server applies it
// before any route schema (its validator compiler and the stream gateway call `parseInput`), so
// no schema can forget it: PostgreSQL refuses NUL in text and lone surrogates in jsonb, and such
// input must be a 400 that names the field, never a 500.

/** Longest string accepted anywhere in a request (a passkey attestation is the longest a route
 * takes), before a schema's own smaller cap. */
export const INPUT_STRING_MAX = 32_768;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const INPUT_MESSAGES = {
  nul: 'must not contain NUL characters',
  surrogate: 'must not contain unpaired UTF-16 surrogates',
  tooLong: `longer than ${INPUT_STRING_MAX} characters`,
  key: 'field name must not contain NUL characters or unpaired surrogates',
} as const;

/** What is wrong with a string that enters, or null when it may enter. */
export function textProblem(text: string): string | null {
  if (text.includes('\u0000')) return INPUT_MESSAGES.nul;
  if (LONE_SURROGATE.test(text)) return INPUT_MESSAGES.surrogate;
  return null;
}

export interface InputIssue {
  path: (string | number)[];
  message: string;
}

export interface CleanInput {
  /** The input with every string in Unicode NFC (a copy; the input is not changed). */
  value: unknown;
  issues: InputIssue[];
}

/**
 * Whether a value is a record of fields to walk: any object but binary data and dates. Parsed
 * query strings are records with a prototype of their own (not Object.prototype), so the test is
 * on what is not text, not on the prototype.
 */
function isPlainRecord(value: object): value is Record<string, unknown> {
  return !ArrayBuffer.isView(value) && !(value instanceof ArrayBuffer) && !(value instanceof Date);
}

function clean(value: unknown, path: (string | number)[], issues: InputIssue[]): unknown {
  if (typeof value === 'string') {
    const problem = textProblem(value);
    if (problem) {
      issues.push({ path, message: problem });
      return value;
    }
    const normal = value.normalize('NFC');
    if (normal.length > INPUT_STRING_MAX) issues.push({ path, message: INPUT_MESSAGES.tooLong });
    return normal;
  }
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item, i) => clean(item, [...path, i], issues));
  // Buffers and other non-JSON objects (an uploaded photo's bytes) are not text.
  if (!isPlainRecord(value)) return value;
  const out = Object.create(Object.getPrototypeOf(value) as object | null) as Record<
    string,
    unknown
  >;
  for (const [key, item] of Object.entries(value)) {
    if (textProblem(key)) {
      issues.push({ path: [...path, key], message: INPUT_MESSAGES.key });
      continue;
    }
    out[key] = clean(item, [...path, key], issues);
  }
  return out;
}

/**
 * Applies the rule to a request part (any JSON value, a parsed query string or path parameters):
 * every string, at any depth, is refused if it holds a NUL or a lone surrogate or is longer than
 * INPUT_STRING_MAX, and is otherwise normalized to NFC.
 */
export function cleanInput(value: unknown): CleanInput {
  const issues: InputIssue[] = [];
  const cleaned = clean(value, [], issues);
  return { value: cleaned, issues };
}

/**
 * Parses a request part with its schema after the one rule: what every route and the stream use
 * instead of calling `schema.safeParse` on raw input. An issue names the field by its path.
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  data: unknown,
): z.ZodSafeParseResult<z.output<S>> {
  const { value, issues } = cleanInput(data);
  if (issues.length > 0) {
    const error = new z.ZodRealError(
      issues.map((issue) => ({
        code: 'custom' as const,
        path: issue.path,
        message: issue.message,
        input: undefined,
      })),
    ) as z.ZodError<z.output<S>>;
    return { success: false, error };
  }
  return schema.safeParse(value);
}
