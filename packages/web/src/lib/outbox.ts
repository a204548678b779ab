import { ApiError } from './api';
import type { DoorAnswer, DoorBody } from '@tocsin/core/api/canvassing';
import type { ReportAnswer, ReportBody } from '@tocsin/core/api/rapid-response';
import type { SpeakerKind } from '@tocsin/core/assemblies/speakers';
import type { VoteChoice } from '@tocsin/core/assemblies/votes';
import type { IncidentState } from '@tocsin/core/incidents/incident';
import type { LocalStore } from './local-store';

export type OutboxStatus = 'waiting' | 'sending' | 'sent' | 'failed' | 'needs_login';

interface ItemState {
  id: string;
  createdAt: number;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: number;
  error?: { code: string; message: string };
  sentAt?: number;
}

/** A report on its way: kept in IndexedDB until the server has it. */
export interface ReportItem extends ItemState {
  /** Absent on reports stored before meeting actions shared the outbox. */
  kind?: 'report';
  body: ReportBody;
  incident?: { id: string; state: IncidentState; reporters: number };
  /** The report itself is in: only its photos are left to send (never the report again). */
  reported?: true;
  /** Photos still to send after the report, each with its own id (the server keeps it once). */
  photos?: QueuedPhoto[];
  /** Photos the server refused for good (not an image, too many). */
  photosRefused?: number;
}

/** A photo compressed on the phone, waiting in IndexedDB with its report. */
export interface QueuedPhoto {
  id: string;
  type: string;
  data: ArrayBuffer;
}

/**
 * What a participant does in a meeting that must survive bad hall Wi-Fi: ask to speak, withdraw,
 * vote. `requestId` is the item's id: the server does a repeat of it once only.
 */
export type MeetingAction =
  | { type: 'speak'; meetingId: string; kind: SpeakerKind }
  | { type: 'withdraw'; meetingId: string }
  | { type: 'ballot'; meetingId: string; motionId: string; choice: VoteChoice };

/** A meeting action on its way; it leaves the phone once sent (a ballot is not kept). */
export interface MeetingItem extends ItemState {
  kind: 'meeting';
  action: MeetingAction;
}

/**
 * A door a canvasser recorded: sent with its own UUID (`body.id`), which the server counts once
 * however often it arrives. Kept an hour after it is sent with the server's answer (a QR invite
 * for wants_to_join, the aid request of needs_aid), like a report.
 */
export interface DoorItem extends ItemState {
  kind: 'door';
  turfId: string;
  body: DoorBody;
  answer?: DoorAnswer;
}

export type OutboxItem = ReportItem | MeetingItem | DoorItem;

export function isReport(item: OutboxItem): item is ReportItem {
  return item.kind === undefined || item.kind === 'report';
}

export function isDoor(item: OutboxItem): item is DoorItem {
  return item.kind === 'door';
}

export interface OutboxOptions {
  send: (body: ReportBody) => Promise<ReportAnswer>;
  /**
   * Sends a sent report's photos, calling `saved` after each; throws to try again later.
   * Loaded only when a report has photos (features/report/photo-api.ts).
   */
  sendPhotos?: (item: ReportItem, saved: (item: ReportItem) => void) => Promise<ReportItem>;
  /** Sends a meeting action with its request id (the item's id). */
  sendMeeting?: (action: MeetingAction, requestId: string) => Promise<unknown>;
  /** Sends a door of a turf (the body carries its id). */
  sendDoor?: (turfId: string, body: DoorBody) => Promise<DoorAnswer>;
  online?: () => boolean;
  now?: () => number;
}

const MAX_BACKOFF_MS = 60_000;
/** The longest a server's Retry-After may hold a report back. */
const MAX_SERVER_WAIT_MS = 5 * 60_000;
/** Sent reports stay listed this long (for their status), then leave the phone. */
const KEEP_SENT_MS = 60 * 60_000;

/**
 * Reports leave through here. Each is stored first with its client UUID, then sent; a failure
 * that may pass (no network, server busy) keeps it for a retry with the same UUID, so the
 * server, which is idempotent by id, records it exactly once however often it is sent.
 */
export class Outbox {
  readonly #store: LocalStore;
  readonly #send: OutboxOptions['send'];
  readonly #sendPhotos: OutboxOptions['sendPhotos'];
  readonly #sendMeeting: OutboxOptions['sendMeeting'];
  readonly #sendDoor: OutboxOptions['sendDoor'];
  readonly #online: () => boolean;
  readonly #now: () => number;
  readonly #listeners = new Set<(items: OutboxItem[]) => void>();
  #flushing: Promise<void> | null = null;
  #again = false;
  #timer: number | null = null;
  #stopped = true;
  #items: OutboxItem[] = [];

