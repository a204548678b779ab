import { fork, type ChildProcess } from 'node:child_process';
import type { IncomingMessage } from 'node:http';
import { getPriority, setPriority } from 'node:os';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { TocsinConfig, TocsinSecrets } from '../config';
import type { Logger } from '../logger';
import type { UpgradeHandler, UpgradePasser } from './stream-upgrade';

/**
 * What the process that answers the API and its stream workers say to each other over the IPC
 * channel fork opens. Not a contract of the API: both ends are this program, of one version.
 */
export type ToStreamWorker =
  | { kind: 'init'; index: number; config: TocsinConfig; secrets: TocsinSecrets }
  /** An upgrade request to the stream, its socket passed with the message. */
  | {
      kind: 'upgrade';
      method: string;
      url: string;
      headers: IncomingMessage['headers'];
      head: Uint8Array;
    }
  | { kind: 'size'; id: number }
  | { kind: 'stop' };

export type FromStreamWorker =
  | { kind: 'ready' }
  | { kind: 'size'; id: number; size: number }
  | { kind: 'failed'; message: string };

export interface StreamWorkersOptions {
  /** The worker's program (bin/stream-worker.js). */
  entry: string;
  count: number;
  /** How much nicer than this process the workers run (0: the same priority); #lowerPriority. */
  niceness?: number;
  config: TocsinConfig;
  secrets: TocsinSecrets;
  logger: Logger;
  /** How long a worker may take to be ready (connect, subscribe) before start fails. */
  readyTimeoutMs?: number;
  /** How long a stopping worker may take to close its sockets before it is killed. */
  stopTimeoutMs?: number;
}

interface Slot {
  index: number;
  child: ChildProcess | null;
  ready: boolean;
  /** Restarts in a row without a ready worker between them (the backoff's exponent). */
  failures: number;
  restart: NodeJS.Timeout | null;
  /** Connections on their way to the worker, until Node says they went (see #dropPending). */
  pending: Set<PendingPass>;
}

/** A connection being passed: the socket object here and the handle its descriptor is on. */
interface PendingPass {
  socket: Socket;
  handle: TcpHandle | null;
}

const MAX_RESTART_DELAY_MS = 30_000;

/** What of a net.Socket's libuv handle stops it reading (Node's internals). */
interface TcpHandle {
  reading: boolean;
  readStop(): number;
  close(): void;
}

/**
 * Stream workers (ADR 0038): processes that hold the stream's sockets, so that a broadcast to
 * ten thousand of them (seconds of a core at a raid's start) never shares a thread
 * with the API's answers. Each worker is a node of its own on the shared PostgreSQL and NATS, as
 * in a deployment of several nodes (docs/DEPLOYMENT.md): it consumes every alert with its own
 * durable consumer, named by this node's id and its index, so no event travels through this
 * process. This process keeps the listening socket: it reads an upgrade's request line and
 * headers, then passes the connection's file descriptor to the next ready worker in turn, which
 * makes the WebSocket handshake. A worker that ends is started again (1 s, doubling to 30 s);
 * its clients reconnect, as after a node's restart. While no worker is ready this process serves
 * the stream itself, so a failed worker costs sockets, never the stream. Workers can run at a lower
 * CPU priority than this process (#lowerPriority).
 */
export class StreamWorkers implements UpgradePasser {
  readonly #slots: Slot[];
  readonly #options: StreamWorkersOptions;
  readonly #logger: Logger;
  #next = 0;
  #stopping = false;
  #asked = 0;
  readonly #answers = new Map<number, (size: number) => void>();

