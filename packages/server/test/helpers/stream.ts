import type { IncomingMessage } from 'node:http';
import { STREAM_PROTOCOL_VERSION } from '@tocsin/core';
import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import { eventually } from './harness';

export interface StreamMessage {
  type: string;
  id?: string;
  seq?: number;
  kind?: string;
  incident?: {
    id: string;
    state: string;
    reporters: number;
    location: { lat: number; lng: number };
  };
}

/** The upgrade's Sec-WebSocket-Version as text, as every real request carries it. */
function versionAsText(req: IncomingMessage): void {
  const version: unknown = req.headers['sec-websocket-version'];
  if (typeof version === 'number') req.headers['sec-websocket-version'] = String(version);
}

/**
 * `app.injectWS(path)`, its upgrade made as a real client makes it. @fastify/websocket's injectWS
 * (11.3.7 and before) puts the number 13 in the request's Sec-WebSocket-Version header, where
 * Node always gives a string; ws 8.23.1 compares the header with '13' as text and answers 400.
 * The listener turns the number into text before @fastify/websocket's own 'upgrade' listener
 * hands the request to ws (the header is set by the injector, never by a test).
 */
export async function injectStream(
  app: FastifyInstance,
  path = '/api/v1/stream',
): Promise<WebSocket> {
  app.server.prependListener('upgrade', versionAsText);
  try {
    return await app.injectWS(path);
  } finally {
    app.server.removeListener('upgrade', versionAsText);
  }
}

/** A stream client over app.injectWS that records every message it gets. */
export class StreamClient {
  readonly messages: StreamMessage[] = [];
  closed: { code: number; reason: string } | null = null;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (raw: Buffer) =>
      this.messages.push(JSON.parse(raw.toString()) as StreamMessage),
    );
    socket.on(
      'close',
      (code: number, reason: Buffer) => (this.closed = { code, reason: reason.toString() }),
    );
  }

  /** Opens the stream, says hello and waits for `ready`. */
  static async open(
    app: FastifyInstance,
    hello: {
      token?: string;
      since?: number;
      location?: { lat: number; lng: number };
      meetingId?: string;
    },
  ): Promise<StreamClient> {
    const socket = await injectStream(app);
    const client = new StreamClient(socket);
    socket.send(JSON.stringify({ type: 'hello', v: STREAM_PROTOCOL_VERSION, ...hello }));
    await eventually(() => {
      if (client.closed) throw new Error(`closed ${client.closed.code} ${client.closed.reason}`);
      if (!client.messages.some((m) => m.type === 'ready')) throw new Error('no ready yet');
    });
    return client;
  }

  get alerts(): StreamMessage[] {
    return this.messages.filter((m) => m.type === 'alert');
  }

  kinds(): string[] {
    return this.alerts.map((m) => m.kind ?? '');
  }

  send(message: object): void {
    this.socket.send(JSON.stringify(message));
  }

  close(): void {
    this.socket.terminate();
  }
}
