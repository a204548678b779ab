import {
  apiV1,
  requestJsonSchema,
  stringNodes,
  type FieldPath,
  type Operation,
} from '@tocsin/core';
import { expect, it } from 'vitest';
import type { z } from 'zod';
import { headersOf } from './authz/targets';
import { loadEntries } from './authz/load-entries';
import { PERSONAS, type MatrixEntry, type Persona } from './authz/types';
import { useWorld } from './authz/world';
import { describeEachDatabase } from './helpers/harness';

// SECURITY 14.1: every string that enters passes one rule. For every route, starting from the
// valid request of a caller the authorization matrix lets through, each string in the body, the
// path and the query is made bad in turn (a NUL, a lone surrogate): the answer is a 400 that names
// the field, never a 5xx. Before the rule, 16 routes answered 500 (display name, notes, reasons,
// group and area names, anything stored as jsonb).

const entries = await loadEntries();
/** Bad strings as a JSON body carries them, and as a URL can (a URL is UTF-8: no lone surrogate). */
const BAD = { nul: 'a\u0000b', 'lone surrogate': 'a\ud800b', 'lone low surrogate': '\udc00' };
const BAD_IN_URL = { nul: 'a%00b', 'invalid UTF-8': 'a%ED%A0%80b' };

type Path = FieldPath;

function stringPaths(schema: z.ZodType): Path[] {
  return stringNodes(requestJsonSchema(schema)).map(({ path }) => path);
}

/** The contract's schemas of a matrix entry's route. */
function operation(entry: MatrixEntry): Operation {
  const key = `${entry.method} ${entry.url}`;
  // The WebSocket stream is not in apiV1; its messages get the rule in the gateway.
  if (key === 'GET /api/v1/stream') return {};
  const op = (apiV1 as Record<string, Operation>)[key];
  if (!op) throw new Error(`${key} is not in the contract`);
  return op;
}

/** Whether the route takes any string at all (params, query or body). */
function hasInput(entry: MatrixEntry): boolean {
  const op = operation(entry);
  return (
    entry.url.includes(':') ||
    (op.querystring
      ? Object.keys(requestJsonSchema(op.querystring).properties ?? {}).length > 0
      : false) ||
    (op.body ? stringPaths(op.body).length > 0 : false)
  );
}

/** The first persona the matrix lets through (a 2xx), if any. */
function allowed(entry: MatrixEntry): Persona | undefined {
  return PERSONAS.find((p) => entry.expect[p] >= 200 && entry.expect[p] < 300);
}

/** A copy of `body` with `value` at `path`, making the objects and arrays on the way. */
function withValueAt(body: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = (
    body !== null && typeof body === 'object'
      ? structuredClone(body)
      : typeof path[0] === 'number'
        ? []
        : {}
  ) as Record<string | number, unknown>;
  const [head, ...rest] = path as [string | number, ...Path];
  copy[head] = withValueAt(copy[head], rest, value);
  return copy;
}

interface Case {
  title: string;
  field: string;
  url: string;
  payload?: unknown;
}

/** Every bad variant of a valid request: one string at a time, wherever the contract takes one. */
function variants(entry: MatrixEntry, url: string, payload: unknown): Case[] {
  const op = operation(entry);
  const cases: Case[] = [];
  const bodyPaths = op.body ? stringPaths(op.body) : [];
  for (const [name, bad] of Object.entries(BAD)) {
    for (const path of bodyPaths) {
      cases.push({
        title: `${name} in body.${path.join('.')}`,
        field: path.join('.') || 'body',
        url,
        payload: withValueAt(payload, path, bad),
      });
    }
  }
  const [pathname = '', query] = url.split('?');
  const queryKeys = op.querystring
    ? Object.keys(requestJsonSchema(op.querystring).properties ?? {})
    : [];
  for (const [name, bad] of Object.entries(BAD_IN_URL)) {
    const segments = pathname.split('/');
    entry.url.split('/').forEach((part, i) => {
      if (!part.startsWith(':')) return;
      const copy = [...segments];
      copy[i] = bad;
      cases.push({
        title: `${name} in params.${part.slice(1)}`,
        field: `params.${part.slice(1)}`,
        url: copy.join('/') + (query === undefined ? '' : `?${query}`),
        payload,
      });
    });
    for (const key of queryKeys) {
      const params = new URLSearchParams(query);
      params.delete(key);
      const rest = params.toString();
      cases.push({
        title: `${name} in querystring.${key}`,
        field: `querystring.${key}`,
        url: `${pathname}?${rest ? `${rest}&` : ''}${key}=${bad}`,
        payload,
      });
    }
  }
  return cases;
}