  constructor(options: StreamWorkersOptions) {
    this.#options = options;
    this.#logger = options.logger.child({ sub: 'stream-workers' });
    this.#slots = Array.from({ length: options.count }, (_, index) => ({
      index,
      child: null,
      ready: false,
      failures: 0,
      restart: null,
      pending: new Set(),
    }));
  }

  /** Starts every worker and waits until each is ready; fails if one is not within the timeout. */
  async start(): Promise<void> {
    try {
      await Promise.all(this.#slots.map((slot) => this.#spawn(slot)));
    } catch (error) {
      await this.stop();
      throw error;
    }
  }

  /** The workers' process ids (benchmarks measure their CPU). */
  get pids(): number[] {
    return this.#slots.flatMap((slot) => (slot.child?.pid ? [slot.child.pid] : []));
  }

  /** Sockets held by the ready workers, each asked now. */
  async size(): Promise<number> {
    const counts = await Promise.all(
      this.#slots.map((slot): Promise<number> => {
        const child = slot.child;
        if (!slot.ready || !child?.connected) return Promise.resolve(0);
        const id = ++this.#asked;
        return new Promise<number>((resolve) => {
          const timer = setTimeout(() => {
            this.#answers.delete(id);
            resolve(0);
          }, 5_000);
          this.#answers.set(id, (size) => {
            clearTimeout(timer);
            resolve(size);
          });
          this.#send(child, { kind: 'size', id });
        });
      }),
    );
    return counts.reduce((a, b) => a + b, 0);
  }

  pass(request: IncomingMessage, socket: Duplex, head: Buffer, fallback: UpgradeHandler): boolean {
    const slot = this.#pick();
    if (!slot?.child) return false;
    const message: ToStreamWorker = {
      kind: 'upgrade',
      method: request.method ?? 'GET',
      url: request.url ?? '/',
      headers: request.headers,
      head,
    };
    // The descriptor goes with the message; Node closes this process's copy once the worker has
    // it. Left as the listening server's, the socket would enter Node's bookkeeping for cluster
    // workers, which makes the server's close wait for sockets the workers hold and never finish
    // once they have ended; unhooked, it counts as this server's until it is destroyed here,
    // right after it has gone.
    const tcp = socket as Socket & { server: unknown; _handle?: TcpHandle | null };
    tcp.server = null;
    // This process stops reading the connection now. Its copy of the descriptor stays open until
    // the worker acknowledges it, and a read in that window would take bytes that are the
    // worker's: the client's hello, sent as soon as the worker's 101 arrives (the bench lost 5 of
    // 5,000 hellos so). Node's own handle passing assumes a socket that never read (cluster's
    // pauseOnConnect), so this reaches its handle.
    const handle = tcp._handle ?? null;
    if (handle) {
      handle.reading = false;
      handle.readStop();
    }
    const pass: PendingPass = { socket: tcp, handle };
    slot.pending.add(pass);
    slot.child.send(message, tcp, (error) => {
      slot.pending.delete(pass);
      if (!error) {
        tcp.destroy();
        return;
      }
      this.#logger.warn({ err: error, worker: slot.index }, 'could not pass an upgrade');
      // Refused before it left (the channel had just closed), the connection is still this
      // process's, which makes the handshake itself; once Node has taken its handle, it is lost
      // and the client reconnects.
      if (tcp._handle && !tcp.destroyed) fallback(request, tcp, head);
      else tcp.destroy();
    });
    return true;
  }

  /**
   * A worker that ends while connections are on their way to it never acknowledges them, and
   * Node then neither calls their callbacks nor closes its copy of their descriptors: the clients
   * would hang without an answer, and the listening server's close would wait for them forever.
   * They are closed here; their clients reconnect.
   */
  #dropPending(slot: Slot): void {
    for (const { socket, handle } of slot.pending) {
      try {
        handle?.close();
      } catch {
        // Already closed by Node.
      }
      socket.destroy();
    }
    slot.pending.clear();
  }

  /** Tells every worker to close its sockets (1001, going away) and waits for it to end. */
  async stop(): Promise<void> {
    this.#stopping = true;
    const timeout = this.#options.stopTimeoutMs ?? 15_000;
    await Promise.all(
      this.#slots.map(async (slot) => {
        if (slot.restart) clearTimeout(slot.restart);
        slot.restart = null;
        // A stopping worker refuses upgrades: the ones that come meanwhile are served here.
        slot.ready = false;
        const child = slot.child;
        if (!child || child.exitCode !== null || child.signalCode !== null) return;
        const ended = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        if (child.connected) this.#send(child, { kind: 'stop' });
        const timer = setTimeout(() => child.kill('SIGKILL'), timeout);
        await ended;
        clearTimeout(timer);
      }),
    );
  }

  #pick(): Slot | null {
    for (let i = 0; i < this.#slots.length; i++) {
      const slot = this.#slots[(this.#next + i) % this.#slots.length]!;
      if (slot.ready && slot.child?.connected) {
        this.#next = (slot.index + 1) % this.#slots.length;
        return slot;
      }
    }
    return null;
  }

  /**
   * Gives a worker a lower CPU priority than this process (TOCSIN_STREAM_WORKER_NICENESS, 10 by
   * default). When a broadcast and the API's answers both want the CPU, the kernel then runs the
   * answers first: they are short and someone waits on each, while a broadcast to ten thousand
   * sockets takes a core for a third of a second at a time. The fan-out loses only the CPU the
   * answers use. The surge bench on two shared cores, back to back: answers p99 127 ms at
   * niceness 10 against 591 ms at 0, the alerts' p99 13.4 s against 16.0 s (BENCHMARKS.md).
   */
  #lowerPriority(pid: number, index: number): void {
    try {
      setPriority(pid, Math.min(19, getPriority() + (this.#options.niceness ?? 0)));
    } catch (error) {
      this.#logger.warn(
        { err: error, worker: index },
        'could not lower a stream worker’s priority',
      );
    }
  }

  #send(child: ChildProcess, message: ToStreamWorker): void {
    child.send(message, (error) => {
      if (error) this.#logger.debug({ err: error }, 'stream worker message not sent');
    });
  }

  #spawn(slot: Slot): Promise<void> {
    const { entry, config, secrets } = this.#options;
    const child = fork(entry, [], {
      // Buffers (the secrets, an upgrade's head) cross as they are.
      serialization: 'advanced',
      stdio: 'inherit',
      // Its own flags, not this process's (an inspector port, a test runner's loader).
      execArgv: [],
    });
    slot.child = child;
    slot.ready = false;
    if (child.pid && this.#options.niceness) this.#lowerPriority(child.pid, slot.index);
    return new Promise<void>((resolve, reject) => {
      let settled = false;
      const settle = (error?: Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (error) reject(error);
        else resolve();
      };
      const timer = setTimeout(() => {
        // A worker stuck in its start is ended, and started again like one that crashed.
        settle(new Error(`stream worker ${slot.index} not ready in time`));
        child.kill('SIGKILL');
      }, this.#options.readyTimeoutMs ?? 60_000);
      child.on('message', (message: FromStreamWorker) => {
        if (message.kind === 'ready') {
          slot.ready = true;
          slot.failures = 0;
          this.#logger.info({ worker: slot.index, pid: child.pid }, 'stream worker ready');
          settle();
        } else if (message.kind === 'size') {
          const answer = this.#answers.get(message.id);
          this.#answers.delete(message.id);
          answer?.(message.size);
        } else if (message.kind === 'failed') {
          settle(new Error(`stream worker ${slot.index}: ${message.message}`));
        }
      });
      let ended = false;
      const onEnded = (code: number | null, signal: NodeJS.Signals | null) => {
        if (ended) return;
        ended = true;
        slot.ready = false;
        if (slot.child === child) slot.child = null;
        this.#dropPending(slot);
        settle(new Error(`stream worker ${slot.index} ended before it was ready`));
        if (this.#stopping) return;
        const delay = Math.min(1_000 * 2 ** slot.failures, MAX_RESTART_DELAY_MS);
        slot.failures++;
        this.#logger.error(
          { worker: slot.index, code, signal, restartInMs: delay },
          'stream worker ended; its clients reconnect, and it starts again',
        );
        slot.restart = setTimeout(() => {
          slot.restart = null;
          if (this.#stopping) return;
          this.#spawn(slot).catch((error: unknown) =>
            this.#logger.error({ err: error, worker: slot.index }, 'stream worker did not start'),
          );
        }, delay);
      };
      child.on('exit', onEnded);
      // A fork that fails (no file descriptors left, say) emits 'error' and never 'exit'.
      child.on('error', (error) => {
        this.#logger.error({ err: error, worker: slot.index }, 'stream worker process error');
        if (child.pid === undefined || child.exitCode !== null) onEnded(child.exitCode, null);
      });
      this.#send(child, { kind: 'init', index: slot.index, config, secrets });
    });
  }
}
