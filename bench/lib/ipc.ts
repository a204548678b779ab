// Request/response over the IPC channel of a forked child (`node --import tsx`), with a deadline
// on every request and on the child's whole life, so no benchmark process outlives its run.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface Request {
  op: string;
  [key: string]: unknown;
}

type Reply = { rid: number; ok: true; value: unknown } | { rid: number; ok: false; error: string };

export interface Child {
  readonly process: ChildProcess;
  /** Sends a request and waits for its reply, at most `timeoutMs`. */
  request<T>(message: Request, timeoutMs?: number): Promise<T>;
  /** Asks the child to stop (op `exit`), then kills it if it has not gone within 5 s. */
  stop(): Promise<void>;
}

const DEFAULT_TIMEOUT_MS = 120_000;
/** No child lives longer than this, whatever happens to its parent. */
export const MAX_CHILD_LIFE_MS = 15 * 60_000;

/** Forks a TypeScript module of this directory as a child process with an IPC channel. */
export function forkChild(
  module: string,
  options: { env?: Record<string, string>; execArgv?: string[]; cwd?: string } = {},
): Child {
  const file = fileURLToPath(new URL(module, import.meta.url));
  const child = fork(file, [], {
    execArgv: ['--import', 'tsx', ...(options.execArgv ?? [])],
    env: { ...process.env, ...options.env, BENCH_MAX_LIFE_MS: String(MAX_CHILD_LIFE_MS) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    serialization: 'advanced',
    ...(options.cwd ? { cwd: options.cwd } : {}),
  });
  let next = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.on('message', (raw) => {
    const reply = raw as Reply;
    const waiter = pending.get(reply.rid);
    if (!waiter) return;
    pending.delete(reply.rid);
    if (reply.ok) waiter.resolve(reply.value);
    else waiter.reject(new Error(`${module}: ${reply.error}`));
  });
  child.once('exit', (code, signal) => {
    for (const waiter of pending.values())
      waiter.reject(new Error(`${module} exited (${code ?? signal}) before replying`));
    pending.clear();
  });
  return {
    process: child,
    request<T>(message: Request, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<T> {
      const rid = next++;
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(rid);
          reject(new Error(`${module}: ${message.op} timed out after ${timeoutMs} ms`));
        }, timeoutMs);
        pending.set(rid, {
          resolve: (v) => {
            clearTimeout(timer);
            resolve(v as T);
          },
          reject: (e) => {
            clearTimeout(timer);
            reject(e);
          },
        });
        if (!child.connected) {
          pending.get(rid)?.reject(new Error(`${module} is not running`));
          return;
        }
        child.send({ ...message, rid });
      });
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      if (child.connected) child.send({ op: 'exit', rid: 0 });
      const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

/**
 * The child side: answers requests with the given handlers. The child exits on `exit`, when its
 * parent goes away, or after BENCH_MAX_LIFE_MS.
 */
export function serve(
  handlers: Record<string, (message: Request) => unknown>,
  onExit: () => Promise<void> | void = () => undefined,
): void {
  let exiting = false;
  const exit = (code: number) => {
    if (exiting) return;
    exiting = true;
    void Promise.resolve()
      .then(onExit)
      .catch((error: unknown) => process.stderr.write(`${String(error)}\n`))
      .finally(() => process.exit(code));
  };
  const life = Number(process.env.BENCH_MAX_LIFE_MS ?? MAX_CHILD_LIFE_MS);
  setTimeout(() => {
    process.stderr.write(`bench child ${process.pid}: lived ${life} ms, exiting\n`);
    exit(3);
  }, life).unref();
  process.on('disconnect', () => exit(0));
  process.on('message', (raw) => {
    const message = raw as Request & { rid: number };
    if (message.op === 'exit') return exit(0);
    const handler = handlers[message.op];
    const reply = (r: Reply) => {
      if (process.connected) process.send?.(r);
    };
    if (!handler) {
      reply({ rid: message.rid, ok: false, error: `unknown op ${message.op}` });
      return;
    }
    Promise.resolve()
      .then(() => handler(message))
      .then(
        (value) => reply({ rid: message.rid, ok: true, value }),
        (error: unknown) =>
          reply({
            rid: message.rid,
            ok: false,
            error: error instanceof Error ? (error.stack ?? error.message) : String(error),
          }),
      );
  });
}

/** Monotonic milliseconds, comparable between processes of one machine (CLOCK_MONOTONIC). */
export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