  constructor(store: LocalStore, options: OutboxOptions) {
    this.#store = store;
    this.#send = options.send;
    this.#sendPhotos = options.sendPhotos;
    this.#sendMeeting = options.sendMeeting;
    this.#sendDoor = options.sendDoor;
    this.#online = options.online ?? (() => navigator.onLine);
    this.#now = options.now ?? Date.now;
  }

  /** The current items, newest first. */
  get items(): readonly OutboxItem[] {
    return this.#items;
  }

  /** Calls `listener` now and after every change. */
  subscribe(listener: (items: OutboxItem[]) => void): () => void {
    this.#listeners.add(listener);
    listener(this.#items);
    return () => this.#listeners.delete(listener);
  }

  /** Loads what a previous visit left and starts sending. */
  async start(): Promise<void> {
    this.#stopped = false;
    window.addEventListener('online', this.#onOnline);
    const db = await this.#store.db();
    const now = this.#now();
    for (const item of await db.getAll('outbox')) {
      if (item.status === 'sent' && now - (item.sentAt ?? 0) > KEEP_SENT_MS) {
        await db.delete('outbox', item.id);
      } else if (item.kind === 'meeting' && item.status === 'failed') {
        // Refused for good (the vote closed, the meeting ended) and already shown.
        await db.delete('outbox', item.id);
      } else if (item.status === 'sending') {
        // The page closed mid-send: the server may or may not have it; the same id makes
        // the retry safe.
        await db.put('outbox', { ...item, status: 'waiting', nextAttemptAt: now });
      }
    }
    await this.#publish();
    this.flush();
  }

  stop(): void {
    this.#stopped = true;
    window.removeEventListener('online', this.#onOnline);
    if (this.#timer !== null) window.clearTimeout(this.#timer);
    this.#timer = null;
  }

  /** Stores a report (with its photos, sent after it) and tries to send it at once. */
  async add(body: ReportBody, photos: QueuedPhoto[] = []): Promise<ReportItem> {
    const item: ReportItem = {
      id: body.id,
      body,
      ...(photos.length ? { photos } : {}),
      createdAt: this.#now(),
      status: 'waiting',
      attempts: 0,
      nextAttemptAt: 0,
    };
    await (await this.#store.db()).put('outbox', item);
    await this.#publish();
    this.flush();
    return item;
  }

  /**
   * Stores a meeting action and tries to send it at once. Actions of one meeting are sent in the
   * order they were made: a later one waits while an earlier one waits to be retried.
   */
  async addMeeting(action: MeetingAction): Promise<MeetingItem> {
    const item: MeetingItem = {
      id: crypto.randomUUID(),
      kind: 'meeting',
      action,
      createdAt: this.#now(),
      status: 'waiting',
      attempts: 0,
      nextAttemptAt: 0,
    };
    await (await this.#store.db()).put('outbox', item);
    await this.#publish();
    this.flush();
    return item;
  }

  /** Stores a door and tries to send it at once (offline, it waits for the connection). */
  async addDoor(turfId: string, body: DoorBody): Promise<DoorItem> {
    const item: DoorItem = {
      id: body.id,
      kind: 'door',
      turfId,
      body,
      createdAt: this.#now(),
      status: 'waiting',
      attempts: 0,
      nextAttemptAt: 0,
    };
    await (await this.#store.db()).put('outbox', item);
    await this.#publish();
    this.flush();
    return item;
  }

  /** Tries every waiting report now (after a login, or a tap on "try again"). */
  retryAll(): void {
    void this.#update((item) =>
      item.status === 'waiting' || item.status === 'needs_login'
        ? { ...item, status: 'waiting', nextAttemptAt: 0 }
        : item,
    ).then(() => this.flush());
  }

  /** Removes a report that failed for good, or a sent one, from the phone. */
  async remove(id: string): Promise<void> {
    await (await this.#store.db()).delete('outbox', id);
    await this.#publish();
  }

  /** Sends what is due; one pass at a time in this tab, one tab at a time (Web Locks). */
  flush(): void {
    if (this.#stopped) return;
    if (this.#flushing) {
      this.#again = true;
      return;
    }
    this.#flushing = this.#withLock(() => this.#flushDue())
      .catch(() => undefined)
      .finally(() => {
        this.#flushing = null;
        if (this.#again) {
          this.#again = false;
          this.flush();
        } else this.#schedule();
      });
  }

  readonly #onOnline = () => this.retryAll();

  async #withLock(fn: () => Promise<void>): Promise<void> {
    const locks = (navigator as Navigator & { locks?: LockManager }).locks;
    if (!locks) return fn();
    await locks.request('tocsin-outbox', fn);
  }

  async #flushDue(): Promise<void> {
    const db = await this.#store.db();
    const due = (await db.getAll('outbox'))
      .filter((item) => item.status === 'waiting' && item.nextAttemptAt <= this.#now())
      .sort((a, b) => a.createdAt - b.createdAt);
    // Meetings with an action still waiting: their later actions wait behind it.
    const held = new Set(
      (await db.getAll('outbox'))
        .filter((item) => item.kind === 'meeting' && item.status === 'waiting')
        .filter((item) => item.nextAttemptAt > this.#now())
        .map((item) => (item as MeetingItem).action.meetingId),
    );
    for (const item of due) {
      if (this.#stopped) return;
      // Offline, a request would fail anyway; the 'online' event brings us back.
      if (!this.#online()) return;
      if (item.kind === 'meeting' && held.has(item.action.meetingId)) continue;
      await db.put('outbox', { ...item, status: 'sending' });
      await this.#publish();
      const after = await this.#attempt(item);
      if (after.kind === 'meeting' && after.status === 'sent') await db.delete('outbox', after.id);
      else await db.put('outbox', after);
      if (after.kind === 'meeting' && after.status === 'waiting') held.add(after.action.meetingId);
      await this.#publish();
    }
  }

  async #deliver(item: OutboxItem, saved: (item: OutboxItem) => void): Promise<OutboxItem> {
    if (isReport(item)) {
      let report = item;
      if (!report.reported) {
        report = { ...report, incident: (await this.#send(item.body)).incident, reported: true };
        saved(report);
      }
      if (!report.photos?.length) return report;
      if (!this.#sendPhotos) throw new ApiError(0, 'network', 'photos cannot be sent');
      return this.#sendPhotos(report, saved);
    }
    if (item.kind === 'door') {
      if (!this.#sendDoor) throw new ApiError(0, 'network', 'doors cannot be sent');
      return { ...item, answer: await this.#sendDoor(item.turfId, item.body) };
    }
    if (!this.#sendMeeting) throw new ApiError(0, 'network', 'meeting actions cannot be sent');
    await this.#sendMeeting(item.action, item.id);
    return item;
  }

  async #attempt(item: OutboxItem): Promise<OutboxItem> {
    const attempts = item.attempts + 1;
    // What was delivered before a failure stays delivered: a report whose photo failed is not
    // sent again, only the photos left.
    let base = item;
    try {
      const sent: OutboxItem = {
        ...(await this.#deliver(item, (done) => (base = done))),
        status: 'sent',
        attempts,
        sentAt: this.#now(),
      };
      delete sent.error;
      return sent;
    } catch (caught) {
      const error =
        caught instanceof ApiError ? caught : new ApiError(0, 'network', String(caught));
      const summary = { code: error.code, message: error.message };
      if (error.status === 401) return { ...base, attempts, status: 'needs_login', error: summary };
      if (error.isTransient) {
        // Our own backoff, or longer when the server says when to come back (a database
        // restarting, a rate limit): an earlier try would only be refused again. Never more
        // than a few minutes, whatever a proxy says: this is a warning for neighbors.
        const backoff = Math.max(
          Math.min(MAX_BACKOFF_MS, 2_000 * 2 ** Math.min(attempts - 1, 5)),
          Math.min(MAX_SERVER_WAIT_MS, (error.retryAfterSeconds ?? 0) * 1000),
        );
        return {
          ...base,
          attempts,
          status: 'waiting',
          nextAttemptAt: this.#now() + backoff,
          error: summary,
        };
      }
      return { ...base, attempts, status: 'failed', error: summary };
    }
  }

  #schedule(): void {
    if (this.#stopped) return;
    if (this.#timer !== null) window.clearTimeout(this.#timer);
    this.#timer = null;
    if (!this.#online()) return; // The 'online' event retries.
    const waiting = this.#items.filter((item) => item.status === 'waiting');
    if (waiting.length === 0) return;
    const next = Math.min(...waiting.map((item) => item.nextAttemptAt));
    this.#timer = window.setTimeout(() => this.flush(), Math.max(500, next - this.#now()));
  }

  async #update(fn: (item: OutboxItem) => OutboxItem): Promise<void> {
    const db = await this.#store.db();
    for (const item of await db.getAll('outbox')) await db.put('outbox', fn(item));
    await this.#publish();
  }

  async #publish(): Promise<void> {
    const all = await (await this.#store.db()).getAll('outbox');
    this.#items = all.sort((a, b) => b.createdAt - a.createdAt);
    for (const listener of this.#listeners) listener(this.#items);
  }
}
