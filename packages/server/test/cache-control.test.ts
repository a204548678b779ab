import { expect, it } from 'vitest';
import { headersOf } from './authz/targets';
import { loadEntries } from './authz/load-entries';
import { PERSONAS, type MatrixEntry, type Persona } from './authz/types';
import { useWorld } from './authz/world';
import { describeEachDatabase } from './helpers/harness';

// Issue 14.10: no API answer may stay in a cache of a shared or seized device. Every route of the
// authorization matrix (which the matrix test holds to the app's route table), called by whoever
// it lets through and by nobody, answers with Cache-Control: no-store, errors included; logging
// out tells the browser to clear what it kept.

const entries = await loadEntries();

function callers(entry: MatrixEntry): Persona[] {
  const allowed = PERSONAS.find((p) => entry.expect[p] >= 200 && entry.expect[p] < 300);
  return [...new Set<Persona>([allowed ?? 'member', 'anonymous'])];
}

function noStore(header: string | string[] | number | undefined): boolean {
  return String(header ?? '')
    .split(',')
    .map((d) => d.trim())
    .includes('no-store');
}

describeEachDatabase('no API answer is cached', (kind) => {
  const world = useWorld(kind);

  it('every route answers with Cache-Control: no-store, to every caller', async () => {
    const cached: string[] = [];
    let checked = 0;
    for (const entry of entries) {
      for (const persona of callers(entry)) {
        const request = await entry.request(world(), persona);
        const response = await world().app.inject({
          method: entry.method,
          url: request.url,
          headers: { ...headersOf(world(), persona), ...request.headers },
          ...(request.payload === undefined ? {} : { payload: request.payload as object }),
        });
        checked += 1;
        if (!noStore(response.headers['cache-control'])) {
          cached.push(`${entry.method} ${request.url} as ${persona} → ${response.statusCode}`);
        }
      }
    }
    expect(cached).toEqual([]);
    expect(checked).toBeGreaterThan(entries.length);
  });

  it('so do unknown API paths, bad input and malformed JSON', async () => {
    const app = world().app;
    const answers = await Promise.all([
      app.inject({ method: 'GET', url: '/api/v1/nothing-here' }),
      app.inject({
        method: 'GET',
        url: '/api/v1/incidents/not-a-uuid',
        headers: headersOf(world(), 'member'),
      }),
      app.inject({
        method: 'PATCH',
        url: '/api/v1/me',
        headers: { ...headersOf(world(), 'member'), 'content-type': 'application/json' },
        payload: '{"displayName":',
      }),
    ]);
    for (const response of answers) {
      expect(response.statusCode).toBeGreaterThanOrEqual(400);
      expect(noStore(response.headers['cache-control'])).toBe(true);
    }
  });

  it('logging out clears the browser: cache, cookies and storage', async () => {
    const response = await world().app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: headersOf(world(), 'member'),
    });
    expect(response.statusCode).toBe(204);
    expect(response.headers['clear-site-data']).toBe('"cache", "cookies"');
    expect(noStore(response.headers['cache-control'])).toBe(true);
  });
});
