import {
  statsByArea,
  statsSeries,
  windowDays,
  type AreaStatsView,
  type Principal,
} from '@tocsin/core';
import type { AppContext } from '../../platform';
import { cityDay } from '../incidents';
import { authFailureTotals, requireOrganizer, visibleArea } from '../../membership';
import { presentAreaStats } from './stats.presenter';
import { incidentFigures } from './stats.repository';

const DAY_MS = 86_400_000;

/** The first day (YYYY-MM-DD) of a window of `days` calendar days ending with `today`. */
export function firstDayOf(today: string, days: number): string {
  const start = new Date(Date.parse(`${today}T00:00:00Z`) - (days - 1) * DAY_MS);
  return start.toISOString().slice(0, 10);
}

/**
 * Figures for an area and every area under it over the last `days` days of the city's calendar
 * (today included): incidents (merged ones count once, in the incident they joined), the share
 * that were false alarms, median minutes from first report to corroboration and to confirmation,
 * and alerts delivered. Read from what an incident keeps after the purge, so purging changes
 * nothing here. Organizers of the area (or above) and admins only.
 */
export async function areaStats(
  ctx: AppContext,
  principal: Principal,
  areaId: string,
  days: number,
): Promise<AreaStatsView> {
  const { snapshot } = await visibleArea(ctx, principal, areaId);
  requireOrganizer(principal, snapshot.chain(areaId), 'see its statistics');
  const areaIds = snapshot.all
    .filter((a) => snapshot.chain(a.id).includes(areaId))
    .map((a) => a.id);
  const timeZone = snapshot.settings?.timeZone ?? 'UTC';
  const today = cityDay(ctx.clock.now(), timeZone);
  const rows = await incidentFigures(ctx.db, areaIds, firstDayOf(today, days));
  // One bucket: every row is filed under the requested area.
  const [stats] = statsByArea(
    rows.map((r) => ({
      areaId,
      state: r.state,
      firstReportAt: r.first_report_at.getTime(),
      corroboratedAt: r.corroborated_at?.getTime() ?? null,
      confirmedAt: r.confirmed_at?.getTime() ?? null,
    })),
  );
  // Deliveries of a merged incident were real alerts, so they count even though it does not.
  const delivered = rows.reduce((sum, r) => sum + r.alerts_delivered, 0);
  // Failed logins are city-wide: shown with the city's own figures only.
  let authFailures: AreaStatsView['authFailures'] = null;
  if (snapshot.byId.get(areaId)?.kind === 'city') {
    const totals = new Map(
      (
        await authFailureTotals(
          ctx.db,
          firstDayOf(ctx.clock.now().toISOString().slice(0, 10), days),
        )
      ).map((r) => [r.kind, Number(r.total)]),
    );
    authFailures = {
      recoveryFailed: totals.get('recovery_failed') ?? 0,
      recoveryLocked: totals.get('recovery_locked') ?? 0,
      inviteRefused: totals.get('invite_refused') ?? 0,
    };
  }
  // The charts: one line per area that had incidents (an area with none draws nothing).
  const window = windowDays(today, days);
  const charted = areaIds.filter((id) => rows.some((r) => r.area_id === id));
  const lines = statsSeries(
    rows.map((r) => ({
      areaId: r.area_id ?? areaId,
      day: r.day,
      state: r.state,
      firstReportAt: r.first_report_at.getTime(),
      corroboratedAt: r.corroborated_at?.getTime() ?? null,
      confirmedAt: r.confirmed_at?.getTime() ?? null,
    })),
    charted,
    window,
  ).map((line) => ({ ...line, name: snapshot.byId.get(line.areaId)?.name ?? '' }));
  return {
    ...presentAreaStats(areaId, days, stats, delivered, authFailures),
    series: { days: window, areas: lines },
  };
}
