import { randomUUID } from 'node:crypto';
import {
  aidStats,
  aidTransition,
  autoMatchOffer,
  mayTake,
  type AidCategory,
  type AidMatchView,
  type AidMine,
  type AidOutcome,
  type AidUrgency,
  type BoardItem,
  type MyAidRequest,
  type Principal,
} from '@tocsin/core';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  enqueueEvents,
  transact,
  type AppContext,
  type Tx,
} from '../../platform';
import type { AreaSnapshot } from '../../membership';
import { areaAndBelow, coordinatedAreas, isAidCoordinator, seenArea } from './mutual-aid.policy';
import {
  presentBoardItem,
  presentMatch,
  presentMyRequest,
  presentOffer,
} from './mutual-aid.presenter';
import {
  claimReceipt,
  deleteTakes,
  findAidRequest,
  findMatch,
  findOffer,
  findReceipt,
  findTake,
  findTakeOf,
  handleOf,
  insertAidRequest,
  insertMatch,
  insertMessage,
  insertOffer,
  insertTake,
  matchOfRequest,
  messagesOf,
  offersOf,
  offersOfMembers,
  openRequestsIn,
  queueRequestsIn,
  requestsOf,
  setClosed,
  setMatched,
  statsRows,
  storeReceipt,
  takersOf,
  takesOf,
  withdrawOffer,
  type AidRequestRow,
} from './mutual-aid.repository';

/** A write's answer, stored under the client's request id. */
export interface AidAnswer<T> {
  status: number;
  body: T;
}

/**
 * Runs a write once per request id, in one transaction: a repeat gets the first answer and
 * changes nothing; the same id for another member or operation is refused (409).
 */
async function once<T>(
  ctx: AppContext,
  memberId: string,
  requestId: string,
  operation: string,
  status: number,
  write: (tx: Tx) => Promise<T>,
): Promise<AidAnswer<T>> {
  return transact(ctx, async (tx) => {
    if (!(await claimReceipt(tx, requestId, memberId, operation, ctx.clock.now()))) {
      const prior = await findReceipt(tx, requestId);
      if (!prior || prior.member_id !== memberId || prior.operation !== operation) {
        throw new ConflictError('request_id_reused', 'This requestId was used for another request');
      }
      return { status: prior.status ?? status, body: prior.response as T };
    }
    const body = await write(tx);
    await storeReceipt(tx, requestId, status, body);
    return { status, body };
  });
}

function offerMatchable(row: {
  id: string;
  member_id: string;
  category: AidCategory;
  area_id: string;
  created_at: Date;
  until: string | null;
  withdrawn_at: Date | null;
}) {
  return {
    id: row.id,
    memberId: row.member_id,
    category: row.category,
    areaId: row.area_id,
    createdAt: row.created_at.getTime(),
    until: row.until ? Date.parse(`${row.until}T23:59:59.999Z`) : null,
    withdrawn: row.withdrawn_at !== null,
  };
}

export interface NewAidRequest {
  category: AidCategory;
  areaId: string;
  urgency: AidUrgency;
  description: string | null;
  autoMatch: boolean;
  onBehalf: boolean;
}

/**
 * Opens a request inside the caller's transaction (also how a canvasser's needs_aid door opens
 * one, on behalf of the person at the door: nothing of that person is stored). The requester is
 * the member who asked.
 */
export async function openAidRequestIn(
  ctx: AppContext,
  tx: Tx,
  requesterId: string,
  input: NewAidRequest,
): Promise<AidRequestRow> {
  const id = randomUUID();
  const now = ctx.clock.now();
  await insertAidRequest(tx, { id, requesterId, now, ...input });
  await enqueueEvents(
    ctx,
    tx,
    [
      {
        name: 'aid_request.opened',
        payload: {
          requestId: id,
          areaId: input.areaId,
          category: input.category,
          urgency: input.urgency,
        },
      },
    ],
    now,
  );
  const row = await findAidRequest(tx, id);
  if (!row) throw new NotFoundError('No such request');
  return row;
}

