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
}

const MAX_RESTART_DELAY_MS = 30_000;

/** What of a net.Socket's libuv handle stops it reading (Node's internals). */
interface TcpHandle {
  reading: boolean;
  readStop(): number;
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
      this.#slots.map((slot) => {
        const child = slot.child;
        if (!slot.ready || !child?.connected) return 0;
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
    // right after it has gone. If it cannot go (the worker just ended), this process makes the
    // handshake itself.
    const tcp = socket as Socket & { server: unknown; _handle?: TcpHandle | null };
    tcp.server = null;
    // This process stops reading the connection now. Its copy of the descriptor stays open until
    // the worker acknowledges it, and a read in that window would take bytes that are the
    // worker's: the client's hello, sent as soon as the worker's 101 arrives (the bench lost 5 of
    // 5,000 hellos so). Node's own handle passing assumes a socket that never read (cluster's
    // pauseOnConnect), so this reaches its handle.
    if (tcp._handle) {
      tcp._handle.reading = false;
      tcp._handle.readStop();
    }
    slot.child.send(message, tcp, (error) => {
      if (!error) {
        tcp.destroy();
        return;
      }
      this.#logger.warn({ err: error, worker: slot.index }, 'could not pass an upgrade');
      if (!socket.destroyed) fallback(request, socket, head);
    });
    return true;
  }

  /** Tells every worker to close its sockets (1001, going away) and waits for it to end. */
  async stop(): Promise<void> {
    this.#stopping = true;
    const timeout = this.#options.stopTimeoutMs ?? 15_000;
    await Promise.all(
      this.#slots.map(async (slot) => {
        if (slot.restart) clearTimeout(slot.restart);
        slot.restart = null;
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
   * Gives a worker a lower CPU priority than this process (TOCSIN_STREAM_WORKER_NICENESS). When a
   * broadcast and the API's answers both want the CPU, the kernel then runs the answers first:
   * they are short and someone waits on each, while a broadcast to ten thousand sockets takes a
   * core for a third of a second at a time. On a machine without a core to spare for the worker,
   * that trades the alerts' speed for the answers': the surge bench on two shared cores measured
   * answers p99 65–160 ms at niceness 10 against 200–300 ms at 0, and alerts 2.4–4.6× the bare
   * bound against 2.1–2.8× (BENCHMARKS.md). Off by default: alerts come first.
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
      const timer = setTimeout(
        () => settle(new Error(`stream worker ${slot.index} not ready in time`)),
        this.#options.readyTimeoutMs ?? 60_000,
      );
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
      child.on('exit', (code, signal) => {
        slot.ready = false;
        if (slot.child === child) slot.child = null;
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
      });
      this.#send(child, { kind: 'init', index: slot.index, config, secrets });
    });
  }
}
