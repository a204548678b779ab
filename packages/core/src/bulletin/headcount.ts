/** Counts of people under this are never shown: "fewer than 5" (k-anonymity, everywhere). */
export const K_ANONYMITY = 5;

/**
 * A headcount as shown: `exact` only to those who must plan (an event's organizers); to everyone
 * else `fewer_than` 5, or `at_least` the count rounded down to a step of 5, so that two views a
 * moment apart never reveal that one person answered.
 */
export type Headcount =
  | { readonly kind: 'exact'; readonly n: number }
  | { readonly kind: 'at_least'; readonly n: number }
  | { readonly kind: 'fewer_than'; readonly n: typeof K_ANONYMITY };

/** The count shown to members and the public. */
export function publicHeadcount(count: number): Headcount {
  if (count < K_ANONYMITY) return { kind: 'fewer_than', n: K_ANONYMITY };
  return { kind: 'at_least', n: Math.floor(count / K_ANONYMITY) * K_ANONYMITY };
}

/** The count shown to the event's organizers, who must plan. */
export function exactHeadcount(count: number): Headcount {
  return { kind: 'exact', n: count };
}
