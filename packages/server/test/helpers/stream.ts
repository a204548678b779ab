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
    const socket = await app.injectWS('/api/v1/stream');
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
