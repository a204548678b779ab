import { z } from 'zod';
import { ELECTION_OFFICES } from '../elections/phase';
import { defineEvent } from './define';

/**
 * Events of elections (part of the organizing group). Payloads name bodies, elections and office
 * holders, never a voter, a token or a ballot.
 */
export const electionEvents = {
  /** A body called an election (or a recall vote, or a by-election). */
  'election.called': defineEvent(
    1,
    z.strictObject({
      electionId: z.uuid(),
      bodyId: z.uuid(),
      kind: z.enum(['office', 'recall']),
      office: z.enum(ELECTION_OFFICES),
      seats: z.number().int(),
      votingOpensAt: z.iso.datetime(),
      votingClosesAt: z.iso.datetime(),
    }),
  ),
  /** Voting closed and the count ran; the results and the ballots (BLT) are published. */
  'election.counted': defineEvent(
    1,
    z.strictObject({ electionId: z.uuid(), bodyId: z.uuid(), ballots: z.number().int() }),
  ),
  /** A recall petition reached its threshold: the recall vote opened. */
  'recall.opened': defineEvent(
    1,
    z.strictObject({ holderId: z.uuid(), bodyId: z.uuid(), electionId: z.uuid() }),
  ),
  /** A recall vote removed the holder; a one-seat election for the vacancy opened. */
  'holder.recalled': defineEvent(
    1,
    z.strictObject({ holderId: z.uuid(), bodyId: z.uuid(), byElectionId: z.uuid() }),
  ),
  /** A term ends within two weeks: the body is reminded and an election of the office proposed. */
  'term.ending': defineEvent(
    1,
    z.strictObject({
      holderId: z.uuid(),
      bodyId: z.uuid(),
      office: z.enum(ELECTION_OFFICES),
      termEnd: z.iso.datetime(),
    }),
  ),
} as const;
