import { createHash, randomUUID } from 'node:crypto';
import {
  ElectionScheduleError,
  RECALL_OPTIONS,
  ballotDay,
  ballotReceipt,
  checkSchedule,
  countScottishStv,
  refusePhase,
  writeBlt,
  type BallotList,
  type BltElection,
  type CastBody,
  type ElectionAction,
  type ElectionResult,
  type ElectionSummary,
  type ElectionView,
  type NominationView,
  type Principal,
  type acceptNominationBody,
  type newElectionBody,
  type nominateBody,
} from '@tocsin/core';
import type { z } from 'zod';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
  audit,
  checkToken,
  enqueueEvents,
  newBallotKey,
  sealBallotBoxes,
  signBlindedToken,
  transact,
  type AppContext,
  type Executor,
  type Tx,
} from '../../platform';
import {
  accessToBody,
  isOnRoll,
  once,
  requireRoll,
  seesRollByName,
  type Answer,
  type BodyAccess,
} from '../assemblies';
import {
  ballotByToken,
  ballotCount,
  ballotsOf,
  bltOf,
  endHolder,
  findElection,
  findHolder,
  findNomination,
  insertBallot,
  insertElection,
  insertHolder,
  insertNomination,
  acceptNomination as markAccepted,
  lockElection,
  memberIdByHandle,
  nominationsOf,
  petitionOfElection,
  privateKeyOf,
  recordTokenIssued,
  rewriteBox,
  setPetition,
  storeCount,
  tokenIssuedTo,
  tokensIssued,
  uncounted,
  type ElectionRow,
  type NominationRow,
} from './elections.repository';
import { phaseOf, presentNomination, presentResult, presentSummary } from './elections.presenter';

const DAY_MS = 86_400_000;
/** A by-election after a recall: nominations for a week, then three days of voting. */
export const BY_ELECTION_NOMINATION_DAYS = 7;
export const BY_ELECTION_VOTING_DAYS = 3;

/** Who may call and manage a body's elections: its chair, or an organizer of its area. */
export function canManage(access: BodyAccess): boolean {
  return access.chairing || access.canAppoint;
}

async function electionOrThrow(db: Executor, id: string): Promise<ElectionRow> {
  const row = await findElection(db, id);
  if (!row) throw new NotFoundError('No such election');
  return row;
}

function refuse(row: ElectionRow, now: Date, action: ElectionAction): void {
  const phase = refusePhase(
    {
      votingOpensAt: row.voting_opens_at.getTime(),
      votingClosesAt: row.voting_closes_at.getTime(),
      counted: row.counted_at !== null,
    },
    now.getTime(),
    action,
  );
  if (phase === null) return;
  const what: Record<ElectionAction, string> = {
    nominate: 'Nominations are closed',
    'accept-nomination': 'Nominations are closed',
    'issue-token': 'Voting is not open',
    cast: 'Voting is not open',
    count: 'Voting has not closed',
  };
  throw new ConflictError(
    'election_phase',
    `${what[action]}: the election is in its ${phase} phase`,
  );
}

/** Adds months to an instant (UTC), as a term's length. */
export function addMonths(date: Date, months: number): Date {
  const end = new Date(date.getTime());
  end.setUTCMonth(end.getUTCMonth() + months);
  return end;
}

/** A fresh election (office, recall vote or by-election), with its own key. */
export async function callElection(
  ctx: AppContext,
  tx: Tx,
  input: {
    bodyId: string;
    kind: 'office' | 'recall';
    office: ElectionRow['office'];
    seats: number;
    termMonths: number;
    opensAt: Date;
    closesAt: Date;
    recallOf?: string;
    fillsVacancyOf?: string;
    createdBy: string | null;
  },
): Promise<string> {
  const id = randomUUID();
  const key = await newBallotKey();
  await insertElection(tx, {
    id,
    body_id: input.bodyId,
    kind: input.kind,
    office: input.office,
    seats: input.seats,
    term_months: input.termMonths,
    voting_opens_at: input.opensAt,
    voting_closes_at: input.closesAt,
    recall_of: input.recallOf ?? null,
    fills_vacancy_of: input.fillsVacancyOf ?? null,
    public_key: key.publicKey,
    private_key: key.privateKey,
    created_by: input.createdBy,
    created_at: ctx.clock.now(),
  });
  await enqueueEvents(
    ctx,
    tx,
    [
      {
        name: 'election.called',
        payload: {
          electionId: id,
          bodyId: input.bodyId,
          kind: input.kind,
          office: input.office,
          seats: input.seats,
          votingOpensAt: input.opensAt.toISOString(),
          votingClosesAt: input.closesAt.toISOString(),
        },
      },
    ],
    ctx.clock.now(),
  );
  return id;
}

