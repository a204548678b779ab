import type { AppContext } from '../context';

export type CheckResult = 'ok' | 'failing';

export interface Readiness {
  ready: boolean;
  checks: { database: CheckResult; bus: CheckResult };
}

async function check(probe: () => Promise<void>, timeoutMs: number): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
  });
  try {
    await Promise.race([probe(), timeout]);
    return 'ok';
  } catch {
    return 'failing';
  } finally {
    clearTimeout(timer);
  }
}

/** Whether this node can do its work: the database answers and the bus takes messages. */
export async function checkReadiness(ctx: AppContext, timeoutMs = 2_000): Promise<Readiness> {
  const [database, bus] = await Promise.all([
    check(() => ctx.database.ping(), timeoutMs),
    check(() => ctx.bus.ping(), timeoutMs),
  ]);
  return { ready: database === 'ok' && bus === 'ok', checks: { database, bus } };
}
