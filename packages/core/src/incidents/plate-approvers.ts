import type { Reporter } from './incident';
import { areIndependent, countIndependentReporters } from './independence';

const DAY_MS = 86_400_000;

/** A verifier who approved a plate, as far as the listing rule goes. */
export interface PlateApprover extends Reporter {
  /** When they first held the verifier role where the plate was seen (ms since epoch). */
  readonly verifierSince: number;
}

/**
 * How many approvals of a plate count toward listing it: approvers who are vouched, whose
 * verifier role is at least `minRoleDays` old and who are independent (the corroboration rule:
 * sponsor tree) of every reporter of the plate's incidents, counted as the largest set of
 * approvers independent of each other. One organizer and the verifiers they invited count once.
 */
export function countListingApprovals(
  approvers: readonly PlateApprover[],
  reporters: readonly Reporter[],
  options: { now: number; minRoleDays: number },
): number {
  const seasoned = options.now - options.minRoleDays * DAY_MS;
  const eligible = approvers.filter(
    (a) =>
      a.vouched !== false &&
      a.verifierSince <= seasoned &&
      reporters.every((r) => areIndependent(a, r)),
  );
  return countIndependentReporters(eligible);
}
