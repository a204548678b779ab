import { MemoryBus } from '../platform/bus/memory-bus';
import { createContext } from '../context';
import { runOrganizingSweep, type OrganizingSweep } from '../organizing';
import { runSweep, type SweepSummary } from '../rapid-response/retention/retention.service';
import { bootstrap } from './bootstrap';

export function formatSweepSummary(s: SweepSummary): string {
  const p = s.purged;
  return [
    `Auto-ended ${s.autoEnded} quiet incident(s).`,
    `Purged ${p.incidents} incident(s) past retention: ${p.reports} report(s), ` +
      `${p.photos} photo(s), ${p.reporterLinks} reporter link(s), ${p.dispatches} dispatch(es), ` +
      `${p.alerts} alert(s), ${p.deliveries} delivery record(s), ${p.events} outbox event(s).`,
    `Expired ${s.platesExpired} plate record(s).`,
    `Deleted ${s.access.challenges} expired challenge(s), ${s.access.sessions} dead session(s), ` +
      `${s.access.invites} spent invite(s), ${s.access.roleGrants} settled role grant(s).`,
    `Deleted ${s.traces.plateLookups} old plate lookup(s), ${s.traces.auditLog} old audit ` +
      `entr(ies), ${s.traces.pushSubscriptions} unused push subscription(s), ` +
      `${s.traces.leftMembers} trace(s) of members who left.`,
    '',
  ].join('\n');
}

export function formatOrganizingSweep(s: OrganizingSweep): string {
  const aid = s.mutualAid;
  return [
    `Deleted ${s.canvassing.notes} door note(s) and ${s.canvassing.receipts} door receipt(s) ` +
      `past the canvass's keep days.`,
    `Expired ${aid.expired} aid request(s) nobody took, purged ${aid.purgedRequests} closed ` +
      `request(s) and ${aid.deletedMessages} message(s), ended ${aid.offersEnded} offer(s).`,
    '',
  ].join('\n');
}

/**
 * `tocsin purge`: one retention sweep now, of the rapid-response half and of what canvassing and
 * mutual aid keep only for a while (the server also runs both on their own timers).
 */
export async function purgeCommand(): Promise<number> {
  const { config, secrets, logger } = await bootstrap({ LOG_LEVEL: 'warn' });
  // As in `city load`: a private bus and a relay that never starts, so the all clears of
  // incidents this sweep ends stay in the outbox for the servers' relays to deliver.
  const ctx = await createContext({
    config,
    secrets,
    logger,
    bus: new MemoryBus(logger.child({ sub: 'bus' })),
  });
  try {
    process.stdout.write(formatSweepSummary(await runSweep(ctx)));
    process.stdout.write(formatOrganizingSweep(await runOrganizingSweep(ctx)));
    return 0;
  } finally {
    await ctx.relay.stop();
    await ctx.bus.close();
    await ctx.database.close();
  }
}
