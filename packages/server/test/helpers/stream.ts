import type { Socket } from 'node:net';
import { Duplex, PassThrough } from 'node:stream';
import { STREAM_PROTOCOL_VERSION } from '@tocsin/core';
import type { FastifyInstance } from 'fastify';
import { WebSocket } from 'ws';
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

/** Two streams joined end to end: what one side writes, the other reads. */
function duplexPair(): [Duplex, Duplex] {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  return [
    Duplex.from({ readable: toServer, writable: toClient }),
    Duplex.from({ readable: toClient, writable: toServer }),
  ];
}

/**
 * A WebSocket to the app's stream without a listening port: the app's HTTP server takes one end
 * of an in-memory connection as it takes a TCP one (parsing the upgrade request and emitting
 * 'upgrade' as for any client), and a `ws` client makes its real handshake over the other end.
 */
export function injectStream(
  app: FastifyInstance,
  path = '/api/v1/stream',
  headers: Record<string, string> = {},
  /** Handed the socket before it opens (to hear a close that comes with the handshake). */
  onSocket?: (socket: WebSocket) => void,
): Promise<WebSocket> {
  const [serverSide, clientSide] = duplexPair();
  app.server.emit('connection', serverSide);
  const socket = new WebSocket(`ws://tocsin.test${path}`, {
    createConnection: () => clientSide as unknown as Socket,
    headers,
    perMessageDeflate: false,
  });
  onSocket?.(socket);
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_request, response) =>
      reject(new Error(`Unexpected server response: ${response.statusCode}`)),
    );
    socket.once('error', reject);
  });
}

/** What a test's hello says besides its type and version. */
export interface Hello {
  token?: string;
  since?: number;
  location?: { lat: number; lng: number };
  meetingId?: string;
}

/** A stream client over injectStream that records every message it gets. */
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
  static async open(app: FastifyInstance, hello: Hello): Promise<StreamClient> {
    return StreamClient.greet(await injectStream(app), hello);
  }

  /** The same over a real TCP connection to a listening server (`ws://host:port/...`). */
  static async connect(url: string, hello: Hello): Promise<StreamClient> {
    const socket = new WebSocket(url, { perMessageDeflate: false });
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    return StreamClient.greet(socket, hello);
  }

  private static async greet(socket: WebSocket, hello: Hello): Promise<StreamClient> {
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
