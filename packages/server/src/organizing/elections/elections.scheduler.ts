import { startPeriodic, type AppContext, type PeriodicJob } from '../../platform';
import { lapseExpiredPetitions } from './elections.repository';
import { countClosedElections } from './elections.service';
import { remindEndingTerms } from './recall.service';

export const ELECTION_SWEEP_INTERVAL_MS = 60_000;

/** One pass: count elections whose voting closed, lapse expired petitions, remind ending terms. */
export async function sweepElections(ctx: AppContext): Promise<void> {
  await countClosedElections(ctx);
  await lapseExpiredPetitions(ctx.db, ctx.clock.now());
  await remindEndingTerms(ctx);
}

export type ElectionSweeper = PeriodicJob;

/** Runs `sweepElections` every interval, one pass at a time; a failure is logged. */
export function startElectionSweeper(
  ctx: AppContext,
  intervalMs = ELECTION_SWEEP_INTERVAL_MS,
): ElectionSweeper {
  return startPeriodic(ctx.logger, 'election sweep', intervalMs, () => sweepElections(ctx));
}
