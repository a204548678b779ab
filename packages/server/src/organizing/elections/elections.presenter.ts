import {
  electionPhase,
  type ElectionResult,
  type ElectionSummary,
  type NominationView,
  type OfficeHolderView,
  type RecallView,
} from '@tocsin/core';
import type { ElectionRow, HolderRow, NominationRow, PetitionRow } from './elections.repository';

const iso = (date: Date) => date.toISOString();

/** Counts under 5 are never shown. */
export const SHOWN_FROM = 5;

export function phaseOf(
  row: Pick<ElectionRow, 'voting_opens_at' | 'voting_closes_at' | 'counted_at'>,
  now: Date,
) {
  return electionPhase(
    {
      votingOpensAt: row.voting_opens_at.getTime(),
      votingClosesAt: row.voting_closes_at.getTime(),
      counted: row.counted_at !== null,
    },
    now.getTime(),
  );
}

export function presentSummary(row: ElectionRow, now: Date): ElectionSummary {
  return {
    id: row.id,
    bodyId: row.body_id,
    kind: row.kind,
    office: row.office,
    seats: row.seats,
    termMonths: row.term_months,
    phase: phaseOf(row, now),
    votingOpensAt: iso(row.voting_opens_at),
    votingClosesAt: iso(row.voting_closes_at),
    recallOf:
      row.recall_of && row.recall_member_id
        ? {
            holderId: row.recall_of,
            member: { id: row.recall_member_id, name: row.recall_member_name ?? '' },
          }
        : null,
    fillsVacancyOf: row.fills_vacancy_of,
  };
}

export function presentResult(row: ElectionRow): ElectionResult | null {
  return row.counted_at ? (row.result as ElectionResult) : null;
}

export function presentNomination(row: NominationRow): NominationView {
  return {
    id: row.id,
    nominee: { id: row.nominee_id, name: row.nominee_name },
    nominatedBy: row.nominated_by
      ? { id: row.nominated_by, name: row.nominated_by_name ?? '' }
      : { id: row.nominee_id, name: row.nominee_name },
    statement: row.statement,
    accepted: row.accepted_at !== null,
  };
}

export function presentRecall(row: PetitionRow, signedByMe: boolean): RecallView {
  const signatures = Number(row.signatures);
  return {
    id: row.id,
    state: row.state,
    openedAt: iso(row.opened_at),
    closesAt: iso(row.closes_at),
    threshold: row.threshold,
    signatures: signatures >= SHOWN_FROM ? signatures : null,
    reached: signatures >= row.threshold,
    signedByMe,
    electionId: row.election_id,
  };
}

export function presentHolder(row: HolderRow, recall: RecallView | null): OfficeHolderView {
  return {
    id: row.id,
    bodyId: row.body_id,
    office: row.office,
    member: { id: row.member_id, name: row.member_name },
    termStart: iso(row.term_start),
    termEnd: iso(row.term_end),
    endedAt: row.ended_at ? iso(row.ended_at) : null,
    source: row.source,
    electionId: row.election_id,
    recall,
  };
}
