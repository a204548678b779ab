/**
 * Council seats (issue 17): each neighborhood and workplace body with at least `minimum` active
 * members sends one delegate, plus one more for each further full `block` of members beyond the
 * minimum. With the defaults (10, 100): 9 members → 0 seats, 10…109 → 1, 110…209 → 2.
 */
export interface SeatRule {
  /** Active members a body needs for its first seat (city pack `council.seatMinimum`). */
  readonly minimum: number;
  /** Each further block of this many members adds a seat (city pack `council.seatBlock`). */
  readonly block: number;
}

export const DEFAULT_SEAT_RULE: SeatRule = { minimum: 10, block: 100 };

/** How many delegate seats a body of `active` members holds in the council. */
export function seatsFor(active: number, rule: SeatRule = DEFAULT_SEAT_RULE): number {
  if (!Number.isInteger(rule.minimum) || rule.minimum < 1) {
    throw new RangeError('minimum must be a whole number of at least 1');
  }
  if (!Number.isInteger(rule.block) || rule.block < 1) {
    throw new RangeError('block must be a whole number of at least 1');
  }
  if (!Number.isFinite(active) || active < rule.minimum) return 0;
  return 1 + Math.floor((Math.floor(active) - rule.minimum) / rule.block);
}

/**
 * A council vote's weight: each seated delegate's ballot counts once, or, when the council
 * weighs votes by seats, once per seat the delegate holds. A delegate holding no seat has no vote.
 */
export function ballotWeight(seatsHeld: number, weighted: boolean): number {
  if (!Number.isInteger(seatsHeld) || seatsHeld < 1) return 0;
  return weighted ? seatsHeld : 1;
}
