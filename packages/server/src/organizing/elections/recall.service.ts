import { randomUUID } from 'node:crypto';
import type {
  BodyElections,
  OfficeHolderView,
  Principal,
  RecallView,
  appointHolderBody,
} from '@tocsin/core';
import type { z } from 'zod';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
  audit,
  enqueueEvents,
  transact,
  type AppContext,
  type Executor,
} from '../../platform';
import { accessToBody, isOnRoll, once, requireRoll, rollSize, type Answer } from '../assemblies';
import {
  currentHolders,
  electionPending,
  electionsOfBody,
  findHolder,
  hasSigned,
  insertHolder,
  insertPetition,
  lapseExpiredPetitions,
  latestPetition,
  lockPetition,
  markReminded,
  setPetition,
  sign,
  termsToRemind,
  type HolderRow,
} from './elections.repository';
import { presentHolder, presentRecall, presentSummary } from './elections.presenter';
import { addMonths, callElection, canManage, countIfClosed } from './elections.service';

const DAY_MS = 86_400_000;
/** The body is reminded this long before a term ends, and an election of the office proposed. */
export const TERM_REMINDER_DAYS = 14;
/** A recall vote runs this long from the moment the petition reaches its threshold. */
export const RECALL_VOTE_DAYS = 7;
const DEFAULT_RECALL = { thresholdPercent: 20, windowDays: 14 };

async function recallSettings(ctx: AppContext): Promise<typeof DEFAULT_RECALL> {
  return { ...DEFAULT_RECALL, ...(await ctx.areas.get()).settings?.recall };
}

/** The holder's latest recall petition, as the caller sees it. */
async function recallOf(
  db: Executor,
  holder: HolderRow,
  memberId: string,
): Promise<RecallView | null> {
  const petition = await latestPetition(db, holder.id);
  if (!petition) return null;
  return presentRecall(petition, await hasSigned(db, petition.id, memberId));
}

/** GET /bodies/:bodyId/elections: elections, current holders with their recall, ending terms. */
export async function bodyElections(
  ctx: AppContext,
  principal: Principal,
  bodyId: string,
): Promise<BodyElections> {
  const access = await accessToBody(ctx, ctx.db, principal, bodyId);
  if (!access.canAppoint) requireRoll(access);
  const now = ctx.clock.now();
  await lapseExpiredPetitions(ctx.db, now);
  for (const row of await electionsOfBody(ctx.db, bodyId)) await countIfClosed(ctx, row);
  const elections = await electionsOfBody(ctx.db, bodyId);
  const holders = await currentHolders(ctx.db, bodyId, now);
  const soon = new Date(now.getTime() + TERM_REMINDER_DAYS * DAY_MS);
  const endingTerms: BodyElections['endingTerms'] = [];
  for (const holder of holders) {
    if (holder.term_end > soon) continue;
    if (await electionPending(ctx.db, bodyId, holder.office, now)) continue;
    endingTerms.push({
      holderId: holder.id,
      office: holder.office,
      termEnd: holder.term_end.toISOString(),
    });
  }
  const holderViews: OfficeHolderView[] = [];
  for (const holder of holders) {
    holderViews.push(presentHolder(holder, await recallOf(ctx.db, holder, principal.memberId)));
  }
  return {
    elections: elections.map((row) => presentSummary(row, now)),
    holders: holderViews,
    endingTerms,
    canManage: canManage(access),
  };
}

/** POST /bodies/:bodyId/office-holders: an organizer of the area appoints a holder for a term. */
export async function appointHolder(
  ctx: AppContext,
  principal: Principal,
  bodyId: string,
  input: z.output<typeof appointHolderBody>,
): Promise<Answer<OfficeHolderView>> {
  return once(ctx, principal.memberId, input.requestId, `appoint:${bodyId}`, 201, async (tx) => {
    const access = await accessToBody(ctx, tx, principal, bodyId);
    if (!access.canAppoint) {
      throw new ForbiddenError('Only an organizer of the area appoints an office holder');
    }
    if (!(await isOnRoll(tx, access.body, input.memberId))) {
      throw new ValidationError('An office holder must be on the body’s roll', [
        { path: 'memberId', message: 'not a member of this body' },
      ]);
    }
    const now = ctx.clock.now();
    const id = randomUUID();
    await insertHolder(tx, {
      id,
      body_id: bodyId,
      office: input.office,
      member_id: input.memberId,
      term_start: now,
      term_end: addMonths(now, input.termMonths),
      source: 'appointment',
      election_id: null,
    });
    await audit(tx, {
      at: now,
      actorId: principal.memberId,
      action: 'office_holder.appointed',
      areaId: access.body.home_area_id,
      targetId: id,
      details: { office: input.office },
    });
    const row = await findHolder(tx, id);
    if (!row) throw new NotFoundError('No such office holder');
    return presentHolder(row, null);
  });
}

