import { STREAM_PROTOCOL_VERSION } from '@tocsin/core';
import { expect, it } from 'vitest';
import { revokeSession } from '../../src/membership/auth/sessions.repository';
import { describeEachDatabase, eventually } from '../helpers/harness';
import { recordFigure } from '../helpers/figures';
import { headersOf, newMember } from './targets';
import { loadEntries } from './load-entries';
import { PERSONAS, type MatrixEntry } from './types';
import { useWorld } from './world';
import { injectStream } from '../helpers/stream';

// The authorization matrix (SECURITY 8): every API route × every persona, with the exact status
// each must get. Entries live in entries/<module>.ts, one file per module; a route without an
// entry, or an entry without a route, fails the first test below.

const entries = await loadEntries();

const routeOf = (route: { method: string; url: string }) => `${route.method} ${route.url}`;
const titleOf = (entry: MatrixEntry) =>
  entry.case ? `${routeOf(entry)} (${entry.case})` : routeOf(entry);

/** Whether a concrete path (query string aside) is one the route pattern matches. */
function matchesPattern(pattern: string, url: string): boolean {
  const path = url.split('?')[0] ?? url;
  const regex = pattern
    .split('/')
    .map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${regex}/?$`).test(path);
}

describeEachDatabase('authorization matrix', (kind) => {
  const world = useWorld(kind);

  it('every API route has an entry and every entry names a route', () => {
    const routes = new Set(world().app.apiRoutes.map(routeOf));
    const covered = new Set(entries.map(routeOf));
    const missing = [...routes].filter((route) => !covered.has(route)).sort();
    const stale = [...covered].filter((route) => !routes.has(route)).sort();
    const titles = entries.map(titleOf);
    const duplicated = titles.filter((title, i) => titles.indexOf(title) !== i);
    expect(
      { missing, stale, duplicated },
      'add an entry to test/authz/entries/<module>.ts for each missing route; ' +
        'give entries of one route distinct `case`s',
    ).toEqual({ missing: [], stale: [], duplicated: [] });
  });

  for (const entry of entries) {
    for (const persona of PERSONAS) {
      const status = entry.expect[persona];
      const issue = entry.knownIssues?.[persona];
      const title = `${titleOf(entry)} as ${persona} → ${status}`;
      const test = async () => {
        const request = await entry.request(world(), persona);
        expect(matchesPattern(entry.url, request.url), `${request.url} is not ${entry.url}`).toBe(
          true,
        );
        const response = await world().app.inject({
          method: entry.method,
          url: request.url,
          headers: { ...headersOf(world(), persona), ...request.headers },
          ...(request.payload === undefined ? {} : { payload: request.payload as object }),
        });
        const failed = response.statusCode === status ? 0 : 1;
        recordFigure('authz-matrix', 'authz/matrix.test.ts', kind, {
          tested: 1,
          failed,
          knownIssue: issue ? 1 : 0,
        });
        expect(response.statusCode, response.body).toBe(status);
      };
      if (issue) it.fails(`${title} (known issue: ${issue})`, test);
      else it(title, test);
    }
  }

  // The stream authenticates in its first message, not in the upgrade request.
  async function hello(token?: string): Promise<{ closed: number | null; types: string[] }> {
    const socket = await injectStream(world().app);
    const types: string[] = [];
    let closed: number | null = null;
    socket.on('message', (raw: Buffer) =>
      types.push((JSON.parse(raw.toString()) as { type: string }).type),
    );
    socket.on('close', (code: number) => (closed = code));
    socket.send(
      JSON.stringify({ type: 'hello', v: STREAM_PROTOCOL_VERSION, ...(token ? { token } : {}) }),
    );
    await eventually(() => {
      if (closed === null && !types.includes('ready')) throw new Error('no answer to hello yet');
    });
    socket.terminate();
    return { closed, types };
  }

  const refused = { closed: 4401, types: [] };
  const admitted = { closed: null, types: ['ready'] };
  /** Checks one stream cell, counting it for the security report first. */
  const expectHello = (answer: Awaited<ReturnType<typeof hello>>, expected: typeof answer) => {
    const failed = JSON.stringify(answer) === JSON.stringify(expected) ? 0 : 1;
    recordFigure('authz-matrix', 'authz/matrix.test.ts', kind, {
      tested: 1,
      failed,
      knownIssue: 0,
    });
    expect(answer).toEqual(expected);
  };

  for (const persona of PERSONAS) {
    const expected = persona === 'anonymous' ? 'close 4401' : 'ready';
    it(`GET /api/v1/stream (WebSocket hello) as ${persona} → ${expected}`, async () => {
      if (persona === 'anonymous') expectHello(await hello(), refused);
      else expectHello(await hello(world().members[persona].token), admitted);
    });
  }

  it('GET /api/v1/stream (WebSocket hello) with an unknown token → close 4401', async () => {
    expectHello(await hello('x'.repeat(43)), refused);
  });

  it("GET /api/v1/stream (WebSocket hello) with a revoked session's token → close 4401", async () => {
    const member = await newMember(world());
    await revokeSession(world().ctx.db, member.id, member.sessionId, world().ctx.clock.now());
    expectHello(await hello(member.token), refused);
  });
});
