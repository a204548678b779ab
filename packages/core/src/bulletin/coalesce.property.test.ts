import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BODY_PUSH_WINDOW_MS,
  EMPTY_PUSH_STATE,
  MEMBER_PUSH_GAP_MS,
  flushHeld,
  nextFlushAt,
  onPost,
  type PushState,
} from './coalesce';

const MIN = 60_000;
const bodies = ['b1', 'b2', 'b3', 'b4', 'b5', 'b6', 'b7', 'b8'];

interface Push {
  at: number;
  bodyIds: readonly string[];
}

/** Runs posts (sorted by time) through the rules, flushing every minute until `until`. */
function simulate(
  posts: readonly { at: number; bodyId: string }[],
  until: number,
  quietAt: (at: number) => boolean = () => false,
): Push[] {
  let state: PushState = EMPTY_PUSH_STATE;
  const pushes: Push[] = [];
  const sorted = [...posts].sort((a, b) => a.at - b.at);
  let i = 0;
  for (let tick = 0; tick <= until; tick += MIN) {
    for (; i < sorted.length && sorted[i]!.at <= tick; i++) {
      const post = sorted[i]!;
      const step = onPost(state, post.bodyId, post.at, quietAt(post.at));
      state = step.state;
      if (step.decision.action === 'push')
        pushes.push({ at: post.at, bodyIds: step.decision.bodyIds });
    }
    const flushed = flushHeld(state, tick, quietAt(tick));
    state = flushed.state;
    if (flushed.bodyIds.length > 0) pushes.push({ at: tick, bodyIds: flushed.bodyIds });
  }
  return pushes;
}

const flood = fc.array(
  fc.record({
    at: fc.integer({ min: 0, max: 10 * MIN - 1 }),
    bodyId: fc.constantFrom(...bodies),
  }),
  { minLength: 1, maxLength: 300 },
);

describe('calm notifications (coalescing)', () => {
  it('200 posts in 10 minutes give a member at most 3 pushes', () => {
    const posts = Array.from({ length: 200 }, (_, i) => ({
      at: i * 3_000,
      bodyId: bodies[i % bodies.length]!,
    }));
    const pushes = simulate(posts, 3 * 3_600_000);
    expect(pushes.length).toBeGreaterThan(0);
    expect(pushes.length).toBeLessThanOrEqual(3);
  });

  it('any flood within 10 minutes, from any bodies, gives at most 3 pushes', () => {
    fc.assert(
      fc.property(flood, (posts) => simulate(posts, 3 * 3_600_000).length <= 3),
      { numRuns: 300 },
    );
  });

  it('no body is in two pushes within 30 minutes, and pushes are 15 minutes apart', () => {
    const posts = fc.array(
      fc.record({
        at: fc.integer({ min: 0, max: 6 * 3_600_000 }),
        bodyId: fc.constantFrom(...bodies),
      }),
      { maxLength: 200 },
    );
    fc.assert(
      fc.property(posts, (list) => {
        const pushes = simulate(list, 8 * 3_600_000);
        const last = new Map<string, number>();
        for (const [i, push] of pushes.entries()) {
          if (i > 0 && push.at - pushes[i - 1]!.at < MEMBER_PUSH_GAP_MS) return false;
          for (const id of push.bodyIds) {
            const prev = last.get(id);
            if (prev !== undefined && push.at - prev < BODY_PUSH_WINDOW_MS) return false;
            last.set(id, push.at);
          }
        }
        return true;
      }),
      { numRuns: 200 },
    );
  });

  it('every post outside quiet hours is pushed at last: held posts are never lost', () => {
    fc.assert(
      fc.property(flood, (posts) => {
        const pushed = new Set(simulate(posts, 3 * 3_600_000).flatMap((p) => p.bodyIds));
        return posts.every((p) => pushed.has(p.bodyId));
      }),
      { numRuns: 200 },
    );
  });

  it('sends nothing in quiet hours and holds nothing for the morning', () => {
    const quiet = (at: number) => at < 60 * MIN;
    const posts = Array.from({ length: 50 }, (_, i) => ({ at: i * MIN, bodyId: bodies[i % 3]! }));
    expect(simulate(posts, 4 * 3_600_000, quiet)).toEqual([]);
    const step = onPost(EMPTY_PUSH_STATE, 'b1', 0, true);
    expect(step.decision).toEqual({ action: 'bell' });
    expect(step.state).toBe(EMPTY_PUSH_STATE);
  });

  it('says when held posts can next go out', () => {
    let state = onPost(EMPTY_PUSH_STATE, 'b1', 0, false).state;
    expect(nextFlushAt(state)).toBeNull();
    state = onPost(state, 'b1', MIN, false).state;
    expect(nextFlushAt(state)).toBe(BODY_PUSH_WINDOW_MS);
    state = onPost(state, 'b2', 2 * MIN, false).state;
    expect(nextFlushAt(state)).toBe(MEMBER_PUSH_GAP_MS);
    expect(flushHeld(state, MEMBER_PUSH_GAP_MS - 1, false).bodyIds).toEqual([]);
    expect(flushHeld(state, MEMBER_PUSH_GAP_MS, false).bodyIds).toEqual(['b2']);
  });
});
