import type { AreaStats, AreaStatsView } from '@tocsin/core';

// Hundredths of a minute: enough to compare periods, no false precision.
const minutes = (ms: number | null) => (ms === null ? null : Math.round(ms / 600) / 100);

export function presentAreaStats(
  areaId: string,
  days: number,
  stats: AreaStats | undefined,
  alertsDelivered: number,
  authFailures: AreaStatsView['authFailures'] = null,
): AreaStatsView {
  return {
    areaId,
    days,
    incidents: stats?.incidents ?? 0,
    falseAlarmRate: stats?.falseAlarmRate ?? 0,
    medianMinutesToCorroborate: minutes(stats?.medianTimeToCorroborateMs ?? null),
    medianMinutesToConfirm: minutes(stats?.medianTimeToConfirmMs ?? null),
    alertsDelivered,
    authFailures,
  };
}
