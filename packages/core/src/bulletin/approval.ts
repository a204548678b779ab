/**
 * The second person for city-wide posts: what the Info & Events working group posts to the whole
 * city waits until someone else approves it (the two-person idea of role grants, ADR 0009).
 */

/** Who a post reaches: the whole city, one area (and the areas under it), or one body's roll. */
export type PostAudience = 'city' | 'area' | 'body';

/** Whether a post to this audience waits for a second person before anyone sees it. */
export function needsSecondPerson(audience: PostAudience): boolean {
  return audience === 'city';
}

/** Why an approval is refused. */
export type ApprovalRefusal = 'self' | 'not_authorized' | 'not_pending';

export type ApprovalVerdict =
  { readonly ok: true } | { readonly ok: false; readonly reason: ApprovalRefusal };

/**
 * Whether `approverId` may approve a pending post: never its author (nobody publishes to the city
 * alone), and only someone who could have posted it themselves (`qualified`).
 */
export function approvalVerdict(input: {
  readonly authorId: string | null;
  readonly approverId: string;
  readonly qualified: boolean;
  readonly status: 'pending' | 'published' | 'withdrawn';
}): ApprovalVerdict {
  if (input.status !== 'pending') return { ok: false, reason: 'not_pending' };
  if (input.authorId === input.approverId) return { ok: false, reason: 'self' };
  if (!input.qualified) return { ok: false, reason: 'not_authorized' };
  return { ok: true };
}
