import { startPeriodic, type AppContext, type PeriodicJob } from '../../platform';
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

export type OrganizingSweeper = PeriodicJob;

/** Runs the sweep every interval; a failed sweep is logged and retried. */
export function startOrganizingSweeper(
  ctx: AppContext,
  intervalMs = ORGANIZING_SWEEP_INTERVAL_MS,
): OrganizingSweeper {
  return startPeriodic(ctx.logger, 'organizing sweep', intervalMs, () => runOrganizingSweep(ctx));
}
