import { startPeriodic, type AppContext, type PeriodicJob } from '../../platform';
import { sweepRequests } from '../assemblies';
import { sweepMutualAid, type AidSweep } from '../mutual-aid';
import { sweepCanvassing, type CanvassSweep } from './canvassing.retention';

export const ORGANIZING_SWEEP_INTERVAL_MS = 60_000;

export interface OrganizingSweep {
  canvassing: CanvassSweep;
  mutualAid: AidSweep;
  /** Request ids (and their stored answers) past `REQUEST_ID_KEEP_MS`, deleted. */
  requests: number;
}

/** One sweep of what canvassing, mutual aid and the organizing writes' request ids keep a while. */
export async function runOrganizingSweep(ctx: AppContext): Promise<OrganizingSweep> {
  return {
    canvassing: await sweepCanvassing(ctx),
    mutualAid: await sweepMutualAid(ctx),
    requests: await sweepRequests(ctx),
  };
}

export type OrganizingSweeper = PeriodicJob;

/** Runs the sweep every interval; a failed sweep is logged and retried. */
export function startOrganizingSweeper(
  ctx: AppContext,
  intervalMs = ORGANIZING_SWEEP_INTERVAL_MS,
): OrganizingSweeper {
  return startPeriodic(ctx.logger, 'organizing sweep', intervalMs, () => runOrganizingSweep(ctx));
}
