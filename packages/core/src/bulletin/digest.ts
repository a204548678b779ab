import type { CityDay } from './days';

/** The kinds of bulletin posts. */
export const POST_KINDS = ['announcement', 'meeting', 'decision', 'event', 'need'] as const;
export type PostKind = (typeof POST_KINDS)[number];

/** A post as the digest sees it (already filtered to what reaches the member). */
export interface DigestPostInput {
  readonly id: string;
  readonly bodyId: string;
  readonly bodyName: string;
  readonly kind: PostKind;
  readonly title: string;
  readonly publishedAt: string;
  /** The event an `event` post announces, if any. */
  readonly eventId?: string | null;
}

/** Confirmed incidents of one area on the day: a count, never a report. */
export interface DigestIncidentsInput {
  readonly areaId: string;
  readonly areaName: string;
  readonly confirmed: number;
}

export interface DigestEventInput {
  readonly id: string;
  readonly title: string;
  readonly bodyName: string;
  readonly startsAt: string;
}

export interface DigestInput {
  readonly day: CityDay;
  readonly incidents: readonly DigestIncidentsInput[];
  /** Posts published on the day that reach the member (feed rules, mutes applied). */
  readonly posts: readonly DigestPostInput[];
  /** Need posts still open near the member (published in the last week, their areas). */
  readonly openNeeds: readonly DigestPostInput[];
  /** Events starting on the next day that the member may see. */
  readonly eventsTomorrow: readonly DigestEventInput[];
}

export interface DigestPost {
  readonly id: string;
  readonly bodyName: string;
  readonly kind: PostKind;
  readonly title: string;
}

/** One day's digest: the facts of Tocsin itself, each once, newest first within a section. */
export interface Digest {
  readonly day: CityDay;
  readonly counts: {
    readonly confirmedIncidents: number;
    readonly decisions: number;
    readonly openNeeds: number;
    readonly eventsTomorrow: number;
    readonly posts: number;
  };
  readonly incidents: readonly { areaId: string; areaName: string; confirmed: number }[];
  readonly decisions: readonly DigestPost[];
  readonly meetings: readonly DigestPost[];
  readonly announcements: readonly DigestPost[];
  readonly needs: readonly DigestPost[];
  readonly eventsTomorrow: readonly DigestEventInput[];
  /** Whether there is nothing to tell (no push is sent for an empty digest). */
  readonly empty: boolean;
}

/** At most this many items per section; the counts still say how many there were. */
export const DIGEST_SECTION_LIMIT = 10;

function newestFirst(a: DigestPostInput, b: DigestPostInput): number {
  return b.publishedAt.localeCompare(a.publishedAt) || a.id.localeCompare(b.id);
}

function unique<T extends { id: string }>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => (seen.has(item.id) ? false : (seen.add(item.id), true)));
}

const view = (p: DigestPostInput): DigestPost => ({
  id: p.id,
  bodyName: p.bodyName,
  kind: p.kind,
  title: p.title,
});

/**
 * Builds a member's digest of one day: confirmed incidents per area (areas with none left out),
 * the day's decisions, meeting notices and announcements, open needs near them and tomorrow's
 * events. Each post appears once, in one section; sections are capped, counts are not.
 */
export function composeDigest(input: DigestInput): Digest {
  const posts = unique(input.posts).sort(newestFirst);
  const section = (kinds: readonly PostKind[]) =>
    posts.filter((p) => kinds.includes(p.kind)).map(view);
  const decisions = section(['decision']);
  const meetings = section(['meeting']);
  // Event posts are told by tomorrow's events when they fall then; the rest are announcements.
  const tomorrowIds = new Set(input.eventsTomorrow.map((e) => e.id));
  const announcements = posts
    .filter(
      (p) => p.kind === 'announcement' || (p.kind === 'event' && !tomorrowIds.has(p.eventId ?? '')),
    )
    .map(view);
  const needs = unique(input.openNeeds).sort(newestFirst).map(view);
  const incidents = input.incidents
    .filter((i) => i.confirmed > 0)
    .map((i) => ({ areaId: i.areaId, areaName: i.areaName, confirmed: i.confirmed }))
    .sort((a, b) => b.confirmed - a.confirmed || a.areaName.localeCompare(b.areaName));
  const eventsTomorrow = unique(input.eventsTomorrow).sort(
    (a, b) => a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id),
  );
  const counts = {
    confirmedIncidents: incidents.reduce((sum, i) => sum + i.confirmed, 0),
    decisions: decisions.length,
    openNeeds: needs.length,
    eventsTomorrow: eventsTomorrow.length,
    posts: posts.length,
  };
  const cap = <T>(items: readonly T[]) => items.slice(0, DIGEST_SECTION_LIMIT);
  return {
    day: input.day,
    counts,
    incidents,
    decisions: cap(decisions),
    meetings: cap(meetings),
    announcements: cap(announcements),
    needs: cap(needs),
    eventsTomorrow: cap(eventsTomorrow),
    empty:
      counts.confirmedIncidents + counts.posts + counts.openNeeds + counts.eventsTomorrow === 0,
  };
}
