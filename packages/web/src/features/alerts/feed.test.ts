import { describe, expect, it } from 'vitest';
import { mergeFeed, type FeedItem } from './feed';

const item = (state: FeedItem['state'], updatedAt: string, activity: string | null = 'x') =>
  ({
    id: 'i1',
    state,
    activity,
    area: null,
    reporters: 2,
    location: { lat: 0, lng: 0 },
    updatedAt,
  }) satisfies FeedItem;

describe('the feed', () => {
  it('keeps the newest news of each incident: an older list does not undo an alert', () => {
    const afterAlert = mergeFeed(new Map(), [item('confirmed', '2026-11-27T10:05:00Z')]);
    const stale = mergeFeed(afterAlert, [item('corroborated', '2026-11-27T10:00:00Z')]);
    expect(stale.get('i1')?.state).toBe('confirmed');
    const newer = mergeFeed(stale, [item('false_alarm', '2026-11-27T10:06:00Z', null)]);
    expect(newer.get('i1')).toMatchObject({ state: 'false_alarm', activity: 'x' });
  });
});
