import {
  DEFAULT_DIGEST_TIME,
  DEFAULT_QUIET_HOURS,
  cityDay,
  composeDigest,
  dayBounds,
  shiftDay,
  type DigestSettingsView,
  type DigestView,
  type Principal,
  type digestSettingsBody,
  type QuietHours,
} from '@tocsin/core';
import type { z } from 'zod';
import type { AppContext } from '../../platform';
import { reachOf } from './audience';
import {
  confirmedIncidentCounts,
  eventsBetween,
  followsOf,
  postsBetween,
  saveSettings,
  settingsOf,
  type PostRow,
} from './bulletin.repository';

/** Open needs are those posted in the last week. */
const NEED_DAYS = 7;

export interface MemberSettings {
  time: string;
  quietHours: QuietHours | null;
  lastDigestDay: string | null;
}

/** The member's digest time and quiet hours (defaults: 19:00, 22:00–07:00). */
export async function memberSettings(ctx: AppContext, memberId: string): Promise<MemberSettings> {
  const row = await settingsOf(ctx.db, memberId);
  if (!row)
    return { time: DEFAULT_DIGEST_TIME, quietHours: DEFAULT_QUIET_HOURS, lastDigestDay: null };
  return {
    time: row.digest_time,
    quietHours:
      row.quiet_start && row.quiet_end ? { start: row.quiet_start, end: row.quiet_end } : null,
    lastDigestDay: row.last_digest_day,
  };
}

export async function timeZoneOf(ctx: AppContext): Promise<string> {
  return (await ctx.areas.get()).settings?.timeZone ?? 'UTC';
}

export async function digestSettings(
  ctx: AppContext,
  principal: Principal,
): Promise<DigestSettingsView> {
  const settings = await memberSettings(ctx, principal.memberId);
  const follows = await followsOf(ctx.db, principal.memberId);
  return {
    time: settings.time,
    quietHours: settings.quietHours,
    timeZone: await timeZoneOf(ctx),
    follows: follows.map((f) => ({ bodyId: f.body_id, state: f.state, bodyName: f.body_name })),
  };
}

export async function saveDigestSettings(
  ctx: AppContext,
  principal: Principal,
  input: z.output<typeof digestSettingsBody>,
): Promise<DigestSettingsView> {
  await saveSettings(ctx.db, principal.memberId, {
    digest_time: input.time,
    quiet_start: input.quietHours?.start ?? null,
    quiet_end: input.quietHours?.end ?? null,
  });
  return digestSettings(ctx, principal);
}

const digestPost = (p: PostRow) => ({
  id: p.id,
  bodyId: p.body_id,
  bodyName: p.body_name,
  kind: p.kind,
  title: p.title,
  publishedAt: (p.published_at ?? p.created_at).toISOString(),
  eventId: p.event_id,
});

/**
 * One member's digest of a city day: confirmed incidents (counts) in the areas they belong to and
 * those under them, the day's posts that reach them, open needs, and tomorrow's events.
 */
export async function digestFor(
  ctx: AppContext,
  principal: Principal,
  day: string | undefined,
  language: string | null,
): Promise<DigestView> {
  const snapshot = await ctx.areas.get();
  const timeZone = snapshot.settings?.timeZone ?? 'UTC';
  const theDay = day ?? cityDay(ctx.clock.now(), timeZone);
  const bounds = dayBounds(theDay, timeZone);
  const reach = await reachOf(ctx, principal);
  const mine = new Set(principal.roles.map((r) => r.areaId));
  const counts = await confirmedIncidentCounts(ctx.db, bounds.start, bounds.end);
  const incidents = counts
    .filter((c) => snapshot.chain(c.area_id).some((id) => mine.has(id)))
    .map((c) => ({
      areaId: c.area_id,
      areaName: snapshot.byId.get(c.area_id)?.name ?? '',
      confirmed: c.n,
    }));
  const posts = await postsBetween(ctx.db, reach, bounds.start, bounds.end);
  const needsFrom = dayBounds(shiftDay(theDay, -(NEED_DAYS - 1)), timeZone).start;
  const needs = await postsBetween(ctx.db, reach, needsFrom, bounds.end, ['need']);
  const tomorrow = dayBounds(shiftDay(theDay, 1), timeZone);
  const events = await eventsBetween(ctx.db, reach, tomorrow.start, tomorrow.end);
  const digest = composeDigest({
    day: theDay,
    incidents,
    posts: posts.map(digestPost),
    openNeeds: needs.map(digestPost),
    eventsTomorrow: events.map((e) => ({
      id: e.id,
      title: e.title,
      bodyName: e.body_name,
      startsAt: e.starts_at.toISOString(),
    })),
  });
  const languages = snapshot.settings?.languages ?? ['en'];
  return {
    ...digest,
    language: language && languages.includes(language) ? language : (languages[0] ?? 'en'),
    incidents: [...digest.incidents],
    decisions: [...digest.decisions],
    meetings: [...digest.meetings],
    announcements: [...digest.announcements],
    needs: [...digest.needs],
    eventsTomorrow: [...digest.eventsTomorrow],
  };
}
