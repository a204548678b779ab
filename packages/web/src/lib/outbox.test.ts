import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { ApiError } from './api';
import type { ReportAnswer, ReportBody } from '@tocsin/core/api/rapid-response';
import type { LocalStore } from './local-store';
import { Outbox, type OutboxItem } from './outbox';

/** The outbox's store in memory: the three calls it makes on IndexedDB. */
function memoryStore(): LocalStore {
  const items = new Map<string, OutboxItem>();
  const db = {
    getAll: () => Promise.resolve([...items.values()]),
    put: (_store: string, item: OutboxItem) => {
      items.set(item.id, item);
      return Promise.resolve(item.id);
    },
    delete: (_store: string, id: string) => {
      items.delete(id);
      return Promise.resolve();
    },
  };
  return { db: () => Promise.resolve(db) } as unknown as LocalStore;
}

const body = (id: string): ReportBody => ({ id, salute: { activity: 'agents at the corner' } });

let now = 1_000_000;

beforeEach(() => {
  // The outbox runs in a page: its timers and events are the window's.
  vi.stubGlobal('window', {
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    setTimeout: () => 0,
    clearTimeout: () => undefined,
  });
  vi.stubGlobal('navigator', { onLine: true });
  now = 1_000_000;
});
afterEach(() => vi.unstubAllGlobals());

async function sendOnce(error: ApiError): Promise<OutboxItem> {
  const outbox = new Outbox(memoryStore(), {
    send: (): Promise<ReportAnswer> => Promise.reject(error),
    now: () => now,
  });
  await outbox.start();
  const changed = new Promise<OutboxItem>((resolve) =>
    outbox.subscribe((items) => {
      const item = items[0];
      if (item && item.attempts > 0) resolve(item);
    }),
  );
  await outbox.add(body('8a1f3a58-4a9d-4c51-9c1e-3f0a8c2b7d11'));
  const item = await changed;
  outbox.stop();
  return item;
}

it('waits as long as the server asks before trying a report again', async () => {
  const item = await sendOnce(
    new ApiError(503, 'unavailable', 'The database is unavailable', undefined, 30),
  );
  expect(item.status).toBe('waiting');
  expect(item.nextAttemptAt - now).toBe(30_000);
});

it('holds a report back no more than five minutes, whatever the server says', async () => {
  const item = await sendOnce(
    new ApiError(503, 'http_503', 'Service Unavailable', undefined, 86_400),
  );
  expect(item.nextAttemptAt - now).toBe(5 * 60_000);
});

it('keeps its own backoff when the server names a shorter wait or none', async () => {
  const short = await sendOnce(new ApiError(503, 'unavailable', 'away', undefined, 1));
  expect(short.nextAttemptAt - now).toBe(2_000);
  const none = await sendOnce(new ApiError(502, 'bad_gateway', 'no answer'));
  expect(none.nextAttemptAt - now).toBe(2_000);
});

it('does not retry what the server refused for good', async () => {
  const refused = await sendOnce(
    new ApiError(400, 'validation_failed', 'salute.activity: required'),
  );
  expect(refused.status).toBe('failed');
});

it('sends a meeting action with its request id, again with the same id after a failure, then forgets it', async () => {
  const sent: { type: string; requestId: string }[] = [];
  let fail = true;
  const outbox = new Outbox(memoryStore(), {
    send: () => Promise.reject(new Error('no reports here')),
    sendMeeting: (action, requestId) => {
      sent.push({ type: action.type, requestId });
      if (fail) return Promise.reject(new ApiError(0, 'network', 'offline'));
      return Promise.resolve({});
    },
    now: () => now,
  });
  await outbox.start();
  const meetingId = '0b5f2a3e-9d3c-4c1e-8f0a-2f1d3c4b5a69';
  const item = await outbox.addMeeting({ type: 'speak', meetingId, kind: 'speak' });
  await vi.waitFor(() => expect(outbox.items[0]?.attempts).toBe(1));
  expect(outbox.items[0]).toMatchObject({ status: 'waiting', kind: 'meeting' });
  fail = false;
  now += 60_000;
  outbox.retryAll();
  await vi.waitFor(() => expect(outbox.items).toHaveLength(0));
  expect(sent).toEqual([
    { type: 'speak', requestId: item.id },
    { type: 'speak', requestId: item.id },
  ]);
  outbox.stop();
});

