import type {
  AlertMessage,
  CampaignMessage,
  ClientMessage,
  ConsoleMessage,
  DispatchMessage,
  HelloMessage,
  MandateMessage,
  MeetingMessage,
  MemberUpdatedMessage,
} from '@tocsin/core/api/stream';
import { STREAM_CLOSE, STREAM_PROTOCOL_VERSION } from '@tocsin/core/api/stream-protocol';
import type { LocalStore } from './local-store';
import { CONSOLE_EVENT, MANDATE_EVENT, MEMBER_EVENT } from './stream-events';

export type { AlertMessage, ConsoleMessage, DispatchMessage, MeetingMessage, MemberUpdatedMessage };

export type StreamStatus = 'connecting' | 'live' | 'offline' | 'unauthorized' | 'stopped';

/** The window event a "campaign on" stream message becomes (detail: the CampaignMessage). */
export const CAMPAIGN_EVENT = 'tocsin:campaign';

/**
 * The messages that become window events (detail: the message), for the screens that follow them:
 * `campaign` (a campaign I pledged to is on; kept in memory only: a stored notice would tell
 * whoever opens a seized phone that its owner pledged, detail a CampaignMessage), `console` (an
 * incident of an area I dispatch for moved; the open console follows, a ConsoleMessage),
 * `member.updated` (my roles or status changed; the session reloads who I am, a
 * MemberUpdatedMessage), `mandate` (a committee whose seat I hold changed its mandate; the open
 * council screen rereads it, a MandateMessage).
 */
const WINDOW_EVENTS = new Map<unknown, string>([
  ['campaign' satisfies CampaignMessage['type'], CAMPAIGN_EVENT],
  ['console' satisfies ConsoleMessage['type'], CONSOLE_EVENT],
  ['member.updated' satisfies MemberUpdatedMessage['type'], MEMBER_EVENT],
  ['mandate' satisfies MandateMessage['type'], MANDATE_EVENT],
]);

export interface StreamHandlers {
  onAlert(alert: AlertMessage): void;
  onDispatch?(dispatch: DispatchMessage): void;
  /** The live state of the meeting this stream follows (see `follow`). */
  onMeeting?(message: MeetingMessage): void;
  onStatus(status: StreamStatus): void;
  /** The socket is (again) live: a good moment to refresh lists that may have moved. */
  onReady?(reconnected: boolean): void;
}

const SEQ_KEY = 'stream.seq';
const SEEN_TTL_MS = 3 * 86_400_000;
const MAX_DELAY_MS = 30_000;
// Close codes after which retrying with the same credentials is pointless.
const UNAUTHORIZED = new Set<number>([STREAM_CLOSE.unauthorized, STREAM_CLOSE.suspended]);

/**
 * The live stream: one socket per app. Sends hello with the last seq it saw so a reconnect
 * replays what was missed, acknowledges every alert, and passes each alert id on once only,
 * across reloads. It also carries the meeting the member has open (`follow`): named in the hello
 * of every (re)connection, and in a `follow` message when it changes on a live socket; the server
 * answers with the meeting's whole state, so a reconnect needs no replay of it.
 */
export class AlertStream {
  readonly #store: LocalStore;
  readonly #handlers: StreamHandlers;
  #socket: WebSocket | null = null;
  #status: StreamStatus = 'stopped';
  #attempt = 0;
  #timer: number | null = null;
  #everReady = false;
  #seq: number | undefined;
  /** The socket that answered hello with ready: live until it closes. */
  #readySocket: WebSocket | null = null;
  #seen = new Set<string>();
  /** The meeting followed, and the one the live socket was last told about. */
  #meetingId: string | null = null;
  #toldMeetingId: string | null = null;

  constructor(store: LocalStore, handlers: StreamHandlers) {
    this.#store = store;
    this.#handlers = handlers;
  }

  get status(): StreamStatus {
    return this.#status;
  }

