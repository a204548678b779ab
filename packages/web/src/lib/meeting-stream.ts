import type { HelloMessage, MeetingMessage } from '@tocsin/core/api/stream';
import { STREAM_CLOSE, STREAM_PROTOCOL_VERSION } from '@tocsin/core/api/stream-protocol';

export type MeetingStreamStatus = 'connecting' | 'live' | 'offline' | 'stopped';

export interface MeetingStreamHandlers {
  onState(state: MeetingMessage['state']): void;
  onStatus(status: MeetingStreamStatus): void;
}

const MAX_DELAY_MS = 15_000;
const GIVE_UP = new Set<number>([STREAM_CLOSE.unauthorized, STREAM_CLOSE.suspended]);

/**
 * A meeting's live state from the stream: its own socket, whose hello names the meeting. The
 * server sends the whole state on follow and after every change (at most five a second), so a
 * reconnect needs no replay: the next message is the meeting as it is.
 */
export class MeetingStream {
  readonly #meetingId: string;
  readonly #handlers: MeetingStreamHandlers;
  #socket: WebSocket | null = null;
  #status: MeetingStreamStatus = 'stopped';
  #attempt = 0;
  #timer: number | null = null;

  constructor(meetingId: string, handlers: MeetingStreamHandlers) {
    this.#meetingId = meetingId;
    this.#handlers = handlers;
  }

  start(): void {
    if (this.#status !== 'stopped') return;
    window.addEventListener('online', this.#reconnectNow);
    document.addEventListener('visibilitychange', this.#onVisible);
    this.#connect();
  }

  stop(): void {
    window.removeEventListener('online', this.#reconnectNow);
    document.removeEventListener('visibilitychange', this.#onVisible);
    if (this.#timer !== null) window.clearTimeout(this.#timer);
    this.#timer = null;
    const socket = this.#socket;
    this.#socket = null;
    socket?.close(1000, 'bye');
    this.#setStatus('stopped');
  }

  readonly #reconnectNow = () => {
    if (this.#status === 'stopped') return;
    if (this.#socket && this.#socket.readyState <= WebSocket.OPEN) return;
    if (this.#timer !== null) window.clearTimeout(this.#timer);
    this.#timer = null;
    this.#attempt = 0;
    this.#connect();
  };

  readonly #onVisible = () => {
    if (document.visibilityState === 'visible') this.#reconnectNow();
  };

  #connect(): void {
    const url = new URL('/api/v1/stream', window.location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    this.#setStatus(navigator.onLine ? 'connecting' : 'offline');
    const socket = new WebSocket(url);
    this.#socket = socket;
    socket.onopen = () => {
      const hello: HelloMessage = {
        type: 'hello',
        v: STREAM_PROTOCOL_VERSION,
        meetingId: this.#meetingId,
      };
      socket.send(JSON.stringify(hello));
    };
    socket.onmessage = (event: MessageEvent<string>) => {
      if (this.#socket !== socket) return;
      let message: unknown;
      try {
        message = JSON.parse(event.data);
      } catch {
        return;
      }
      if (typeof message !== 'object' || message === null) return;
      const typed = message as { type?: unknown; meetingId?: unknown };
      if (typed.type === 'ready') {
        this.#attempt = 0;
        this.#setStatus('live');
      } else if (typed.type === 'meeting' && typed.meetingId === this.#meetingId) {
        this.#handlers.onState((message as MeetingMessage).state);
      }
      // Alerts reach the app's own stream; this socket leaves them alone.
    };
    socket.onclose = (event) => {
      if (this.#socket !== socket) return;
      this.#socket = null;
      if (this.#status === 'stopped') return;
      this.#setStatus('offline');
      if (GIVE_UP.has(event.code)) return;
      const base = Math.min(MAX_DELAY_MS, 1_000 * 2 ** this.#attempt);
      this.#attempt += 1;
      this.#timer = window.setTimeout(
        () => {
          this.#timer = null;
          if (this.#status !== 'stopped') this.#connect();
        },
        base / 2 + Math.random() * (base / 2),
      );
    };
  }

  #setStatus(status: MeetingStreamStatus): void {
    if (this.#status === status) return;
    this.#status = status;
    this.#handlers.onStatus(status);
  }
}