/**
 * POST /office-holders/:id/recall: the caller signs the recall petition against a holder (opening
 * one if none is live). When the signatures reach the threshold within the window, the secret
 * recall vote opens. Who signed is shown to no one; the count only from 5.
 */
export async function signRecall(
  ctx: AppContext,
  principal: Principal,
  holderId: string,
  requestId: string,
): Promise<Answer<RecallView>> {
  return once(ctx, principal.memberId, requestId, `recall:${holderId}`, 200, async (tx) => {
    const holder = await findHolder(tx, holderId);
    if (!holder) throw new NotFoundError('No such office holder');
    const access = await accessToBody(ctx, tx, principal, holder.body_id);
    requireRoll(access);
    const now = ctx.clock.now();
    if (holder.ended_at !== null || holder.term_end <= now) {
      throw new ConflictError('term_over', 'This holder’s term is over');
    }
    await lapseExpiredPetitions(tx, now);
    let petition = await latestPetition(tx, holderId);
    if (petition?.state === 'voting') {
      throw new ConflictError('recall_vote_open', 'The recall vote is already open');
    }
    if (!petition || petition.state !== 'open') {
      const settings = await recallSettings(ctx);
      const roll = await rollSize(tx, access.body);
      const id = randomUUID();
      await insertPetition(tx, {
        id,
        holder_id: holderId,
        opened_at: now,
        closes_at: new Date(now.getTime() + settings.windowDays * DAY_MS),
        threshold: Math.max(1, Math.ceil((roll * settings.thresholdPercent) / 100)),
      });
      petition = await latestPetition(tx, holderId);
      if (!petition) throw new NotFoundError('No such petition');
    }
    await lockPetition(tx, petition.id);
    if (!(await sign(tx, petition.id, principal.memberId))) {
      throw new ConflictError('already_signed', 'You already signed this petition');
    }
    petition = await latestPetition(tx, holderId);
    if (!petition) throw new NotFoundError('No such petition');
    if (Number(petition.signatures) >= petition.threshold) {
      const electionId = await callElection(ctx, tx, {
        bodyId: holder.body_id,
        kind: 'recall',
        office: holder.office,
        seats: 1,
        termMonths: 1,
        opensAt: now,
        closesAt: new Date(now.getTime() + RECALL_VOTE_DAYS * DAY_MS),
        recallOf: holderId,
        createdBy: null,
      });
      await setPetition(tx, petition.id, { state: 'voting', election_id: electionId });
      await enqueueEvents(
        ctx,
        tx,
        [{ name: 'recall.opened', payload: { holderId, bodyId: holder.body_id, electionId } }],
        now,
      );
      petition = await latestPetition(tx, holderId);
      if (!petition) throw new NotFoundError('No such petition');
    }
    return presentRecall(petition, true);
  });
}

/**
 * Reminds each body two weeks before a term ends (the `term.ending` event proposes an election of
 * the office; GET /bodies/:bodyId/elections lists it until one is called). Once per holder.
 */
export async function remindEndingTerms(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now();
  const due = await termsToRemind(
    ctx.db,
    now,
    new Date(now.getTime() + TERM_REMINDER_DAYS * DAY_MS),
  );
  let reminded = 0;
  for (const holder of due) {
    await transactRemind(ctx, holder, now);
    reminded += 1;
  }
  return reminded;
}

async function transactRemind(ctx: AppContext, holder: HolderRow, now: Date): Promise<void> {
  await transact(ctx, async (tx) => {
    if (!(await markReminded(tx, holder.id, now))) return;
    await enqueueEvents(
      ctx,
      tx,
      [
        {
          name: 'term.ending',
          payload: {
            holderId: holder.id,
            bodyId: holder.body_id,
            office: holder.office,
            termEnd: holder.term_end.toISOString(),
          },
        },
      ],
      now,
    );
  });
}