/** POST /bodies/:bodyId/elections: the chair or an organizer of the area calls an election. */
export async function createElection(
  ctx: AppContext,
  principal: Principal,
  bodyId: string,
  input: z.output<typeof newElectionBody>,
): Promise<Answer<ElectionSummary>> {
  return once(ctx, principal.memberId, input.requestId, `election:${bodyId}`, 201, async (tx) => {
    const access = await accessToBody(ctx, tx, principal, bodyId);
    if (!canManage(access)) {
      throw new ForbiddenError('Only the chair or an organizer of the area calls an election');
    }
    const now = ctx.clock.now();
    const opensAt = new Date(input.votingOpensAt);
    const closesAt = new Date(input.votingClosesAt);
    try {
      checkSchedule(
        { votingOpensAt: opensAt.getTime(), votingClosesAt: closesAt.getTime(), counted: false },
        now.getTime(),
        input.seats,
      );
    } catch (error) {
      if (error instanceof ElectionScheduleError) {
        throw new ValidationError(error.message, [{ path: error.field, message: error.message }]);
      }
      throw error;
    }
    const id = await callElection(ctx, tx, {
      bodyId,
      kind: 'office',
      office: input.office,
      seats: input.seats,
      termMonths: input.termMonths,
      opensAt,
      closesAt,
      createdBy: principal.memberId,
    });
    await audit(tx, {
      at: now,
      actorId: principal.memberId,
      action: 'election.called',
      areaId: access.body.home_area_id,
      targetId: id,
      details: { office: input.office, seats: input.seats },
    });
    return presentSummary(await electionOrThrow(tx, id), now);
  });
}

/** What a ballot ranks, in ballot order: accepted candidates, or yes/no on a recall. */
export function optionsOf(
  row: Pick<ElectionRow, 'kind'>,
  nominations: readonly NominationRow[],
): { id: string; label: string }[] {
  if (row.kind === 'recall') return RECALL_OPTIONS.map((id) => ({ id, label: id }));
  const seen = new Map<string, number>();
  return nominations
    .filter((n) => n.accepted_at !== null)
    .map((n) => {
      // Names are the BLT's and the count's keys: two candidates of one name are told apart.
      const times = (seen.get(n.nominee_name) ?? 0) + 1;
      seen.set(n.nominee_name, times);
      return { id: n.id, label: times === 1 ? n.nominee_name : `${n.nominee_name} (${times})` };
    });
}

/** Members of the body see an election; a closed one is counted on the way. */
export async function getElection(
  ctx: AppContext,
  principal: Principal,
  id: string,
): Promise<ElectionView> {
  let row = await electionOrThrow(ctx.db, id);
  const access = await accessToBody(ctx, ctx.db, principal, row.body_id);
  if (!access.onRoll && !access.canAppoint) requireRoll(access);
  if (await countIfClosed(ctx, row)) row = await electionOrThrow(ctx.db, id);
  const now = ctx.clock.now();
  const nominations = await nominationsOf(ctx.db, id);
  return {
    ...presentSummary(row, now),
    nominations: row.kind === 'recall' ? [] : nominations.map(presentNomination),
    options: optionsOf(row, nominations),
    publicKey: row.public_key,
    me: {
      tokenIssued: await tokenIssuedTo(ctx.db, id, principal.memberId),
      canManage: canManage(access),
      onRoll: access.onRoll,
      seesRoll: access.onRoll && seesRollByName(access),
    },
    tokensIssued: await tokensIssued(ctx.db, id),
    ballotsCast: await ballotCount(ctx.db, id),
    result: presentResult(row),
  };
}

