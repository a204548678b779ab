import fc from 'fast-check';
import { expect, it } from 'vitest';
import { headersOf } from './authz/targets';
import { loadEntries } from './authz/load-entries';
import type { MatrixEntry, Persona } from './authz/types';
import { useWorld } from './authz/world';
import { recordFigure } from './helpers/figures';
import { fuzzSeed, replayWith } from './helpers/fuzz-seed';
import { describeEachDatabase } from './helpers/harness';

// SECURITY 10: bad input never makes a 5xx. Every API route, starting from the valid request the
// authorization matrix builds for it, gets one thing broken: the whole body, one field, a path
// parameter, the query string, the JSON itself or its content type. The breakages come from a
// seed that every failure names: TOCSIN_FUZZ_SEED=<seed> makes the same ones again.

const RUNS = 600;
const SEED = fuzzSeed();
const CALLERS: Persona[] = ['anonymous', 'probation', 'member', 'organizer', 'admin'];
const entries = await loadEntries();

type Breakage =
  | { kind: 'body'; value: unknown }
  | { kind: 'field'; pick: number; value: unknown }
  | { kind: 'extra'; key: string; value: unknown }
  | { kind: 'param'; pick: number; value: string }
  | { kind: 'query'; key: string; value: string }
  | { kind: 'raw'; text: string }
  | { kind: 'type'; contentType: string };

const nasty = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    '..',
    '%',
    '%00',
    'null',
    '-1',
    '1e309',
    '9'.repeat(40),
    '<script>',
    "' or 1=1--",
  ),
  fc.uuid(),
);
const jsonish = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  nasty,
  fc.constantFrom(null, -1, 1e308, Number.MAX_SAFE_INTEGER + 2, 'x'.repeat(70_000)),
);
const breakage: fc.Arbitrary<Breakage> = fc.oneof(
  fc.record({ kind: fc.constant('body' as const), value: jsonish }),
  fc.record({ kind: fc.constant('field' as const), pick: fc.nat(), value: jsonish }),
  fc.record({
    kind: fc.constant('extra' as const),
    key: fc.string({ maxLength: 12 }),
    value: jsonish,
  }),
  fc.record({ kind: fc.constant('param' as const), pick: fc.nat(), value: nasty }),
  fc.record({
    kind: fc.constant('query' as const),
    key: fc.constantFrom('since', 'days', 'limit', 'areaId', 'plate', 'q', 'lat', 'lng', 'x'),
    value: nasty,
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
);

/** Paths to every value inside a JSON body, objects and arrays alike. */
function leafPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return prefix.length ? [prefix] : [];
  const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  const inner = keys.flatMap((k) =>
    leafPaths((value as Record<string, unknown>)[k], [...prefix, k]),
  );
  return prefix.length ? [prefix, ...inner] : inner;
}

function withValueAt(body: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let at = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (last !== undefined) at[last] = value;
  return copy;
}

interface Request {
  url: string;
  headers: Record<string, string>;
  payload?: string | object;
}

/** The valid request with one thing broken. */
function broken(entry: MatrixEntry, valid: Request, b: Breakage): Request {
  const json = (payload: unknown) => ({ ...valid, payload: JSON.stringify(payload) ?? 'null' });
  const body = (valid.payload ?? {}) as unknown;
  switch (b.kind) {
    case 'body':
      return {
        ...json(b.value),
        headers: { ...valid.headers, 'content-type': 'application/json' },
      };
    case 'field': {
      const paths = leafPaths(body);
      const path = paths[b.pick % Math.max(paths.length, 1)];
      return path
        ? { ...valid, payload: withValueAt(body, path, b.value) as object }
        : json(b.value);
    }
    case 'extra':
      return typeof body === 'object' && body !== null && !Array.isArray(body)
        ? { ...valid, payload: { ...body, [b.key]: b.value } }
        : json({ [b.key]: b.value });
    case 'param': {
      const [path = '', query] = valid.url.split('?');
      const segments = path.split('/');
      const params = entry.url.split('/').flatMap((part, i) => (part.startsWith(':') ? [i] : []));
      const index = params[b.pick % Math.max(params.length, 1)];
      if (index === undefined) return { ...valid, url: `${path}/${encodeURIComponent(b.value)}` };
      segments[index] = encodeURIComponent(b.value);
      return { ...valid, url: segments.join('/') + (query === undefined ? '' : `?${query}`) };
    }
    case 'query': {
      const joiner = valid.url.includes('?') ? '&' : '?';
      return { ...valid, url: `${valid.url}${joiner}${b.key}=${encodeURIComponent(b.value)}` };
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

describeEachDatabase('bad input on every route', (kind) => {
  const world = useWorld(kind);

  it(`answers ${RUNS} broken requests across every route without a 5xx`, async () => {
    let tried = 0;
    const failures: string[] = [];
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...entries),
          fc.constantFrom(...CALLERS),
          breakage,
          async (entry, persona, b) => {
            const valid = await entry.request(world(), persona);
            const request = broken(
              entry,
              {
                url: valid.url,
                headers: { ...headersOf(world(), persona), ...valid.headers },
                ...(valid.payload === undefined ? {} : { payload: valid.payload as object }),
              },
              b,
            );
            const response = await world().app.inject({
              method: entry.method,
              url: request.url,
              headers: request.headers,
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
        { numRuns: RUNS, seed: SEED },
      );
    } finally {
      recordFigure('bad-inputs', 'fuzz.test.ts', kind, { tried, serverErrors: failures.length });
    }
    expect(failures, replayWith(SEED)).toEqual([]);
  });
});
