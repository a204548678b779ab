import { apiV1, requestJsonSchema, type JsonSchemaNode, type Operation } from '@tocsin/core';
import fc from 'fast-check';
import { afterAll, expect, it } from 'vitest';
import { headersOf } from './authz/targets';
import { loadEntries } from './authz/load-entries';
import { PERSONAS, type MatrixEntry, type MatrixRequest, type Persona } from './authz/types';
import { useWorld } from './authz/world';
import { recordFigure } from './helpers/figures';
import { fuzzSeed, replayWith } from './helpers/fuzz-seed';
import { describeEachDatabase } from './helpers/harness';
import { badValue, nastyString, urlEncode } from './helpers/schema-arbitrary';

// SECURITY 10 and issue 14: bad input never makes a 5xx. Every API route and method gets the
// same share of TOTAL generated bad requests, each starting from the valid request the
// authorization matrix builds for it with one thing broken. The breakages are generated from the
// route's own schemas in the contract (its body, a field of it, a path parameter, the query
// string), plus malformed JSON and wrong content types. They come from a seed that every failure
// names: TOCSIN_FUZZ_SEED=<seed> makes the same ones again.

const TOTAL = 10_000;
const SEED = fuzzSeed();
const entries = await loadEntries();
const RUNS_PER_ROUTE = Math.ceil(TOTAL / entries.length);

/** The contract's schemas of an entry's route, as JSON Schema (the stream has none). */
function schemasOf(entry: MatrixEntry): Partial<Record<keyof Operation, JsonSchemaNode>> {
  const op = (apiV1 as Record<string, Operation>)[`${entry.method} ${entry.url}`] ?? {};
  return {
    ...(op.body ? { body: requestJsonSchema(op.body) } : {}),
    ...(op.params ? { params: requestJsonSchema(op.params) } : {}),
    ...(op.querystring ? { querystring: requestJsonSchema(op.querystring) } : {}),
  };
}

/** Every property of a schema with its path (arrays: their first item). */
function fieldNodes(
  node: JsonSchemaNode,
  prefix: (string | number)[] = [],
): { path: (string | number)[]; node: JsonSchemaNode }[] {
  const found = prefix.length ? [{ path: prefix, node }] : [];
  for (const [key, inner] of Object.entries(node.properties ?? {})) {
    found.push(...fieldNodes(inner, [...prefix, key]));
  }
  if (node.items) found.push(...fieldNodes(node.items, [...prefix, 0]));
  for (const inner of [...(node.anyOf ?? []), ...(node.oneOf ?? [])]) {
    found.push(...fieldNodes(inner, prefix).filter((f) => f.path.length > prefix.length));
  }
  return found;
}

type Breakage =
  | { kind: 'body'; value: unknown }
  | { kind: 'field'; path: (string | number)[]; value: unknown }
  | { kind: 'param'; name: string; value: string }
  | { kind: 'query'; value: Record<string, unknown> }
  | { kind: 'raw'; text: string }
  | { kind: 'type'; contentType: string };

/** The breakages of one route, generated from its schemas. */
function breakages(entry: MatrixEntry): fc.Arbitrary<Breakage> {
  const schemas = schemasOf(entry);
  const options: fc.Arbitrary<Breakage>[] = [
    fc.record({
      kind: fc.constant('body' as const),
      value: schemas.body ? badValue(schemas.body) : fc.jsonValue({ maxDepth: 2 }),
    }),
    fc.record({ kind: fc.constant('raw' as const), text: fc.string({ maxLength: 200 }) }),
    fc.record({
      kind: fc.constant('type' as const),
      contentType: fc.constantFrom(
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/json; charset=utf-16',
      ),
    }),
    fc.record({
      kind: fc.constant('query' as const),
      value: schemas.querystring
        ? (badValue(schemas.querystring).filter(
            (v) => v !== null && typeof v === 'object' && !Array.isArray(v),
          ) as fc.Arbitrary<Record<string, unknown>>)
        : fc.dictionary(nastyString, nastyString, { maxKeys: 2 }),
    }),
  ];
  const fields = schemas.body ? fieldNodes(schemas.body) : [];
  if (fields.length > 0) {
    options.push(
      fc.constantFrom(...fields).chain(({ path, node }) =>
        fc.record({
          kind: fc.constant('field' as const),
          path: fc.constant(path),
          value: badValue(node),
        }),
      ),
    );
  }
  const params = Object.entries(schemas.params?.properties ?? {});
  if (params.length > 0) {
    options.push(
      fc.constantFrom(...params).chain(([name, node]) =>
        fc.record({
          kind: fc.constant('param' as const),
          name: fc.constant(name),
          value: fc.oneof(
            nastyString,
            badValue(node, 0).map((v) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''))),
          ),
        }),
      ),
    );
  }
  return fc.oneof(...options);
}

