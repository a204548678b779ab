import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createApp } from '../src/app';
import { createTestContext, type TestContext } from './helpers/harness';

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

/** A hashed asset as the web build writes it: the file, then `.br` and `.gz` beside it. */
const ASSET = 'assets/index-Ab12Cd34.js';
const ASSET_SOURCE = `export const greeting = ${JSON.stringify('hello '.repeat(200))};\n`;
const SHELL = '<!doctype html><title>Tocsin</title>';

interface ErrorBody {
  error: { code: string; message: string; details?: { path: string; message: string }[] };
}

interface OpenApiDoc {
  openapi: string;
  paths: Record<
    string,
    Record<
      string,
      {
        requestBody?: { content: Record<string, { schema: JsonSchema }> };
        responses?: Record<string, { content?: Record<string, { schema: JsonSchema }> }>;
      }
    >
  >;
}

interface JsonSchema {
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
}

/** GET routes under /api/v1 whose answer OpenAPI does not describe, and why. */
const UNDESCRIBED_GETS = [
  // JPEG bytes, not JSON.
  '/api/v1/reports/{reportId}/photos/{photoId}',
  // iCalendar text (RFC 5545), not JSON.
  '/api/v1/bodies/{bodyId}/calendar.ics',
  '/api/v1/me/calendar.ics',
];

function errorOf(response: { json: <T>() => T }): ErrorBody['error'] {
  return response.json<ErrorBody>().error;
}

function expectSecurityHeaders(headers: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(headers[name]).toBe(value);
  const csp = String(headers['content-security-policy']);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
}

