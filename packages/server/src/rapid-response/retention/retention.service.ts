import { applyEnd, cellCenter, DEFAULT_QUIET_MINUTES, shouldAutoEnd } from '@tocsin/core';
import { transact, type AppContext } from '../../platform';
import { confirmersOf, recordTransition, reportersOf, toIncident } from '../incidents';
import { expirePlates } from '../plates';
import {
  deleteDeadSessions,
  deleteExpiredChallenges,
  deleteOldAuditEntries,
  deleteOldPlateLookups,
  deleteTracesOfLeftMembers,
  deleteUnusedPushSubscriptions,
  deleteRawData,
  deleteSpentInvites,
  deleteSettledRoleGrants,
  lockExpiredIncidents,
  lockQuietIncidents,
  markPurged,
  type RawDataDeleted,
} from './retention.repository';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
/** Used when no city pack is loaded; the pack's own default is the same. */
export const DEFAULT_RETENTION_HOURS = 24;
/** Used when no city pack is loaded; the pack's own defaults are the same. */
export const DEFAULT_KEEP_DAYS = { plateLookups: 30, auditLog: 90, unusedPushSubscriptions: 60 };
/**
 * Spent sessions and invites, and decided or lapsed role grants, are kept this long, to answer
 * "was I logged in?" or "what happened to that grant?" and nothing more.
 */
export const SPENT_ACCESS_KEEP_MS = 30 * DAY_MS;
// Small transactions: a sweep never holds many incident rows locked against live reports.
const BATCH = 100;

export interface PurgeCounts extends RawDataDeleted {
  incidents: number;
}

/** What one sweep did, in counts only. */
export interface SweepSummary {
  autoEnded: number;
  purged: PurgeCounts;
  /** Plate records past their own expiry (180 days unless seen again). */
  platesExpired: number;
  access: { challenges: number; sessions: number; invites: number; roleGrants: number };
  /** Rows past the city pack's keepDays, and what members who left leave behind. */
  traces: TraceCounts;
}

export interface TraceCounts {
  plateLookups: number;
  auditLog: number;
  pushSubscriptions: number;
  leftMembers: number;
}

/**
 * Ends every open incident that has been quiet for the city's `quietPeriodMinutes`, as the rules'
 * 'auto' actor; the all clear reaches everyone alerted through the outbox. Rows locked by another
 * node's sweep or by a report joining them are skipped. Returns how many ended.
 */
export async function autoEndQuietIncidents(ctx: AppContext): Promise<number> {
  // Read before any transaction: recordTransition needs the areas, and PGlite has one connection.
  const areas = await ctx.areas.get();
  const quietMinutes = areas.settings?.quietPeriodMinutes ?? DEFAULT_QUIET_MINUTES;
  let ended = 0;
  for (;;) {
    const now = ctx.clock.now();
    const batch = await transact(ctx, async (tx) => {
      const rows = await lockQuietIncidents(
        tx,
        new Date(now.getTime() - quietMinutes * MINUTE_MS),
        BATCH,
      );
      let count = 0;
      for (const row of rows) {
        const incident = toIncident(
          row,
          await reportersOf(tx, row.id),
          await confirmersOf(tx, row.id),
        );
        if (!shouldAutoEnd(incident, now.getTime(), quietMinutes)) continue;
        const result = applyEnd(incident, 'auto', now.getTime());
        if (!result.ok) continue;
        await recordTransition(ctx, tx, result.value, {
          activity: row.activity,
          activityCode: row.activity_code,
        });
        count += 1;
      }
      return { seen: rows.length, count };
    });
    ended += batch.count;
    if (batch.seen < BATCH || batch.count === 0) return ended;
  }
}

/**
 * Deletes the raw material of incidents that closed (ended, false alarm, merged) more than the
 * city's `retentionHours` ago, keeping the incident's area, coarse cell, day, state, counts and
 * times for statistics.
 */
export async function purgeExpiredIncidents(ctx: AppContext, now: Date): Promise<PurgeCounts> {
  const areas = await ctx.areas.get();
  const hours = areas.settings?.retentionHours ?? DEFAULT_RETENTION_HOURS;
  const closedBefore = new Date(now.getTime() - hours * HOUR_MS);
  const total: PurgeCounts = {
    incidents: 0,
    reports: 0,
    photos: 0,
    reporterLinks: 0,
    dispatches: 0,
    alerts: 0,
    deliveries: 0,
    events: 0,
  };
  for (;;) {
    const batch = await transact(ctx, async (tx) => {
      const rows = await lockExpiredIncidents(tx, closedBefore, BATCH);
      if (rows.length === 0) return null;
      const counts = await deleteRawData(
        tx,
        rows.map((r) => r.id),
      );
      for (const row of rows) {
        await markPurged(tx, { id: row.id, ...cellCenter(row.coarse_cell) }, now);
      }
      return { ...counts, incidents: rows.length };
    });
    if (!batch) return total;
    for (const key of Object.keys(total) as (keyof PurgeCounts)[]) total[key] += batch[key];
    if (batch.incidents < BATCH) return total;
  }
}

/** Expired login challenges, and sessions, invites and role grants settled more than 30 days ago. */
export async function purgeSpentAccess(ctx: AppContext, now: Date) {
  const before = new Date(now.getTime() - SPENT_ACCESS_KEEP_MS);
  return {
    challenges: await deleteExpiredChallenges(ctx.db, now),
    sessions: await deleteDeadSessions(ctx.db, before, ctx.config.sessions.idleMs),
    invites: await deleteSpentInvites(ctx.db, before),
    roleGrants: await deleteSettledRoleGrants(ctx.db, before),
  };
}

/**
 * Plate lookups, audit entries and unused push subscriptions past the city pack's `keepDays`,
 * and the lookups, push subscriptions, undecided approvals and audit entries of members who left
 * (suspended).
 */
export async function purgeTraces(ctx: AppContext, now: Date): Promise<TraceCounts> {
  const keep = (await ctx.areas.get()).settings?.keepDays ?? DEFAULT_KEEP_DAYS;
  const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS);
  return {
    plateLookups: await deleteOldPlateLookups(ctx.db, daysAgo(keep.plateLookups)),
    auditLog: await deleteOldAuditEntries(ctx.db, daysAgo(keep.auditLog)),
    pushSubscriptions: await deleteUnusedPushSubscriptions(
      ctx.db,
      daysAgo(keep.unusedPushSubscriptions),
    ),
    leftMembers: await deleteTracesOfLeftMembers(ctx.db),
  };
}

/** One retention sweep: auto-end quiet incidents, then purge what is past retention. */
export async function runSweep(ctx: AppContext): Promise<SweepSummary> {
  const autoEnded = await autoEndQuietIncidents(ctx);
  const now = ctx.clock.now();
  const purged = await purgeExpiredIncidents(ctx, now);
  const platesExpired = await expirePlates(ctx, now);
  const access = await purgeSpentAccess(ctx, now);
  const traces = await purgeTraces(ctx, now);
  const summary = { autoEnded, purged, platesExpired, access, traces };
  const total =
    autoEnded +
    purged.incidents +
    platesExpired +
    access.challenges +
    access.sessions +
    access.invites +
    access.roleGrants +
    traces.plateLookups +
    traces.auditLog +
    traces.pushSubscriptions +
    traces.leftMembers;
  if (total > 0) {
    ctx.logger.child({ sub: 'retention' }).info(summary, 'retention sweep');
  }
  return summary;
}