  async start(): Promise<void> {
    if (this.#status !== 'stopped') return;
    this.#setStatus('connecting');
    this.#seq = await this.#store.getMeta<number>(SEQ_KEY);
    const db = await this.#store.db();
    const cutoff = Date.now() - SEEN_TTL_MS;
    for (const entry of await db.getAll('seen')) {
      if (entry.at < cutoff) await db.delete('seen', entry.id);
      else this.#seen.add(entry.id);
    }
    window.addEventListener('online', this.#reconnectNow);
    window.addEventListener('offline', this.#onOffline);
    document.addEventListener('visibilitychange', this.#onVisible);
    // stop() may have been called while the stored state loaded.
    if (this.status !== 'stopped') this.#connect();
  }

  stop(): void {
    window.removeEventListener('online', this.#reconnectNow);
    window.removeEventListener('offline', this.#onOffline);
    document.removeEventListener('visibilitychange', this.#onVisible);
    if (this.#timer !== null) window.clearTimeout(this.#timer);
    this.#timer = null;
    const socket = this.#socket;
    this.#socket = null;
    socket?.close(1000, 'bye');
    this.#setStatus('stopped');
  }

  /** Connects again at once (after a login, or when the network returns). */
  readonly #reconnectNow = () => {
    if (this.#status === 'stopped') return;
    const socket = this.#socket;
    if (socket && socket.readyState <= WebSocket.OPEN) {
      // The socket outlived the outage: the pill goes back to what the socket is (issue 20:
      // it stayed "Offline" after reconnecting because nothing set it again).
      this.#setStatus(
        socket.readyState === WebSocket.OPEN && this.#readySocket === socket
          ? 'live'
          : 'connecting',
      );
      return;
    }
    if (this.#timer !== null) window.clearTimeout(this.#timer);
    this.#timer = null;
    this.#attempt = 0;
    this.#connect();
  };

  /** Follows a meeting's live state on this socket (null: stops); kept across reconnections. */
  follow(meetingId: string | null): void {
    this.#meetingId = meetingId;
    if (this.#status === 'live') this.#tellMeeting();
  }

  /** Tells the live socket which meeting it follows, when that changed. */
  #tellMeeting(): void {
    const socket = this.#socket;
    if (!socket || socket.readyState !== WebSocket.OPEN) return;
    if (this.#toldMeetingId === this.#meetingId) return;
    const follow: ClientMessage = { type: 'follow', meetingId: this.#meetingId };
    socket.send(JSON.stringify(follow));
    this.#toldMeetingId = this.#meetingId;
  }

  /** Resumes after a login that followed an `unauthorized` close. */
  resume(): void {
    if (this.#status === 'unauthorized') this.#reconnectNow();
  }

  readonly #onOffline = () => {
    if (this.#status !== 'stopped') this.#setStatus('offline');
  };

  readonly #onVisible = () => {
    if (document.visibilityState === 'visible') this.#reconnectNow();
  };

  #connect(): void {
    const url = new URL('/api/v1/stream', window.location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    if (this.#status !== 'offline') this.#setStatus('connecting');
    const socket = new WebSocket(url);
    this.#socket = socket;
    socket.onopen = () => {
      // The session cookie of the upgrade request authenticates; no token in the message.
      const hello: HelloMessage = {
        type: 'hello',
        v: STREAM_PROTOCOL_VERSION,
        ...(this.#seq !== undefined ? { since: this.#seq } : {}),
        ...(this.#meetingId !== null ? { meetingId: this.#meetingId } : {}),
      };
      socket.send(JSON.stringify(hello));
      this.#toldMeetingId = this.#meetingId;
    };
    socket.onmessage = (event: MessageEvent<string>) => {
      if (this.#socket !== socket) return;
      void this.#onMessage(socket, event.data);
    };
    socket.onclose = (event) => {
      if (this.#socket !== socket) return;
      this.#socket = null;
      if (this.#status === 'stopped') return;
      if (UNAUTHORIZED.has(event.code)) {
        this.#setStatus('unauthorized');
        return;
      }
      this.#setStatus(navigator.onLine ? 'connecting' : 'offline');
      this.#scheduleReconnect();
    };
  }

  #scheduleReconnect(): void {
    const base = Math.min(MAX_DELAY_MS, 1_000 * 2 ** this.#attempt);
    this.#attempt += 1;
    const delay = base / 2 + Math.random() * (base / 2);
    this.#timer = window.setTimeout(() => {
      this.#timer = null;
      if (this.#status !== 'stopped') this.#connect();
    }, delay);
  }

  async #onMessage(socket: WebSocket, data: string): Promise<void> {
    let message: unknown;
    try {
      message = JSON.parse(data);
    } catch {
      return;
    }
    if (typeof message !== 'object' || message === null) return;
    const typed = message as { type?: unknown };
    if (typed.type === 'ready') {
      const { seq } = message as { seq: number };
      this.#attempt = 0;
      this.#readySocket = socket;
      if (this.#seq === undefined) await this.#saveSeq(seq);
      this.#setStatus('live');
      // Followed or left while the hello was on its way: the server hears of it now.
      this.#tellMeeting();
      this.#handlers.onReady?.(this.#everReady);
      this.#everReady = true;
    } else if (typed.type === 'alert') {
      const alert = message as AlertMessage;
      const ack: ClientMessage = { type: 'ack', id: alert.id };
      socket.send(JSON.stringify(ack));
      if (alert.seq > (this.#seq ?? 0)) await this.#saveSeq(alert.seq);
      if (this.#seen.has(alert.id)) return;
      this.#seen.add(alert.id);
      await (await this.#store.db()).put('seen', { id: alert.id, at: Date.now() });
      this.#handlers.onAlert(alert);
    } else if (typed.type === 'dispatch') {
      this.#handlers.onDispatch?.(message as DispatchMessage);
    } else if (WINDOW_EVENTS.has(typed.type)) {
      // A message for a screen that is not the stream's own: it becomes a window event, kept in
      // memory only (see WINDOW_EVENTS).
      window.dispatchEvent(new CustomEvent(WINDOW_EVENTS.get(typed.type)!, { detail: message }));
    } else if (typed.type === 'meeting') {
      const meeting = message as MeetingMessage;
      if (meeting.meetingId === this.#meetingId) this.#handlers.onMeeting?.(meeting);
    }
  }

  async #saveSeq(seq: number): Promise<void> {
    this.#seq = seq;
    await this.#store.setMeta(SEQ_KEY, seq);
  }

  #setStatus(status: StreamStatus): void {
    if (this.#status === status) return;
    this.#status = status;
    this.#handlers.onStatus(status);
  }
}