export async function openAidRequest(
  ctx: AppContext,
  principal: Principal,
  input: NewAidRequest & { requestId: string },
): Promise<AidAnswer<MyAidRequest>> {
  const snapshot = await ctx.areas.get();
  seenArea(snapshot, principal, input.areaId);
  const { requestId, ...request } = input;
  return once(ctx, principal.memberId, requestId, 'aid:request', 201, async (tx) =>
    presentMyRequest(
      await openAidRequestIn(ctx, tx, principal.memberId, request),
      ctx.clock.now(),
      null,
    ),
  );
}

export async function offerAid(
  ctx: AppContext,
  principal: Principal,
  input: {
    requestId: string;
    category: AidCategory;
    areaId: string;
    availability: string;
    until?: string | undefined;
  },
) {
  const snapshot = await ctx.areas.get();
  seenArea(snapshot, principal, input.areaId);
  return once(ctx, principal.memberId, input.requestId, 'aid:offer', 201, async (tx) => {
    const id = randomUUID();
    await insertOffer(tx, {
      id,
      memberId: principal.memberId,
      areaId: input.areaId,
      category: input.category,
      availability: input.availability,
      until: input.until ?? null,
      now: ctx.clock.now(),
    });
    const row = await findOffer(tx, id);
    if (!row) throw new NotFoundError('No such offer');
    return presentOffer(row);
  });
}

export async function withdrawAidOffer(ctx: AppContext, principal: Principal, offerId: string) {
  return transact(ctx, async (tx) => {
    const offer = await findOffer(tx, offerId);
    if (!offer || offer.member_id !== principal.memberId) throw new NotFoundError('No such offer');
    await withdrawOffer(tx, offerId, ctx.clock.now());
    const row = await findOffer(tx, offerId);
    if (!row) throw new NotFoundError('No such offer');
    return presentOffer(row);
  });
}

/** The public board of an area (and the areas in it): category, area, urgency and age only. */
export async function aidBoard(
  ctx: AppContext,
  principal: Principal,
  areaId: string,
): Promise<BoardItem[]> {
  const snapshot = await ctx.areas.get();
  seenArea(snapshot, principal, areaId);
  const now = ctx.clock.now();
  return (await openRequestsIn(ctx.db, areaAndBelow(snapshot, principal, areaId))).map((row) =>
    presentBoardItem(row, now),
  );
}

/** The coordinators' queue: open requests with the requester as a handle and who offered to take. */
export async function aidQueue(ctx: AppContext, principal: Principal, areaId: string) {
  const snapshot = await ctx.areas.get();
  seenArea(snapshot, principal, areaId);
  if (!(await isAidCoordinator(ctx.db, snapshot, principal, areaId))) {
    throw new ForbiddenError('Only the mutual-aid coordinators see the queue');
  }
  const rows = await queueRequestsIn(ctx.db, areaAndBelow(snapshot, principal, areaId));
  const takers = await takersOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  const offers = (
    await offersOfMembers(ctx.db, [...new Set(takers.map((t) => t.volunteer_id))])
  ).map(offerMatchable);
  const now = ctx.clock.now();
  return rows.map((row) => {
    const request = {
      category: row.category,
      areaChain: snapshot.chain(row.area_id),
      autoMatch: true,
      requesterId: row.requester_id,
    };
    return {
      id: row.id,
      category: row.category,
      areaId: row.area_id,
      urgency: row.urgency,
      ageHours: presentBoardItem(row, now).ageHours,
      description: row.description,
      requesterHandle: row.requester_handle ?? null,
      onBehalf: row.on_behalf,
      state: row.state,
      takers: takers
        .filter((t) => t.request_id === row.id)
        .map((t) => ({
          takeId: t.id,
          handle: t.handle,
          hasCoveringOffer:
            autoMatchOffer(
              request,
              offers.filter((o) => o.memberId === t.volunteer_id),
              now.getTime(),
            ) !== null,
        })),
    };
  });
}

export async function aidStatsOf(ctx: AppContext, principal: Principal, areaId: string) {
  const snapshot = await ctx.areas.get();
  seenArea(snapshot, principal, areaId);
  const rows = await statsRows(ctx.db, areaAndBelow(snapshot, principal, areaId));
  return { areaId, categories: aidStats(rows) };
}

