import type { AppContext } from '../../platform';
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

export interface ElectionSweeper {
  stop(): Promise<void>;
}

/** Runs `sweepElections` on an unref'd timer, one pass at a time; a failure is logged. */
export function startElectionSweeper(
  ctx: AppContext,
  intervalMs = ELECTION_SWEEP_INTERVAL_MS,
): ElectionSweeper {
  const logger = ctx.logger.child({ sub: 'elections' });
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(tick, intervalMs);
    timer.unref();
  };
  const tick = () => {
    running = sweepElections(ctx)
      .catch((error: unknown) => logger.error({ err: error }, 'election sweep failed'))
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