function withValueAt(body: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = (
    body !== null && typeof body === 'object'
      ? structuredClone(body)
      : typeof path[0] === 'number'
        ? []
        : {}
  ) as Record<string | number, unknown>;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  copy[head] = withValueAt(copy[head], rest, value);
  return copy;
}

interface Request {
  url: string;
  headers: Record<string, string>;
  payload?: string | object;
}

/** The valid request with one thing broken. */
function broken(entry: MatrixEntry, valid: Request, b: Breakage): Request {
  const json = (payload: unknown) => ({
    ...valid,
    headers: { ...valid.headers, 'content-type': 'application/json' },
    payload: JSON.stringify(payload) ?? 'null',
  });
  const body = (valid.payload ?? {}) as unknown;
  const [path = '', query] = valid.url.split('?');
  switch (b.kind) {
    case 'body':
      return json(b.value);
    case 'field':
      return json(withValueAt(body, b.path, b.value));
    case 'param': {
      const segments = path.split('/');
      const index = entry.url.split('/').indexOf(`:${b.name}`);
      if (index >= 0) segments[index] = urlEncode(b.value);
      return { ...valid, url: segments.join('/') + (query === undefined ? '' : `?${query}`) };
    }
    case 'query': {
      const pairs = Object.entries(b.value).map(
        ([key, value]) =>
          `${urlEncode(key)}=${urlEncode(typeof value === 'string' ? value : (JSON.stringify(value) ?? ''))}`,
      );
      return { ...valid, url: pairs.length ? `${path}?${pairs.join('&')}` : path };
    }
    case 'raw':
      return {
        ...valid,
        headers: { ...valid.headers, 'content-type': 'application/json' },
        payload: b.text,
      };
    case 'type':
      return {
        ...valid,
        headers: { ...valid.headers, 'content-type': b.contentType },
        payload: JSON.stringify(body),
      };
  }
}

/** Who calls a route: the first persona the matrix lets through, a plain member, nobody. */
function callers(entry: MatrixEntry): Persona[] {
  const allowed = PERSONAS.find((p) => entry.expect[p] >= 200 && entry.expect[p] < 300);
  return [...new Set<Persona>([allowed ?? 'member', 'member', 'anonymous'])];
}

describeEachDatabase('bad input on every route', (kind) => {
  const world = useWorld(kind);
  let tried = 0;
  const failures: string[] = [];
  afterAll(() => {
    recordFigure('bad-inputs', 'fuzz.test.ts', kind, { tried, serverErrors: failures.length });
  });

  // Valid requests are built once per route and caller: most broken ones are refused before
  // anything is done, and one that goes through only spends its target (a 4xx afterwards).
  const valid = new Map<string, Promise<MatrixRequest>>();
  function validRequest(entry: MatrixEntry, persona: Persona): Promise<MatrixRequest> {
    const key = `${entry.method} ${entry.url} ${entry.case ?? ''} ${persona}`;
    let request = valid.get(key);
    if (!request) valid.set(key, (request = entry.request(world(), persona)));
    return request;
  }

  for (const entry of entries) {
    const title = `${entry.method} ${entry.url}${entry.case ? ` (${entry.case})` : ''}`;
    it(`answers ${RUNS_PER_ROUTE} generated bad requests to ${title} without a 5xx`, async () => {
      let sent = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...callers(entry)),
          breakages(entry),
          async (persona, b) => {
            const base = await validRequest(entry, persona);
            const request = broken(
              entry,
              {
                url: base.url,
                headers: { ...headersOf(world(), persona), ...base.headers },
                ...(base.payload === undefined ? {} : { payload: base.payload as object }),
              },
              b,
            );
            sent += 1;
            const response = await world().app.inject({
              method: entry.method,
              url: request.url,
              headers: request.headers,
              // The auth routes' own limits count per address: spread the requests out.
              remoteAddress: `10.15.${(sent >> 8) & 255}.${sent & 255}`,
              ...(request.payload === undefined ? {} : { payload: request.payload }),
            });
            tried += 1;
            if (response.statusCode >= 500) {
              failures.push(`${entry.method} ${request.url} → ${response.statusCode}`);
            }
            expect(
              response.statusCode,
              `${entry.method} ${request.url} (${replayWith(SEED)}): ${response.body}`,
            ).toBeLessThan(500);
          },
        ),
        { numRuns: RUNS_PER_ROUTE, seed: SEED },
      );
      expect(sent).toBe(RUNS_PER_ROUTE);
    });
  }

  it(`sent at least ${TOTAL} generated bad requests in all, 0 answered 5xx`, () => {
    expect(tried).toBeGreaterThanOrEqual(TOTAL);
    expect(failures, replayWith(SEED)).toEqual([]);
  });
});
