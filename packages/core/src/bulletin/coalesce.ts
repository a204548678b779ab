/**
 * Calm notifications: what a member's phone does when a post reaches their feed. Apart from
 * rapid-response alerts (their own rules), a member gets at most one push per body in any
 * 30 minutes and never two pushes closer than 15 minutes; what arrives in between is held and
 * coalesced into the next push, and in quiet hours nothing buzzes: the bell counts instead.
 */

/** No body buzzes a member twice within this window. */
export const BODY_PUSH_WINDOW_MS = 30 * 60_000;
/** No two pushes to one member, whatever the bodies, closer than this. */
export const MEMBER_PUSH_GAP_MS = 15 * 60_000;

/** What one member's phone has been told lately; times are ms since epoch. */
export interface PushState {
  /** When the member's last push went out. */
  readonly lastPushAt: number | null;
  /** When each body was last in a push to the member. */
  readonly lastByBody: Readonly<Record<string, number>>;
  /** Bodies with posts waiting for the next push, with the time of their first waiting post. */
  readonly held: Readonly<Record<string, number>>;
}

export const EMPTY_PUSH_STATE: PushState = { lastPushAt: null, lastByBody: {}, held: {} };

/** `push`: buzz now for these bodies. `hold`: coalesce into a later push. `bell`: quiet hours. */
export type PushDecision =
  | { readonly action: 'push'; readonly bodyIds: readonly string[] }
  | { readonly action: 'hold' }
  | { readonly action: 'bell' };

function bodyMayPush(state: PushState, bodyId: string, now: number): boolean {
  const last = state.lastByBody[bodyId];
  return last === undefined || now - last >= BODY_PUSH_WINDOW_MS;
}

function memberMayPush(state: PushState, now: number): boolean {
  return state.lastPushAt === null || now - state.lastPushAt >= MEMBER_PUSH_GAP_MS;
}

function pushed(state: PushState, bodyIds: readonly string[], now: number): PushState {
  const lastByBody = { ...state.lastByBody };
  const held = { ...state.held };
  for (const id of bodyIds) {
    lastByBody[id] = now;
    delete held[id];
  }
  return { lastPushAt: now, lastByBody, held };
}

/** Held bodies whose own window has passed, in the order their posts arrived. */
function releasable(state: PushState, now: number): string[] {
  return Object.entries(state.held)
    .filter(([id]) => bodyMayPush(state, id, now))
    .sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1))
    .map(([id]) => id);
}

/**
 * A post of `bodyId` reached the member at `now`. In quiet hours: the bell only (nothing is held,
 * so the morning does not start with a buzz; the digest tells the day). Otherwise a push now when
 * both the body and the member may be pushed (taking along any held bodies that may), else held.
 */
export function onPost(
  state: PushState,
  bodyId: string,
  now: number,
  quiet: boolean,
): { state: PushState; decision: PushDecision } {
  if (quiet) return { state, decision: { action: 'bell' } };
  if (bodyMayPush(state, bodyId, now) && memberMayPush(state, now)) {
    const bodyIds = [bodyId, ...releasable(state, now).filter((id) => id !== bodyId)];
    return { state: pushed(state, bodyIds, now), decision: { action: 'push', bodyIds } };
  }
  const held = bodyId in state.held ? state.held : { ...state.held, [bodyId]: now };
  return { state: { ...state, held }, decision: { action: 'hold' } };
}

/**
 * A later look at the member's held posts: one push for every held body that may buzz now, or
 * nothing. In quiet hours held posts are dropped to the bell (the digest carries them).
 */
export function flushHeld(
  state: PushState,
  now: number,
  quiet: boolean,
): { state: PushState; bodyIds: readonly string[] } {
  if (Object.keys(state.held).length === 0) return { state, bodyIds: [] };
  if (quiet) return { state: { ...state, held: {} }, bodyIds: [] };
  if (!memberMayPush(state, now)) return { state, bodyIds: [] };
  const bodyIds = releasable(state, now);
  if (bodyIds.length === 0) return { state, bodyIds: [] };
  return { state: pushed(state, bodyIds, now), bodyIds };
}

/** When a held post could next go out (for the scheduler), or null when nothing is held. */
export function nextFlushAt(state: PushState): number | null {
  const ids = Object.keys(state.held);
  if (ids.length === 0) return null;
  const gap = state.lastPushAt === null ? 0 : state.lastPushAt + MEMBER_PUSH_GAP_MS;
  const earliestBody = Math.min(
    ...ids.map((id) => {
      const last = state.lastByBody[id];
      return last === undefined ? 0 : last + BODY_PUSH_WINDOW_MS;
    }),
  );
  return Math.max(gap, earliestBody);
}