/** POST /elections/:id/nominations: a member nominates a member of the body, or themself. */
export async function nominate(
  ctx: AppContext,
  principal: Principal,
  electionId: string,
  input: z.output<typeof nominateBody>,
): Promise<Answer<NominationView>> {
  return once(
    ctx,
    principal.memberId,
    input.requestId,
    `nominate:${electionId}`,
    201,
    async (tx) => {
      const row = await electionOrThrow(tx, electionId);
      const access = await accessToBody(ctx, tx, principal, row.body_id);
      requireRoll(access);
      if (row.kind !== 'office') {
        throw new ConflictError('not_an_office_election', 'A recall vote has no nominations');
      }
      const now = ctx.clock.now();
      refuse(row, now, 'nominate');
      // By handle, a handle that names no one and one that names someone off the roll get the
      // same answer: the caller learns only whether the handle is on this body's roll.
      const field = input.nomineeId !== undefined ? 'nomineeId' : 'nomineeHandle';
      const nomineeId =
        input.nomineeId ?? (await memberIdByHandle(tx, (input.nomineeHandle ?? '').toLowerCase()));
      if (nomineeId === null || !(await isOnRoll(tx, access.body, nomineeId))) {
        throw new ValidationError('A nominee must be on the body’s roll', [
          { path: field, message: 'not a member of this body' },
        ]);
      }
      const self = nomineeId === principal.memberId;
      if (!self && input.statement !== undefined) {
        throw new ValidationError('The statement is the nominee’s, given when they accept', [
          { path: 'statement', message: 'only the nominee writes their statement' },
        ]);
      }
      const id = randomUUID();
      const added = await insertNomination(tx, {
        id,
        election_id: electionId,
        nominee_id: nomineeId,
        nominated_by: principal.memberId,
        statement: self ? (input.statement ?? null) : null,
        // A self-nomination with a statement stands at once.
        accepted_at: self && input.statement !== undefined ? now : null,
        created_at: now,
      });
      if (!added) {
        throw new ConflictError('already_nominated', 'This member is already nominated');
      }
      const created = await findNomination(tx, id);
      if (!created) throw new NotFoundError('No such nomination');
      return presentNomination(created);
    },
  );
}

/** POST /nominations/:id/accept: the nominee accepts, with their statement. */
export async function acceptNomination(
  ctx: AppContext,
  principal: Principal,
  nominationId: string,
  input: z.output<typeof acceptNominationBody>,
): Promise<Answer<NominationView>> {
  return once(
    ctx,
    principal.memberId,
    input.requestId,
    `accept:${nominationId}`,
    200,
    async (tx) => {
      const nomination = await findNomination(tx, nominationId);
      if (!nomination) throw new NotFoundError('No such nomination');
      const row = await electionOrThrow(tx, nomination.election_id);
      const access = await accessToBody(ctx, tx, principal, row.body_id);
      requireRoll(access);
      if (nomination.nominee_id !== principal.memberId) {
        throw new ForbiddenError('Only the nominee accepts a nomination');
      }
      const now = ctx.clock.now();
      refuse(row, now, 'accept-nomination');
      await markAccepted(tx, nominationId, input.statement, now);
      const updated = await findNomination(tx, nominationId);
      if (!updated) throw new NotFoundError('No such nomination');
      return presentNomination(updated);
    },
  );
}

/**
 * POST /elections/:id/tokens: signs the voter's blinded token message, once per member of the
 * roll. The roll keeps only that a token was issued; the blind signature cannot be tied to the
 * token the box later sees.
 */
export async function issueToken(
  ctx: AppContext,
  principal: Principal,
  electionId: string,
  input: { requestId: string; blindedMessage: string },
): Promise<Answer<{ blindSignature: string }>> {
  return once(ctx, principal.memberId, input.requestId, `token:${electionId}`, 200, async (tx) => {
    const row = await lockElection(tx, electionId);
    if (!row) throw new NotFoundError('No such election');
    const access = await accessToBody(ctx, tx, principal, row.body_id);
    if (!access.onRoll) throw new ForbiddenError('Only members of this body vote');
    refuse(row, ctx.clock.now(), 'issue-token');
    if (!(await recordTokenIssued(tx, electionId, principal.memberId))) {
      throw new ConflictError(
        'already_voted',
        'You already have your ballot token for this election',
      );
    }
    // A refusal rolls back the issue record with it: the member may try again.
    const blindSignature = await signBlindedToken(
      await privateKeyOf(tx, electionId),
      input.blindedMessage,
    );
    return { blindSignature };
  });
}

/**
 * POST /elections/:id/ballots: the ballot box. The token (message and its finalized signature) is
 * the only credential; the ballot is kept with the day only, under a random id. The same token
 * again with the same ranking is a retry and gets the same receipt; with another ranking it is
 * refused.
 */