describe('HTTP app', () => {
  let t: TestContext;
  let app: FastifyInstance;
  let webDir: string;

  beforeAll(async () => {
    webDir = await mkdtemp(path.join(tmpdir(), 'tocsin-web-'));
    await writeFile(path.join(webDir, 'index.html'), SHELL);
    await writeFile(path.join(webDir, 'index.html.gz'), gzipSync(SHELL));
    await mkdir(path.join(webDir, 'assets'));
    await writeFile(path.join(webDir, ASSET), ASSET_SOURCE);
    await writeFile(path.join(webDir, `${ASSET}.br`), brotliCompressSync(ASSET_SOURCE));
    await writeFile(path.join(webDir, `${ASSET}.gz`), gzipSync(ASSET_SOURCE));
    t = await createTestContext({ env: { TOCSIN_WEB_DIR: webDir, TOCSIN_RATE_LIMIT: '40' } });
    app = await createApp(t.ctx);
    // A route with a strict body, standing in for the real ones the next issues add.
    app.withTypeProvider<ZodTypeProvider>().post(
      '/api/v1/echo',
      {
        config: { auth: 'public' },
        schema: {
          body: z.strictObject({
            salute: z.strictObject({ activity: z.string().max(10), size: z.number().optional() }),
          }),
        },
      },
      (request) => request.body,
    );
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await t.close();
    await rm(webDir, { recursive: true, force: true });
  });

  it('answers liveness and readiness', async () => {
    const health = await app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'ok' });
    const ready = await app.inject({ method: 'GET', url: '/api/v1/ready' });
    expect(ready.json()).toEqual({ status: 'ready', checks: { database: 'ok', bus: 'ok' } });
    expectSecurityHeaders(ready.headers);
  });

  it('names the field for wrong types, missing fields and unknown fields', async () => {
    const wrongType = await app.inject({
      method: 'POST',
      url: '/api/v1/echo',
      payload: { salute: { activity: 42 } },
    });
    expect(wrongType.statusCode).toBe(400);
    expect(errorOf(wrongType).code).toBe('validation_failed');
    expect(errorOf(wrongType).details?.[0]?.path).toBe('salute.activity');

    const missing = await app.inject({
      method: 'POST',
      url: '/api/v1/echo',
      payload: { salute: {} },
    });
    expect(missing.statusCode).toBe(400);
    expect(errorOf(missing).message).toBe('salute.activity: required');

    const unknown = await app.inject({
      method: 'POST',
      url: '/api/v1/echo',
      payload: { salute: { activity: 'x', colour: 'red' } },
    });
    expect(unknown.statusCode).toBe(400);
    expect(errorOf(unknown).details).toEqual([{ path: 'salute.colour', message: 'unknown field' }]);
    expectSecurityHeaders(unknown.headers);
  });

  it('rejects malformed JSON, wrong media types and over-size bodies with 4xx', async () => {
    const malformed = await app.inject({
      method: 'POST',
      url: '/api/v1/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"salute": {',
    });
    expect(malformed.statusCode).toBe(400);
    expect(errorOf(malformed).code).toBe('invalid_json');

    const media = await app.inject({
      method: 'POST',
      url: '/api/v1/echo',
      headers: { 'content-type': 'application/xml' },
      payload: '<salute/>',
    });
    expect(media.statusCode).toBe(415);

    const huge = await app.inject({
      method: 'POST',
      url: '/api/v1/echo',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ salute: { activity: 'x'.repeat(70 * 1024) } }),
    });
    expect(huge.statusCode).toBe(413);
    expect(errorOf(huge).code).toBe('body_too_large');
  });

  it('answers unknown API routes with the error envelope and serves the web app elsewhere', async () => {
    const api = await app.inject({ method: 'GET', url: '/api/v1/nope' });
    expect(api.statusCode).toBe(404);
    expect(errorOf(api).code).toBe('not_found');
    expectSecurityHeaders(api.headers);

    const page = await app.inject({ method: 'GET', url: '/', headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>Tocsin</title>');
    expectSecurityHeaders(page.headers);

    const deepLink = await app.inject({
      method: 'GET',
      url: '/incidents/123',
      headers: { accept: 'text/html' },
    });
    expect(deepLink.statusCode).toBe(200);
    expect(deepLink.body).toContain('<title>Tocsin</title>');
  });

  it('serves precompressed web files to clients that accept them, with long caching only for hashed assets', async () => {
    const get = (url: string, headers: Record<string, string>) =>
      app.inject({ method: 'GET', url, headers });

    const br = await get(`/${ASSET}`, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/^text\/javascript|^application\/javascript/);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(ASSET_SOURCE);
    expectSecurityHeaders(br.headers);

    const gz = await get(`/${ASSET}`, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(ASSET_SOURCE);

    const unencoded: Record<string, string>[] = [{}, { 'accept-encoding': 'identity' }];
    for (const headers of unencoded) {
      const plain = await get(`/${ASSET}`, headers);
      expect(plain.statusCode).toBe(200);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.headers.vary).toMatch(/accept-encoding/i);
      expect(plain.body).toBe(ASSET_SOURCE);
    }

    // The shell, directly and as the SPA fallback: compressed when it can be, never cached stale.
    for (const url of ['/', '/index.html', '/incidents/123']) {
      const shell = await get(url, { accept: 'text/html', 'accept-encoding': 'br, gzip' });
      expect(shell.statusCode).toBe(200);
      expect(shell.headers['content-encoding']).toBe('gzip');
      expect(shell.headers['content-type']).toMatch(/^text\/html/);
      expect(shell.headers['cache-control']).toBe('no-cache');
      expect(gunzipSync(shell.rawPayload).toString()).toBe(SHELL);
      expectSecurityHeaders(shell.headers);
    }
  });

  it('serves OpenAPI generated from the zod schemas, with a viewer', async () => {
    const spec = await app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(spec.statusCode).toBe(200);
    const doc = spec.json<OpenApiDoc>();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/api/v1/health']?.get).toBeDefined();
    const echo = doc.paths['/api/v1/echo']?.post?.requestBody?.content['application/json']?.schema;
    expect(echo?.properties?.salute?.required).toEqual(['activity']);
    const viewer = await app.inject({ method: 'GET', url: '/api/docs' });
    expect([200, 302]).toContain(viewer.statusCode);
  });

  it('describes the answer of the home feed, the incident list and the other GET routes', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json<OpenApiDoc>();
    const answerOf = (url: string) =>
      doc.paths[url]?.get?.responses?.['200']?.content?.['application/json']?.schema;

    const feed = answerOf('/api/v1/me/feed');
    expect(feed?.required).toEqual(['preferences', 'incidents']);
    expect(feed?.properties?.preferences?.required).toEqual(
      expect.arrayContaining(['areaIds', 'places', 'radiusMeters', 'minLevel']),
    );
    const incident = feed?.properties?.incidents?.items;
    expect(incident?.required).toEqual(
      expect.arrayContaining(['id', 'state', 'area', 'location', 'reporters', 'firstReportAt']),
    );
    // The list and the feed describe an incident the same way.
    expect(answerOf('/api/v1/incidents')?.items).toEqual(incident);
    // One incident: the summary's fields, its timeline, and what only the area's staff get.
    const detail = answerOf('/api/v1/incidents/{id}');
    expect(detail?.required).toEqual(expect.arrayContaining([...incident!.required!, 'timeline']));
    expect(Object.keys(detail?.properties ?? {})).toEqual(
      expect.arrayContaining(['independentReporters', 'notSeen', 'reports', 'going', 'photos']),
    );

    const undescribed = Object.entries(doc.paths)
      .filter(([url, methods]) => url.startsWith('/api/v1/') && methods.get)
      .map(([url]) => url)
      .filter((url) => answerOf(url) === undefined);
    expect(undescribed.sort()).toEqual([...UNDESCRIBED_GETS].sort());
  });

  it('rejects cross-origin state-changing requests', async () => {
    const cross = await app.inject({
      method: 'POST',
      url: '/api/v1/echo',
      headers: { origin: 'https://evil.example' },
      payload: { salute: { activity: 'x' } },
    });
    expect(cross.statusCode).toBe(403);
    const site = await app.inject({
      method: 'POST',
      url: '/api/v1/echo',
      headers: { 'sec-fetch-site': 'cross-site' },
      payload: { salute: { activity: 'x' } },
    });
    expect(site.statusCode).toBe(403);
    const same = await app.inject({
      method: 'POST',
      url: '/api/v1/echo',
      headers: { origin: 'http://localhost:80', host: 'localhost:80' },
      payload: { salute: { activity: 'x' } },
    });
    expect(same.statusCode).toBe(200);
  });

  it("does not count the web app's own files against the limit: a hall on one address loads the app", async () => {
    const statuses = new Set<number>();
    for (let i = 0; i < 60; i++) {
      const page = await app.inject({ method: 'GET', url: i % 2 ? '/' : `/${ASSET}` });
      statuses.add(page.statusCode);
    }
    expect([...statuses]).toEqual([200]);
  });

  it('rate-limits per client key with 429 and Retry-After', async () => {
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 45; i++) {
      last = await app.inject({
        method: 'GET',
        url: '/api/v1/echo-missing',
        headers: { authorization: 'Bearer rate-limit-test-token' },
      });
      statuses.push(last.statusCode);
    }
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(last?.statusCode).toBe(429);
    expect(last?.headers['retry-after']).toBeDefined();
    expect(last && errorOf(last).code).toBe('rate_limited');
    // Another client key is not affected.
    const other = await app.inject({
      method: 'GET',
      url: '/api/v1/health',
      headers: { authorization: 'Bearer another-token' },
    });
    expect(other.statusCode).toBe(200);
  });

  it('logs neither client addresses, query strings, bodies nor tokens', async () => {
    await app.inject({
      method: 'POST',
      url: '/api/v1/echo?lat=44.9401&lng=-93.2614',
      remoteAddress: '203.0.113.77',
      headers: { authorization: 'Bearer secret-token-abc' },
      payload: { salute: { activity: 'canaryXYZ' } },
    });
    const text = t.logs.text;
    expect(text).toContain('"route":"/api/v1/echo"');
    for (const forbidden of [
      '203.0.113.77',
      '127.0.0.1',
      '44.9401',
      'canaryXYZ',
      'secret-token-abc',
    ]) {
      expect(text).not.toContain(forbidden);
    }
  });

  it('answers 503 on readiness when the bus is down', async () => {
    const other = await createTestContext();
    const otherApp = await createApp(other.ctx);
    await other.ctx.bus.close();
    const ready = await otherApp.inject({ method: 'GET', url: '/api/v1/ready' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toEqual({
      status: 'not_ready',
      checks: { database: 'ok', bus: 'failing' },
    });
    await otherApp.close();
    await other.close();
  });
});
