import { apiV1, type Operation } from '@tocsin/core';
import Fastify, { type FastifyInstance, type HTTPMethods } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createApp } from '../src/app';
import { installDocs } from '../src/platform/http/docs';
import { createTestContext, type TestContext } from './helpers/harness';

// The contract of API v1 is core's apiV1 table. The served OpenAPI document must describe every
// operation with exactly the schemas of its entry: a route that declares its own body, query,
// params or answer (even a copy that merely looks the same today) drifts from what the web app
// compiles against, and this test names it.

type OpenApiOperation = Record<string, unknown>;
type OpenApiDoc = { paths: Record<string, Record<string, OpenApiOperation>> };

/** What a route's schema becomes in OpenAPI; summaries and tags are the route's own. */
const SCHEMA_PARTS = ['parameters', 'requestBody', 'responses'] as const;
const API_PREFIX = '/api/v1/';

/** 'POST /api/v1/incidents/:id/end' as OpenAPI names it: post, /api/v1/incidents/{id}/end. */
function openApiOperationOf(key: string): { method: string; path: string } {
  const [method = '', url = ''] = key.split(' ');
  return { method: method.toLowerCase(), path: url.replace(/:([A-Za-z]+)/g, '{$1}') };
}

function operationsOf(doc: OpenApiDoc): Map<string, OpenApiOperation> {
  const operations = new Map<string, OpenApiOperation>();
  for (const [path, methods] of Object.entries(doc.paths)) {
    if (!path.startsWith(API_PREFIX)) continue;
    for (const [method, operation] of Object.entries(methods)) {
      operations.set(`${method} ${path}`, operation);
    }
  }
  return operations;
}

/** The OpenAPI document of a bare app that routes exactly the given table, and nothing else. */
async function referenceDocument(table: Record<string, Operation>): Promise<OpenApiDoc> {
  const app = Fastify({ logger: false });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await installDocs(app);
  for (const [key, schema] of Object.entries(table)) {
    const [method = '', url = ''] = key.split(' ') as [HTTPMethods, string];
    app.route({ method, url, schema, handler: () => null });
  }
  await app.ready();
  const doc = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json<OpenApiDoc>();
  await app.close();
  return doc;
}

/** Every way the served document departs from the table: one line per operation and part. */
function contractMismatches(
  served: OpenApiDoc,
  table: Record<string, Operation>,
  reference: OpenApiDoc,
): string[] {
  const mismatches: string[] = [];
  const expected = operationsOf(reference);
  const byOperation = new Map<string, string>(
    Object.keys(table).map((key) => {
      const { method, path } = openApiOperationOf(key);
      return [`${method} ${path}`, key] as const;
    }),
  );
  for (const [operation, described] of operationsOf(served)) {
    const key = byOperation.get(operation);
    const want = expected.get(operation);
    if (!key || !want) {
      mismatches.push(`${operation}: no entry in core's apiV1`);
      continue;
    }
    for (const part of SCHEMA_PARTS) {
      if (JSON.stringify(described[part]) !== JSON.stringify(want[part])) {
        mismatches.push(`${key}: ${part} is not the schema of its apiV1 entry`);
      }
    }
  }
  for (const operation of expected.keys()) {
    if (!operationsOf(served).has(operation)) mismatches.push(`${operation}: entry has no route`);
  }
  return mismatches;
}

describe('API v1 contract', () => {
  let t: TestContext;
  let app: FastifyInstance;
  let served: OpenApiDoc;
  let reference: OpenApiDoc;

  beforeAll(async () => {
    t = await createTestContext();
    app = await createApp(t.ctx);
    served = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json<OpenApiDoc>();
    reference = await referenceDocument(apiV1);
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it('describes every operation with the schemas of its entry in core, and nothing else', () => {
    expect(contractMismatches(served, apiV1, reference)).toEqual([]);
    expect(operationsOf(served).size).toBe(Object.keys(apiV1).length);
  });

  it('names a route whose schema is its own rather than the one from core', async () => {
    const key = 'POST /api/v1/members/:id/suspend';
    // A look-alike: the same fields, a looser limit.
    const drifted = {
      ...apiV1,
      [key]: { ...apiV1[key], body: z.strictObject({ reason: z.string().trim().min(1) }) },
    };
    const driftedDoc = await referenceDocument(drifted);
    expect(contractMismatches(driftedDoc, apiV1, reference)).toEqual([
      `${key}: requestBody is not the schema of its apiV1 entry`,
    ]);
  });

  it('names an operation that has no entry in core', () => {
    const { 'GET /api/v1/city': _city, ...withoutCity } = apiV1;
    void _city;
    expect(contractMismatches(served, withoutCity, reference)).toContain(
      "get /api/v1/city: no entry in core's apiV1",
    );
  });
});