export async function myAid(ctx: AppContext, principal: Principal): Promise<AidMine> {
  const snapshot = await ctx.areas.get();
  const now = ctx.clock.now();
  const requests = (await requestsOf(ctx.db, principal.memberId)).map((row) =>
    presentMyRequest(row, now),
  );
  const offers = (await offersOf(ctx.db, principal.memberId)).map(presentOffer);
  const { offered, matched } = await takesOf(ctx.db, principal.memberId);
  const matchedIds = new Set(matched.map((m) => m.id));
  const takes = [
    ...matched.map((m) => ({
      requestId: m.id,
      category: m.category,
      state: m.state === 'closed' ? ('closed' as const) : ('matched' as const),
      matchId: m.match_id,
    })),
    ...offered
      .filter((o) => !matchedIds.has(o.id) && o.state === 'open')
      .map((o) => ({
        requestId: o.id,
        category: o.category,
        state: 'offered' as const,
        matchId: null,
      })),
  ];
  return {
    requests,
    offers,
    takes,
    coordinates: await coordinatedAreas(ctx.db, snapshot, principal),
  };
}

async function pair(
  ctx: AppContext,
  tx: Tx,
  request: AidRequestRow,
  volunteerId: string,
  automatic: boolean,
): Promise<string> {
  const next = aidTransition(request.state, { type: 'match' });
  if (next === null) throw new ConflictError('not_open', 'This request is no longer open');
  const matchId = randomUUID();
  const now = ctx.clock.now();
  await setMatched(tx, request.id);
  await insertMatch(tx, { id: matchId, requestId: request.id, volunteerId, automatic, now });
  await deleteTakes(tx, request.id);
  await enqueueEvents(
    ctx,
    tx,
    [
      {
        name: 'aid_request.matched',
        payload: { requestId: request.id, areaId: request.area_id, automatic },
      },
    ],
    now,
  );
  return matchId;
}

/**
 * A volunteer offers to take a request. Paired at once when the request allows an automatic match
 * and the volunteer's own offer covers it (category and area); otherwise it waits for a
 * coordinator. Members on probation cannot take requests: a match shows the requester's handle.
 */
export async function takeAidRequest(
  ctx: AppContext,
  principal: Principal,
  id: string,
  requestId: string,
) {
  const snapshot = await ctx.areas.get();
  return once(ctx, principal.memberId, requestId, `aid:take:${id}`, 200, async (tx) => {
    const request = await findAidRequest(tx, id, true);
    if (!request) throw new NotFoundError('No such request');
    seenArea(snapshot, principal, request.area_id);
    if (principal.status !== 'active') {
      throw new ForbiddenError('Members on probation cannot take requests yet');
    }
    if (request.state !== 'open')
      throw new ConflictError('not_open', 'This request is no longer open');
    const matchable = {
      category: request.category,
      areaChain: snapshot.chain(request.area_id),
      autoMatch: request.auto_match,
      requesterId: request.requester_id,
    };
    if (!mayTake(matchable, principal.memberId)) {
      throw new ForbiddenError('You cannot take your own request');
    }
    const offers = (await offersOf(tx, principal.memberId)).map(offerMatchable);
    if (autoMatchOffer(matchable, offers, ctx.clock.now().getTime())) {
      const matchId = await pair(ctx, tx, request, principal.memberId, true);
      return { requestId: id, state: 'matched' as const, matchId };
    }
    if (!(await findTakeOf(tx, id, principal.memberId))) {
      await insertTake(tx, {
        id: randomUUID(),
        requestId: id,
        volunteerId: principal.memberId,
        now: ctx.clock.now(),
      });
    }
    return { requestId: id, state: 'offered' as const, matchId: null };
  });
}

/** A coordinator pairs a request with one of the volunteers who offered to take it. */
export async function matchAidRequest(
  ctx: AppContext,
  principal: Principal,
  id: string,
  input: { requestId: string; takeId: string },
) {
  const snapshot = await ctx.areas.get();
  return once(ctx, principal.memberId, input.requestId, `aid:match:${id}`, 200, async (tx) => {
    const request = await findAidRequest(tx, id, true);
    if (!request) throw new NotFoundError('No such request');
    seenArea(snapshot, principal, request.area_id);
    if (!(await isAidCoordinator(tx, snapshot, principal, request.area_id))) {
      throw new ForbiddenError('Only the mutual-aid coordinators pair requests');
    }
    const take = await findTake(tx, input.takeId);
    if (!take || take.request_id !== id) throw new NotFoundError('No such offer to take it');
    const matchId = await pair(ctx, tx, request, take.volunteer_id, false);
    return { requestId: id, state: 'matched' as const, matchId };
  });
}