export async function castBallot(
  ctx: AppContext,
  electionId: string,
  input: CastBody,
): Promise<{ receipt: string; day: string }> {
  const row = await electionOrThrow(ctx.db, electionId);
  refuse(row, ctx.clock.now(), 'cast');
  const hash = await checkToken(row.public_key, input, 'election');
  const options = optionsOf(row, await nominationsOf(ctx.db, electionId));
  const ids = new Set(options.map((o) => o.id));
  const seen = new Set<string>();
  const problems: { path: string; message: string }[] = [];
  input.ranking.forEach((choice, i) => {
    if (!ids.has(choice)) problems.push({ path: `ranking.${i}`, message: 'not a candidate' });
    else if (seen.has(choice)) problems.push({ path: `ranking.${i}`, message: 'ranked twice' });
    seen.add(choice);
  });
  if (problems.length > 0) {
    throw new ValidationError(
      'The ballot names someone who is not a candidate, or names one twice',
      problems,
    );
  }
  const receipt = await ballotReceipt(electionId, input.message, input.ranking);
  return transact(ctx, async (tx) => {
    // Serialized with the count: a ballot is in the count or refused, never both or neither.
    const locked = await lockElection(tx, electionId);
    if (!locked) throw new NotFoundError('No such election');
    const now = ctx.clock.now();
    refuse(locked, now, 'cast');
    const day = ballotDay(now.getTime());
    const added = await insertBallot(tx, {
      id: randomUUID(),
      election_id: electionId,
      token_hash: hash,
      receipt,
      ranking: [...input.ranking],
      cast_day: day,
    });
    if (added) return { receipt, day };
    const prior = await ballotByToken(tx, electionId, hash);
    if (prior && prior.receipt === receipt) return { receipt, day: prior.day };
    throw new ConflictError('token_used', 'This token has already cast a ballot');
  });
}

/** GET /elections/:id/ballots: every receipt (sorted); the rankings once voting has closed. */
export async function listBallots(
  ctx: AppContext,
  principal: Principal,
  electionId: string,
): Promise<BallotList> {
  let row = await electionOrThrow(ctx.db, electionId);
  const access = await accessToBody(ctx, ctx.db, principal, row.body_id);
  if (!access.canAppoint) requireRoll(access);
  if (await countIfClosed(ctx, row)) row = await electionOrThrow(ctx.db, electionId);
  const phase = phaseOf(row, ctx.clock.now());
  const closed = phase === 'count' || phase === 'results';
  return {
    phase,
    ballots: (await ballotsOf(ctx.db, electionId)).map((b) => ({
      receipt: b.receipt,
      ranking: closed ? b.ranking : null,
    })),
  };
}

/** GET /elections/:id/blt: the counted election's anonymized ballots. */
export async function ballotFile(
  ctx: AppContext,
  principal: Principal,
  electionId: string,
): Promise<string> {
  const row = await electionOrThrow(ctx.db, electionId);
  const access = await accessToBody(ctx, ctx.db, principal, row.body_id);
  if (!access.canAppoint) requireRoll(access);
  await countIfClosed(ctx, row);
  const blt = await bltOf(ctx.db, electionId);
  if (blt === null) {
    throw new ConflictError('not_counted', 'The ballots are published once voting has closed');
  }
  return blt;
}

/** Counts an election whose voting has closed, once; true when this call counted it. */
export async function countIfClosed(ctx: AppContext, row: ElectionRow): Promise<boolean> {
  if (row.counted_at !== null || phaseOf(row, ctx.clock.now()) !== 'count') return false;
  return countElection(ctx, row.id);
}

/**
 * The count, in one transaction with the election locked; the box's rows are rewritten in it, and
 * once it has committed the boxes are vacuumed, so that the files keep no cast order (ADR 0026).
 */
export async function countElection(ctx: AppContext, electionId: string): Promise<boolean> {
  const counted = await countInTransaction(ctx, electionId);
  if (counted) await sealBallotBoxes(ctx);
  return counted;
}

