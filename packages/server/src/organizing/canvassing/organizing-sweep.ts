import type { AppContext } from '../../platform';
import { sweepMutualAid, type AidSweep } from '../mutual-aid';
import { sweepCanvassing, type CanvassSweep } from './canvassing.retention';

export const ORGANIZING_SWEEP_INTERVAL_MS = 60_000;

export interface OrganizingSweep {
  canvassing: CanvassSweep;
  mutualAid: AidSweep;
}

/** One sweep of what canvassing and mutual aid keep only for a while. */
export async function runOrganizingSweep(ctx: AppContext): Promise<OrganizingSweep> {
  return { canvassing: await sweepCanvassing(ctx), mutualAid: await sweepMutualAid(ctx) };
}

export interface OrganizingSweeper {
  stop(): Promise<void>;
}

/** Runs the sweep every interval on an unref'd timer; a failed sweep is logged and retried. */
export function startOrganizingSweeper(
  ctx: AppContext,
  intervalMs = ORGANIZING_SWEEP_INTERVAL_MS,
): OrganizingSweeper {
  const logger = ctx.logger.child({ sub: 'organizing-retention' });
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(tick, intervalMs);
    timer.unref();
  };
  const tick = () => {
    running = runOrganizingSweep(ctx)
      .then(() => undefined)
      .catch((error: unknown) => logger.error({ err: error }, 'organizing sweep failed'))
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
