import type { AutoPostType, PostView } from '@tocsin/core';
import type { PostRow } from './bulletin.repository';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A post as its readers see it; the author only by handle or display name. */
export function presentPost(row: PostRow, now: Date): PostView {
  return {
    id: row.id,
    body: { id: row.body_id, name: row.body_name },
    kind: row.kind,
    title: row.title,
    text: row.text,
    audience: row.audience,
    areaName: row.area_name,
    status: row.status,
    pinned: row.pinned_until !== null && row.pinned_until > now,
    author: row.author_id && row.author_name ? { id: row.author_id, name: row.author_name } : null,
    auto: row.auto_type
      ? {
          type: row.auto_type as AutoPostType,
          refId: row.ref_id,
          startsAt: iso(row.starts_at),
          day: row.auto_day,
          count: row.auto_count,
        }
      : null,
    eventId: row.event_id,
    createdAt: row.created_at.toISOString(),
    publishedAt: iso(row.published_at),
  };
}
