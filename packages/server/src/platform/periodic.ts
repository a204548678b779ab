import type { Logger } from './logger';

/** A job started by startPeriodic. */
export interface PeriodicJob {
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
}

/**
 * Runs `run` every `intervalMs` on an unref'd timer, never two at once on this node: the next
 * run is scheduled when the last one ends. A failed run is logged under `name` and the job goes
 * on at the next tick. Each sweep of the server (retention, elections, organizing) is one of
 * these; jobs that must not run twice across nodes guard themselves with row locks.
 */
export function startPeriodic(
  logger: Logger,
  name: string,
  intervalMs: number,
  run: () => Promise<unknown>,
): PeriodicJob {
  const log = logger.child({ sub: name });
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(tick, intervalMs);
    timer.unref();
  };
  const tick = () => {
    running = run()
      .then(() => undefined)
      .catch((error: unknown) => log.error({ err: error }, `${name} failed`))
      .finally(() => {
        running = null;
        schedule();
      });
  };

  schedule();
  return {
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      if (running) await running;
    },
  };
}
