import { startPeriodic, type AppContext, type PeriodicJob } from '../../platform';
import { runSweep } from './retention.service';

export const SWEEP_INTERVAL_MS = 60_000;

export type Sweeper = PeriodicJob;

/**
 * Runs a retention sweep every `intervalMs`, never two at once on this node (other nodes' sweeps
 * skip the rows this one holds). A failed sweep is logged and retried at the next tick.
 */
export function startSweeper(ctx: AppContext, intervalMs = SWEEP_INTERVAL_MS): Sweeper {
  return startPeriodic(ctx.logger, 'retention sweep', intervalMs, () => runSweep(ctx));
}