/**
 * Closes a request: its requester (fulfilled or withdrawn), a coordinator (either), or the matched
 * volunteer (fulfilled). It leaves the board; its description and thread go after closedKeepDays.
 */
export async function closeAidRequest(
  ctx: AppContext,
  principal: Principal,
  id: string,
  input: { requestId: string; outcome: Exclude<AidOutcome, 'expired'> },
) {
  const snapshot = await ctx.areas.get();
  return once(ctx, principal.memberId, input.requestId, `aid:close:${id}`, 200, async (tx) => {
    const request = await findAidRequest(tx, id, true);
    if (!request) throw new NotFoundError('No such request');
    const match = await matchOfRequest(tx, id);
    const isRequester = request.requester_id === principal.memberId;
    const isVolunteer = match?.volunteer_id === principal.memberId;
    const isCoordinator = await isAidCoordinator(tx, snapshot, principal, request.area_id);
    if (!isRequester && !isCoordinator && !(isVolunteer && input.outcome === 'fulfilled')) {
      if (!isVolunteer) seenArea(snapshot, principal, request.area_id);
      throw new ForbiddenError(
        'Only the requester, the coordinators or the matched volunteer can close it',
      );
    }
    const next = aidTransition(request.state, { type: 'close', outcome: input.outcome });
    if (next === null) throw new ConflictError('closed', 'This request is already closed');
    const now = ctx.clock.now();
    await setClosed(tx, id, input.outcome, now);
    await enqueueEvents(
      ctx,
      tx,
      [
        {
          name: 'aid_request.closed',
          payload: { requestId: id, areaId: request.area_id, outcome: input.outcome },
        },
      ],
      now,
    );
    const row = await findAidRequest(tx, id);
    if (!row) throw new NotFoundError('No such request');
    return presentMyRequest(row, now, match?.id ?? null);
  });
}

/** The two people of a match; anyone else (a coordinator too) gets 404. */
async function matchFor(tx: Tx | AppContext['db'], principal: Principal, matchId: string) {
  const match = await findMatch(tx, matchId);
  const request = match ? await findAidRequest(tx, match.request_id) : undefined;
  if (!match || !request || request.purged_at !== null) throw new NotFoundError('No such match');
  const me = principal.memberId;
  let role: 'requester' | 'volunteer';
  if (request.requester_id === me) role = 'requester';
  else if (match.volunteer_id === me) role = 'volunteer';
  else throw new NotFoundError('No such match');
  return { match, request, role };
}

export async function getAidMatch(
  ctx: AppContext,
  principal: Principal,
  matchId: string,
): Promise<AidMatchView> {
  const { match, request, role } = await matchFor(ctx.db, principal, matchId);
  const other = role === 'requester' ? match.volunteer_id : request.requester_id;
  return presentMatch(
    match,
    request,
    role,
    await handleOf(ctx.db, other),
    await messagesOf(ctx.db, match.id),
    principal.memberId,
  );
}

export async function postAidMessage(
  ctx: AppContext,
  principal: Principal,
  matchId: string,
  input: { requestId: string; body: string },
) {
  return once(
    ctx,
    principal.memberId,
    input.requestId,
    `aid:message:${matchId}`,
    201,
    async (tx) => {
      const { match, request } = await matchFor(tx, principal, matchId);
      if (request.state !== 'matched') {
        throw new ConflictError(
          'closed',
          'This request is closed; its thread takes no new messages',
        );
      }
      const id = randomUUID();
      const now = ctx.clock.now();
      await insertMessage(tx, {
        id,
        matchId: match.id,
        authorId: principal.memberId,
        body: input.body,
        now,
      });
      return { id, mine: true, body: input.body, at: now.toISOString() };
    },
  );
}

export type { AreaSnapshot };