/** The cases that answered 500 before the rule (measured on main, both databases): kept here so
 * the generated cases can never stop covering them. */
const ANSWERED_500 = [
  'PATCH /api/v1/me :: nul in body.displayName',
  'POST /api/v1/areas :: nul in body.name',
  'POST /api/v1/areas :: nul in body.sector',
  'POST /api/v1/areas/:areaId/groups :: nul in body.name',
  'POST /api/v1/incidents/:id/end :: nul in body.note',
  'POST /api/v1/incidents/:id/verification :: nul in body.note',
  'POST /api/v1/members/:id/suspend :: nul in body.reason',
  'POST /api/v1/members/:id/suspend :: lone surrogate in body.reason',
  'DELETE /api/v1/plates/:plate :: nul in body.reason',
  'DELETE /api/v1/plates/:plate :: lone surrogate in body.reason',
  'POST /api/v1/reports :: lone surrogate in body.salute.activity',
  'POST /api/v1/reports :: lone surrogate in body.salute.location.text',
];

it('covers every case that answered 500 before the rule', () => {
  const covered = new Set(
    entries.flatMap((entry) =>
      variants(entry, entry.url, {}).map((c) => `${entry.method} ${entry.url} :: ${c.title}`),
    ),
  );
  expect(ANSWERED_500.filter((c) => !covered.has(c))).toEqual([]);
});

describeEachDatabase('one rule for every string that enters', (kind) => {
  const world = useWorld(kind);

  for (const entry of entries) {
    const persona = allowed(entry);
    if (!persona) continue;
    it(`${entry.method} ${entry.url}${entry.case ? ` (${entry.case})` : ''}`, async () => {
      const probe = await entry.request(world(), persona);
      const failures: string[] = [];
      let n = 0;
      let refused = 0;
      for (const c of variants(entry, probe.url, probe.payload)) {
        n += 1;
        // Each variant gets a fresh valid request (targets are single-use), then the bad string.
        const valid = await entry.request(world(), persona);
        const fresh = variants(entry, valid.url, valid.payload).find((v) => v.title === c.title);
        if (!fresh) continue;
        const response = await world().app.inject({
          method: entry.method,
          url: fresh.url,
          headers: { ...headersOf(world(), persona), ...valid.headers },
          // Each case from its own address: the auth routes' own rate limits count per client.
          remoteAddress: `10.14.${Math.floor(n / 250)}.${n % 250}`,
          ...(fresh.payload === undefined ? {} : { payload: fresh.payload as object }),
        });
        // A URL that is not UTF-8 is refused before any field is read.
        const named = c.title.startsWith('invalid UTF-8') || response.body.includes(fresh.field);
        // The auth routes' own limits count per caller too: a 429 is no answer about the input.
        if (response.statusCode === 429) continue;
        if (response.statusCode === 400 && named) refused += 1;
        else {
          failures.push(`${c.title} → ${response.statusCode} ${response.body.slice(0, 160)}`);
        }
      }
      expect(failures).toEqual([]);
      if (hasInput(entry)) expect(refused).toBeGreaterThan(0);
    });
  }
});