it('keeps the order of one meeting: a later action waits while an earlier one waits', async () => {
  const sent: string[] = [];
  let fail = true;
  const outbox = new Outbox(memoryStore(), {
    send: () => Promise.reject(new Error('no reports here')),
    sendMeeting: (action) => {
      if (fail && action.type === 'speak') return Promise.reject(new ApiError(503, 'busy', 'busy'));
      sent.push(action.type);
      return Promise.resolve({});
    },
    now: () => now,
  });
  await outbox.start();
  const meetingId = '0b5f2a3e-9d3c-4c1e-8f0a-2f1d3c4b5a69';
  const other = '7c1e0d2b-3a4f-4b5c-9d6e-1f2a3b4c5d6e';
  await outbox.addMeeting({ type: 'speak', meetingId, kind: 'point_of_order' });
  now += 1;
  await outbox.addMeeting({ type: 'withdraw', meetingId });
  now += 1;
  await outbox.addMeeting({ type: 'withdraw', meetingId: other });
  // The other meeting's action goes; this meeting's withdrawal waits behind its request.
  await vi.waitFor(() => expect(sent).toEqual(['withdraw']));
  expect(outbox.items.map((i) => i.status).sort()).toEqual(['waiting', 'waiting']);
  fail = false;
  now += 60_000;
  outbox.retryAll();
  await vi.waitFor(() => expect(outbox.items).toHaveLength(0));
  expect(sent).toEqual(['withdraw', 'speak', 'withdraw']);
  outbox.stop();
});

it('sends a report once and its photos after it: a photo that fails is retried alone', async () => {
  const reports: string[] = [];
  const uploads: string[] = [];
  let photoFails = true;
  const photo = (id: string) => ({ id, type: 'image/jpeg', data: new ArrayBuffer(4) });
  const outbox = new Outbox(memoryStore(), {
    send: (b) => {
      reports.push(b.id);
      return Promise.resolve({
        id: b.id,
        incident: { id: '5b0e8f3a-1c2d-4e5f-8a9b-0c1d2e3f4a5b', state: 'reported', reporters: 1 },
      } as unknown as ReportAnswer);
    },
    // Like features/report/photo-api: each photo leaves the item once the server has it.
    sendPhotos: async (item, saved) => {
      let current = item;
      for (const p of item.photos ?? []) {
        uploads.push(p.id);
        if (photoFails && p.id === 'p2') throw new ApiError(0, 'network', 'offline');
        current = { ...current, photos: (current.photos ?? []).filter((q) => q.id !== p.id) };
        saved(current);
      }
      return current;
    },
    now: () => now,
  });
  await outbox.start();
  const id = '8a1f3a58-4a9d-4c51-9c1e-3f0a8c2b7d11';
  await outbox.add(body(id), [photo('p1'), photo('p2')]);
  await vi.waitFor(() => expect(outbox.items[0]?.attempts).toBe(1));
  expect(outbox.items[0]).toMatchObject({ status: 'waiting', reported: true });
  expect((outbox.items[0] as { photos: { id: string }[] }).photos.map((p) => p.id)).toEqual(['p2']);
  photoFails = false;
  now += 60_000;
  outbox.retryAll();
  await vi.waitFor(() => expect(outbox.items[0]?.status).toBe('sent'));
  expect(reports).toEqual([id]);
  expect(uploads).toEqual(['p1', 'p2', 'p2']);
  expect(outbox.items[0]).toMatchObject({ photos: [], incident: { state: 'reported' } });
  outbox.stop();
});
