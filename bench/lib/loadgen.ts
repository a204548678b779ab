// A load generator process: holds WebSocket clients spread over loopback source addresses,
// says hello (Tocsin) or just connects (the bare baseline), timestamps every alert it receives,
// acknowledges it like the app does, and answers the parent's questions about what arrived.
import { STREAM_PROTOCOL_VERSION } from '@tocsin/core';
import { WebSocket } from 'ws';
import { nowMs, serve, type Request } from './ipc';

export interface ClientSpec {
  token?: string;
  location?: { lat: number; lng: number } | null;
  since?: number;
}

interface Arrivals {
  times: number[];
  clients: number[];
}

export interface ArrivalStats {
  count: number;
  /** Monotonic ms (see nowMs) of each arrival, in arrival order. */
  times: number[];
  /** Index of the client each arrival went to, when asked for. */
  clients?: number[];
}

const sockets: WebSocket[] = [];
/** Per client: the alert seqs it got, in order, and the ids, to check order and duplicates. */
const seqs: number[][] = [];
const ids: Set<string>[] = [];
const arrivals = new Map<string, Arrivals>();
const waiters = new Map<string, { count: number; done: () => void }>();
let acks = true;

function onAlert(index: number, socket: WebSocket, raw: Buffer): void {
  const at = nowMs();
  const message = JSON.parse(raw.toString('utf8')) as {
    type: string;
    id?: string;
    seq?: number;
    kind?: string;
    incident?: { id: string };
  };
  if (message.type !== 'alert' || !message.id) return;
  if (acks) socket.send(`{"type":"ack","id":"${message.id}"}`);
  const key = `${message.incident?.id ?? ''}:${message.kind ?? ''}`;
  let a = arrivals.get(key);
  if (!a) arrivals.set(key, (a = { times: [], clients: [] }));
  a.times.push(at);
  a.clients.push(index);
  seqs[index]!.push(message.seq ?? 0);
  ids[index]!.add(message.id);
  const waiter = waiters.get(key);
  if (waiter && a.times.length >= waiter.count) waiter.done();
}

function open(
  index: number,
  url: string,
  localAddress: string,
  spec: ClientSpec | null,
  timeoutMs: number,
): Promise<string | null> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, { localAddress, perMessageDeflate: false });
    let settled = false;
    /** Null when the client is connected, else why not (the bench's error says). */
    const settle = (failure: string | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (failure !== null) socket.terminate();
      resolve(failure);
    };
    const timer = setTimeout(() => settle('no ready in time'), timeoutMs);
    socket.on('error', (error) => settle(`error: ${error.message}`));
    socket.on('close', (code, reason) => settle(`closed ${code} ${reason.toString()}`));
    sockets[index] = socket;
    seqs[index] = [];
    ids[index] = new Set();
    socket.on('message', (raw: Buffer) => {
      if (!settled) {
        // Tocsin answers hello with `ready` (a replay may follow it, counted as alerts).
        if (raw.includes('"type":"ready"')) settle(null);
        else onAlert(index, socket, raw);
        return;
      }
      onAlert(index, socket, raw);
    });
    socket.on('open', () => {
      if (spec === null) return settle(null);
      socket.send(
        JSON.stringify({
          type: 'hello',
          v: STREAM_PROTOCOL_VERSION,
          token: spec.token,
          ...(spec.location ? { location: spec.location } : {}),
          ...(spec.since !== undefined ? { since: spec.since } : {}),
        }),
      );
    });
  });
}

async function connect(
  message: Request,
): Promise<{ connected: number; failed: number; ms: number; why: string[] }> {
  const url = message.url as string;
  const specs = message.clients as (ClientSpec | null)[];
  const sources = message.sources as string[];
  const concurrency = (message.concurrency as number | undefined) ?? 200;
  acks = (message.acks as boolean | undefined) ?? true;
  const start = nowMs();
  const base = sockets.length;
  let nextIndex = 0;
  let failed = 0;
  const why = new Set<string>();
  const worker = async () => {
    for (;;) {
      const i = nextIndex++;
      if (i >= specs.length) return;
      const source = sources[i % sources.length]!;
      const failure = await open(base + i, url, source, specs[i] ?? null, 30_000);
      if (failure !== null) {
        failed++;
        why.add(failure);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { connected: specs.length - failed, failed, ms: nowMs() - start, why: [...why] };
}

function stats(key: string, withClients: boolean): ArrivalStats {
  const a = arrivals.get(key) ?? { times: [], clients: [] };
  return {
    count: a.times.length,
    times: a.times,
    ...(withClients ? { clients: a.clients } : {}),
  };
}

serve({
  connect,
  /** Waits until `count` clients got the alert with this key (incident id:kind), or the timeout. */
  expect: (message) => {
    const key = message.key as string;
    const count = message.count as number;
    const timeoutMs = message.timeoutMs as number;
    const settleMs = (message.settleMs as number | undefined) ?? 0;
    const withClients = Boolean(message.clients);
    return new Promise<ArrivalStats & { timedOut: boolean }>((resolve) => {
      const finish = (timedOut: boolean) => {
        clearTimeout(timer);
        waiters.delete(key);
        // Extra arrivals (someone outside the audience) would show up within settleMs.
        setTimeout(() => resolve({ ...stats(key, withClients), timedOut }), settleMs);
      };
      const timer = setTimeout(() => finish(true), timeoutMs);
      if ((arrivals.get(key)?.times.length ?? 0) >= count) finish(false);
      else waiters.set(key, { count, done: () => finish(false) });
    });
  },
  stats: (message) => stats(message.key as string, Boolean(message.clients)),
  /** Sends a location message from each client (index → location or null). */
  move: async (message) => {
    const locations = message.locations as ({ lat: number; lng: number } | null)[];
    locations.forEach((location, i) => {
      const socket = sockets[i];
      if (socket?.readyState === WebSocket.OPEN)
        socket.send(JSON.stringify({ type: 'location', location }));
    });
    // Let the sends leave before answering.
    await new Promise((resolve) => setImmediate(resolve));
    return locations.length;
  },
  /** Per client: seqs strictly increasing and no alert id twice. */
  ordering: () => {
    let outOfOrder = 0;
    let duplicates = 0;
    let messages = 0;
    seqs.forEach((list, i) => {
      messages += list.length;
      for (let k = 1; k < list.length; k++) if (list[k]! <= list[k - 1]!) outOfOrder++;
      if (ids[i]!.size !== list.length) duplicates += list.length - ids[i]!.size;
    });
    return { clients: seqs.length, messages, outOfOrder, duplicates };
  },
  setAcks: (message) => (acks = Boolean(message.acks)),
  open: () => sockets.filter((s) => s.readyState === WebSocket.OPEN).length,
  memory: () => process.memoryUsage(),
  close: async () => {
    for (const s of sockets) s.terminate();
    sockets.length = 0;
    return true;
  },
});
