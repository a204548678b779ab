import type { IncidentState } from './incident';

/** The fields of an incident the statistics read (an Incident fits). */
export interface IncidentSummary {
  readonly areaId: string | null;
  readonly state: IncidentState;
  readonly firstReportAt: number;
  readonly corroboratedAt: number | null;
  readonly confirmedAt: number | null;
}

/** Figures for one area (null: incidents outside every area). Times are in ms. */
export interface AreaStats {
  readonly areaId: string | null;
  readonly incidents: number;
  readonly falseAlarms: number;
  /** False alarms over all counted incidents, open ones included; 0 when there are none. */
  readonly falseAlarmRate: number;
  readonly medianTimeToCorroborateMs: number | null;
  readonly medianTimeToConfirmMs: number | null;
}

/** Per-area incident count, false-alarm rate and median times to corroborate and confirm, sorted by area id. */
export function statsByArea(incidents: readonly IncidentSummary[]): AreaStats[] {
  const byArea = new Map<string | null, IncidentSummary[]>();
  for (const incident of incidents) {
    // A merged incident lives on in the one it merged into; counting it would count twice.
    if (incident.state === 'merged') continue;
    const list = byArea.get(incident.areaId);
    if (list === undefined) byArea.set(incident.areaId, [incident]);
    else list.push(incident);
  }
  return [...byArea]
    .sort(([a], [b]) => compareAreaIds(a, b))
    .map(([areaId, list]) => {
      const falseAlarms = list.filter((i) => i.state === 'false_alarm').length;
      return {
        areaId,
        incidents: list.length,
        falseAlarms,
        falseAlarmRate: falseAlarms / list.length,
        medianTimeToCorroborateMs: median(delays(list, (i) => i.corroboratedAt)),
        medianTimeToConfirmMs: median(delays(list, (i) => i.confirmedAt)),
      };
    });
}

/** The median, averaging the middle two of an even count; null for no values. */
export function median(values: readonly number[]): number | null {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid];
  if (upper === undefined) return null;
  if (sorted.length % 2 === 1) return upper;
  return ((sorted[mid - 1] ?? upper) + upper) / 2;
}

function delays(
  list: readonly IncidentSummary[],
  when: (incident: IncidentSummary) => number | null,
): number[] {
  const out: number[] = [];
  for (const incident of list) {
    const at = when(incident);
    // Clamped: a late-processed first report can predate a transition's clock time.
    if (at !== null) out.push(Math.max(0, at - incident.firstReportAt));
  }
  return out;
}

// Areas by id, incidents outside every area last.
function compareAreaIds(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
