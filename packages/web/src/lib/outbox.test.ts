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
