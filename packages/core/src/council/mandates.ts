import type { VoteChoice } from '../assemblies/votes';

/**
 * A committee's mandate to its delegate on a council agenda item: vote `for`, `against`,
 * `abstain`, or `free` (the delegate's own judgment).
 */
export const MANDATE_POSITIONS = ['for', 'against', 'abstain', 'free'] as const;
export type MandatePosition = (typeof MANDATE_POSITIONS)[number];

/** The choice a mandate asks for; none for `free`. */
export function mandatedChoice(position: MandatePosition): VoteChoice | null {
  switch (position) {
    case 'for':
      return 'yes';
    case 'against':
      return 'no';
    case 'abstain':
      return 'abstain';
    case 'free':
      return null;
  }
}

/**
 * Whether a delegate's vote goes against the committee's mandate (the report-back flags it).
 * No mandate, a `free` one, or no vote recorded is never against it; any other choice than the
 * mandated one is.
 */
export function againstMandate(
  position: MandatePosition | null,
  choice: VoteChoice | null,
): boolean {
  if (position === null || choice === null) return false;
  const wanted = mandatedChoice(position);
  return wanted !== null && wanted !== choice;
}
