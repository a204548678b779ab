import type { AppContext } from '../../platform';
import { runSweep } from './retention.service';

export const SWEEP_INTERVAL_MS = 60_000;

export interface Sweeper {
  /** Stops the timer and waits for a sweep in progress. */
  stop(): Promise<void>;
}

/**
 * Runs a retention sweep every `intervalMs` on an unref'd timer, never two at once on this node
 * (other nodes' sweeps skip the rows this one holds). A failed sweep is logged and retried at the
 * next tick.
 */
export function startSweeper(ctx: AppContext, intervalMs = SWEEP_INTERVAL_MS): Sweeper {
  const logger = ctx.logger.child({ sub: 'retention' });
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(tick, intervalMs);
    timer.unref();
  };
  const tick = () => {
    running = runSweep(ctx)
      .then(() => undefined)
      .catch((error: unknown) => logger.error({ err: error }, 'retention sweep failed'))
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