async function countInTransaction(ctx: AppContext, electionId: string): Promise<boolean> {
  return transact(ctx, async (tx) => {
    const row = await lockElection(tx, electionId);
    if (!row || row.counted_at !== null) return false;
    const now = ctx.clock.now();
    if (phaseOf(row, now) !== 'count') return false;
    const options = optionsOf(row, await nominationsOf(tx, electionId));
    const ballots = await ballotsOf(tx, electionId);
    const index = new Map(options.map((o, i) => [o.id, i]));
    // Identical rankings as one weighted line, in the order of the rankings themselves.
    const lines = new Map<string, { weight: number; ranking: number[] }>();
    for (const ballot of ballots) {
      const ranking = ballot.ranking.map((id) => index.get(id)).filter((i) => i !== undefined);
      if (ranking.length === 0) continue;
      const key = ranking.join(' ');
      const line = lines.get(key) ?? { weight: 0, ranking };
      line.weight += 1;
      lines.set(key, line);
    }
    const election: BltElection = {
      title: `${row.kind === 'recall' ? 'Recall' : 'Election'} ${row.office} ${row.id}`,
      seats: row.kind === 'recall' ? 1 : Math.min(row.seats, Math.max(options.length, 1)),
      candidates: options.map((o) => o.label),
      withdrawn: [],
      ballots: [...lines.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([, line]) => line),
    };
    // The lots' seed: the hash of every receipt, sorted. Fixed by the ballots, known to no one
    // before voting closes, and published with them so a recount draws the same lots.
    const seed = createHash('sha256')
      .update(ballots.map((b) => b.receipt).join('\n'))
      .digest('hex');
    const result: ElectionResult = {
      countedAt: now.toISOString(),
      ballots: ballots.length,
      stv: null,
      recall: null,
    };
    if (row.kind === 'recall') {
      const yes = ballots.filter((b) => b.ranking[0] === 'yes').length;
      const no = ballots.filter((b) => b.ranking[0] === 'no').length;
      result.recall = { yes, no, removed: yes > no };
    } else if (options.length > 0 && lines.size > 0) {
      // With no valid paper there is nothing to count: no one is elected.
      const stv = countScottishStv(election, { seed });
      result.stv = {
        seats: stv.seats,
        valid: stv.valid,
        quota: stv.quota,
        elected: stv.elected,
        stages: stv.stages,
        seed: stv.seed,
        lots: stv.lots,
      };
    }
    await storeCount(tx, electionId, now, result, writeBlt(election));
    await rewriteBox(tx, electionId);
    await enqueueEvents(
      ctx,
      tx,
      [
        {
          name: 'election.counted',
          payload: { electionId, bodyId: row.body_id, ballots: ballots.length },
        },
      ],
      now,
    );
    if (row.kind === 'office' && result.stv) {
      await seatTheElected(ctx, tx, row, options, result.stv.elected);
    }
    if (row.kind === 'recall') await decideRecall(ctx, tx, row, result.recall?.removed ?? false);
    return true;
  });
}

/** The elected take their seats from the close of voting, for the election's term. */
async function seatTheElected(
  ctx: AppContext,
  tx: Tx,
  row: ElectionRow,
  options: { id: string; label: string }[],
  elected: string[],
): Promise<void> {
  const nominations = await nominationsOf(tx, row.id);
  const start = row.voting_closes_at;
  let end = addMonths(start, row.term_months);
  if (row.fills_vacancy_of) {
    // A by-election fills the rest of the recalled holder's term.
    const vacated = await findHolder(tx, row.fills_vacancy_of);
    if (vacated && vacated.term_end > start) end = vacated.term_end;
  }
  for (const label of elected) {
    const option = options.find((o) => o.label === label);
    const nomination = nominations.find((n) => n.id === option?.id);
    if (!nomination) continue;
    await insertHolder(tx, {
      id: randomUUID(),
      body_id: row.body_id,
      office: row.office,
      member_id: nomination.nominee_id,
      term_start: start,
      term_end: end,
      source: 'election',
      election_id: row.id,
    });
  }
}

/** A recall vote's outcome: a majority removes the holder and opens a one-seat by-election. */
async function decideRecall(
  ctx: AppContext,
  tx: Tx,
  row: ElectionRow,
  removed: boolean,
): Promise<void> {
  const petition = await petitionOfElection(tx, row.id);
  if (petition) await setPetition(tx, petition.id, { state: removed ? 'removed' : 'kept' });
  if (!removed || !row.recall_of) return;
  const holder = await findHolder(tx, row.recall_of);
  if (!holder) return;
  const now = ctx.clock.now();
  await endHolder(tx, holder.id, now);
  const opensAt = new Date(now.getTime() + BY_ELECTION_NOMINATION_DAYS * DAY_MS);
  const byElectionId = await callElection(ctx, tx, {
    bodyId: row.body_id,
    kind: 'office',
    office: holder.office,
    seats: 1,
    termMonths: Math.max(
      1,
      Math.round((holder.term_end.getTime() - holder.term_start.getTime()) / (30 * DAY_MS)),
    ),
    opensAt,
    closesAt: new Date(opensAt.getTime() + BY_ELECTION_VOTING_DAYS * DAY_MS),
    fillsVacancyOf: holder.id,
    createdBy: null,
  });
  await enqueueEvents(
    ctx,
    tx,
    [
      {
        name: 'holder.recalled',
        payload: { holderId: holder.id, bodyId: row.body_id, byElectionId },
      },
    ],
    now,
  );
}

/** Counts every election whose voting closed (the sweeper calls this). */
export async function countClosedElections(ctx: AppContext): Promise<number> {
  let counted = 0;
  for (const id of await uncounted(ctx.db, ctx.clock.now())) {
    if (await countElection(ctx, id)) counted += 1;
  }
  return counted;
}
