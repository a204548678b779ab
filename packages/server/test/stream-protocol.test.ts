import { STREAM_CLOSE, STREAM_PROTOCOL_VERSION, streamErrorSchema } from '@tocsin/core';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../src/app';
import { buildMember } from './helpers/factories';
import { createTestContext, describeEachDatabase, type TestContext } from './helpers/harness';
import { injectStream } from './helpers/stream';

// The stream protocol is versioned: a hello names the version it speaks. One that names none,
// or another one, is told which version this server speaks before the socket closes, so an
// old app can say "update me" rather than reconnecting forever.

describeEachDatabase('stream protocol version', (kind) => {
  let t: TestContext;
  let app: FastifyInstance;

  beforeAll(async () => {
    t = await createTestContext({ kind });
    app = await createApp(t.ctx);
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  /** Says `hello` and collects what the server answers until it closes the socket. */
  async function sayHello(hello: object) {
    const socket = await injectStream(app);
    const messages: unknown[] = [];
    socket.on('message', (raw: Buffer) => messages.push(JSON.parse(raw.toString())));
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      socket.once('close', (code: number, reason: Buffer) =>
        resolve({ code, reason: reason.toString() }),
      ),
    );
    socket.send(JSON.stringify({ type: 'hello', ...hello }));
    return { messages, closed: await closed };
  }

  it('answers a hello without a version with an error naming the supported one, then closes', async () => {
    const { token } = await buildMember(t.ctx);
    const { messages, closed } = await sayHello({ token });
    expect(closed.code).toBe(STREAM_CLOSE.unsupportedVersion);
    expect(messages).toHaveLength(1);
    const error = streamErrorSchema.parse(messages[0]);
    expect(error.code).toBe('unsupported_version');
    expect(error.supported).toBe(STREAM_PROTOCOL_VERSION);
    expect(error.message).toContain('no version');
    expect(error.message).toContain(`version ${STREAM_PROTOCOL_VERSION}`);
  });

  it('answers a hello of an unknown version the same way, before looking at its token', async () => {
    const { messages, closed } = await sayHello({ v: STREAM_PROTOCOL_VERSION + 1 });
    expect(closed.code).toBe(STREAM_CLOSE.unsupportedVersion);
    const error = streamErrorSchema.parse(messages[0]);
    expect(error.supported).toBe(STREAM_PROTOCOL_VERSION);
    expect(error.message).toContain(`version ${STREAM_PROTOCOL_VERSION + 1}`);
  });

  it('answers a hello of the current version with ready', async () => {
    const { token } = await buildMember(t.ctx);
    const socket = await injectStream(app);
    const first = new Promise<unknown>((resolve) =>
      socket.once('message', (raw: Buffer) => resolve(JSON.parse(raw.toString()))),
    );
    socket.send(JSON.stringify({ type: 'hello', v: STREAM_PROTOCOL_VERSION, token }));
    expect(await first).toMatchObject({ type: 'ready' });
    socket.terminate();
  });
});
