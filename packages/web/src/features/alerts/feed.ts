import type { IncidentSummaryView as IncidentSummary } from '@tocsin/core/api/views';
import type { AlertKind } from '@tocsin/core/incidents/alert-policy';
import type { IncidentState } from '@tocsin/core/incidents/incident';
import type { AlertMessage } from '../../lib/stream';

/** One line of the home screen: an incident as last heard of, from the API or the stream. */
export interface FeedItem {
  id: string;
  state: IncidentState;
  activity: string | null;
  /** A quick choice's code, worded in the reader's language (lib/activity-text). */
  activityCode?: string | null | undefined;
  area: { id: string; name: string } | null;
  reporters: number;
  location: { lat: number; lng: number };
  /** When something last happened to it (ISO); the feed is sorted by this, newest first. */
  updatedAt: string;
  lastAlert?: { id: string; kind: AlertKind };
}

function latest(...times: (string | null | undefined)[]): string {
  return (
    times
      .filter((x): x is string => Boolean(x))
      .sort()
      .at(-1) ?? new Date(0).toISOString()
  );
}

export function feedItemFromIncident(incident: IncidentSummary): FeedItem {
  return {
    id: incident.id,
    state: incident.state,
    activity: incident.activity,
    activityCode: incident.activityCode ?? null,
    area: incident.area,
    reporters: incident.reporters,
    location: incident.location,
    updatedAt: latest(
      incident.lastReportAt,
      incident.corroboratedAt,
      incident.confirmedAt,
      incident.closedAt,
    ),
  };
}

export function feedItemFromAlert(alert: AlertMessage): FeedItem {
  const { incident } = alert;
  return {
    id: incident.id,
    state: incident.state,
    activity: incident.activity,
    activityCode: incident.activityCode ?? null,
    area: incident.area,
    reporters: incident.reporters,
    location: incident.location,
    updatedAt: incident.at,
    lastAlert: { id: alert.id, kind: alert.kind },
  };
}

/**
 * Merges fresh items into the feed: an item replaces what is known of its incident unless it is
 * older (a list fetched before an alert arrived must not undo the alert).
 */
export function mergeFeed(
  current: ReadonlyMap<string, FeedItem>,
  fresh: readonly FeedItem[],
): Map<string, FeedItem> {
  const next = new Map(current);
  for (const item of fresh) {
    const known = next.get(item.id);
    if (!known || item.updatedAt >= known.updatedAt) {
      // An alert without the headline (a retracted one) keeps what was known of it.
      const known2 = item.activity === null && !item.activityCode ? known : undefined;
      next.set(
        item.id,
        known2 ? { ...item, activity: known2.activity, activityCode: known2.activityCode } : item,
      );
    }
  }
  return next;
}
