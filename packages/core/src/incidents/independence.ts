import type { Reporter } from './incident';

/** Two reporters are independent unless one sponsored the other or they share a sponsor. */
export function areIndependent(a: Reporter, b: Reporter): boolean {
  if (a.memberId === b.memberId) return false;
  if (a.sponsorId === b.memberId || b.sponsorId === a.memberId) return false;
  return a.sponsorId === null || a.sponsorId !== b.sponsorId;
}

interface Best {
  /** Most independent reporters in the subtree with this reporter in the set. */
  readonly with: number;
  /** Most independent reporters in the subtree with this reporter left out. */
  readonly without: number;
}

/**
 * The reporters that count toward corroboration: the largest set of pairwise-independent
 * reporters among the vouched ones (members on probation or suspended do not count).
 */
export function countCorroboratingReporters(reporters: readonly Reporter[]): number {
  return countIndependentReporters(reporters.filter((r) => r.vouched !== false));
}

/**
 * The confirmations that count: by members independent of every reporter (the same sponsor-tree
 * rule as corroboration, so an organizer's invitees cannot confirm what the organizer or another
 * invitee reported), then the largest pairwise-independent set among them.
 */
export function countIndependentConfirmers(
  confirmers: readonly Reporter[],
  reporters: readonly Reporter[],
): number {
  const outside = confirmers.filter((c) => reporters.every((r) => areIndependent(c, r)));
  return countIndependentReporters(outside);
}

/** The largest set of pairwise-independent reporters, each member counted once (exact, linear time). */
export function countIndependentReporters(reporters: readonly Reporter[]): number {
  const sponsorOf = distinctSponsors(reporters);
  // Conflicts are a reporter's edge to its sponsor plus cliques of siblings, so the vouch tree
  // restricted to reporters and their sponsors is a forest: a tree DP is exact and never
  // exponential. Children are grouped by sponsor; at most one of each group may be chosen.
  const children = new Map<string, string[]>();
  for (const [id, sponsor] of sponsorOf) {
    if (sponsor === null) continue;
    const group = children.get(sponsor);
    if (group === undefined) children.set(sponsor, [id]);
    else group.push(id);
  }
  const best = new Map<string, Best>();
  const groupBest = (sponsor: string): number => {
    let sum = 0;
    let gain = 0;
    for (const child of children.get(sponsor) ?? []) {
      const b = best.get(child);
      if (b === undefined) continue;
      sum += b.without;
      gain = Math.max(gain, b.with - b.without);
    }
    return sum + gain;
  };
  const order = postOrder(sponsorOf, children);
  for (const id of order) {
    const withSelf =
      1 + (children.get(id) ?? []).reduce((n, c) => n + (best.get(c)?.without ?? 0), 0);
    best.set(id, { with: withSelf, without: groupBest(id) });
  }
  let total = 0;
  for (const [id, sponsor] of sponsorOf) {
    // Reporters whose sponsor did not report are roots; siblings among them form one group.
    if (sponsor === null) total += Math.max(best.get(id)?.with ?? 0, best.get(id)?.without ?? 0);
  }
  for (const sponsor of children.keys()) {
    if (!sponsorOf.has(sponsor)) total += groupBest(sponsor);
  }
  // Reporters not reached from a root sit on or below a sponsor cycle, which invites cannot
  // produce. Such a component conflicts with nothing outside it, so counting it as one can only
  // undercount: the safe direction for corroboration.
  return order.length < sponsorOf.size ? total + 1 : total;
}

/** Member → sponsor, one entry per member (the first seen wins); sponsoring oneself counts as none. */
function distinctSponsors(reporters: readonly Reporter[]): Map<string, string | null> {
  const sponsorOf = new Map<string, string | null>();
  for (const r of reporters) {
    if (!sponsorOf.has(r.memberId)) {
      sponsorOf.set(r.memberId, r.sponsorId === r.memberId ? null : r.sponsorId);
    }
  }
  return sponsorOf;
}

// Reporters children-first, iteratively: vouch chains can be long and recursion would overflow.
function postOrder(
  sponsorOf: ReadonlyMap<string, string | null>,
  children: ReadonlyMap<string, readonly string[]>,
): string[] {
  const order: string[] = [];
  const roots = [...sponsorOf].filter(([, s]) => s === null || !sponsorOf.has(s)).map(([id]) => id);
  const stack = roots.map((id) => ({ id, expanded: false }));
  while (stack.length > 0) {
    const top = stack.pop();
    if (top === undefined) break;
    if (top.expanded) {
      order.push(top.id);
      continue;
    }
    stack.push({ id: top.id, expanded: true });
    for (const child of children.get(top.id) ?? []) stack.push({ id: child, expanded: false });
  }
  return order;
}
