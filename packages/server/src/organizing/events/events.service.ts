import { randomBytes, randomUUID } from 'node:crypto';
import {
  coarseCell,
  type afterActionBody,
  type EventSummary,
  type EventView,
  type eventsQuery,
  type newEventBody,
  type Principal,
  type rsvpBody,
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
import { findBody } from '../assemblies';
import {
  audienceOf,
  publisherAccess,
  reachOf,
  reaches,
  requirePublisher,
  type Reach,
} from '../bulletin';
import { presentEvent, presentSummary } from './events.presenter';
import {
  answersOf,
  checkIn,
  countsOf,
  eventsBetween,
  findEvent,
  findEventByRequest,
  insertEvent,
  listedHolders,
  rolesOf,
  rsvpOf,
  saveRsvp,
  setAfterAction,
  type EventRow,
} from './events.repository';

/** Check-in opens two hours before the start and closes at the end. */
const CHECK_IN_EARLY_MS = 2 * 3_600_000;
/** A list without bounds shows the coming 90 days. */
const DEFAULT_SPAN_MS = 90 * 86_400_000;

interface Seen {
  row: EventRow;
  organizer: boolean;
}

/**
 * Whether the member may see an event: a public one, or one whose body speaks to them (mutes do
 * not hide events). Organizers: whoever may publish for the body, and the event's creator.
 */
async function see(
  ctx: AppContext,
  db: Executor,
  principal: Principal,
  row: EventRow,
  reach: Reach,
): Promise<Seen | null> {
  const body = await findBody(db, row.body_id);
  if (!body) return null;
  const publisher = await publisherAccess(ctx, db, principal, body);
  const organizer = publisher.canPublish || row.created_by === principal.memberId;
  if (organizer || row.visibility === 'public') return { row, organizer };
  const audience = await audienceOf(db, await ctx.areas.get(), body);
  return reaches(audience, body.id, { ...reach, muted: [] }) ? { row, organizer } : null;
}

async function seenOr404(
  ctx: AppContext,
  db: Executor,
  principal: Principal,
  eventId: string,
): Promise<Seen> {
  const row = await findEvent(db, eventId);
  const seen = row ? await see(ctx, db, principal, row, await reachOf(ctx, principal, db)) : null;
  if (!seen) throw new NotFoundError('No such event');
  return seen;
}

/** The full view of an event for the caller. */
export async function viewEvent(
  ctx: AppContext,
  db: Executor,
  principal: Principal,
  seen: Seen,
): Promise<EventView> {
  const { row, organizer } = seen;
  const counts = (await countsOf(db, [row.id])).get(row.id) ?? {
    going: 0,
    maybe: 0,
    checkedIn: 0,
    byRole: new Map(),
  };
  const mine = await rsvpOf(db, row.id, principal.memberId);
  return presentEvent({
    row,
    counts,
    roles: await rolesOf(db, row.id),
    listed: organizer ? await listedHolders(db, row.id) : [],
    organizer,
    mine: mine
      ? {
          answer: mine.answer,
          role: mine.role,
          listed: mine.listed,
          checkedIn: mine.checked_in_at !== null,
        }
      : null,
    publicBase: ctx.config.publicUrl,
  });
}

/** A body's officers (or Info & Events) announce an event; the bulletin posts it. */
export async function createEvent(
  ctx: AppContext,
  principal: Principal,
  bodyId: string,
  input: z.output<typeof newEventBody>,
): Promise<EventView> {
  return transact(ctx, async (tx) => {
    const now = ctx.clock.now();
    if (input.requestId) {
      const prior = await findEventByRequest(tx, input.requestId);
      if (prior) {
        if (prior.created_by !== principal.memberId || prior.body_id !== bodyId) {
          throw new ConflictError(
            'request_id_reused',
            'This requestId was used for another request',
          );
        }
        return viewEvent(ctx, tx, principal, { row: prior, organizer: true });
      }
    }
    const body = await findBody(tx, bodyId);
    if (!body) throw new NotFoundError('No such body');
    requirePublisher(await publisherAccess(ctx, tx, principal, body));
    const startsAt = new Date(input.startsAt);
    if (startsAt <= now) {
      throw new ValidationError('An event starts in the future', [
        { path: 'startsAt', message: 'must be in the future' },
      ]);
    }
    const snapshot = await ctx.areas.get();
    const id = randomUUID();
    await insertEvent(
      tx,
      {
        id,
        body_id: body.id,
        title: input.title,
        description: input.description,
        starts_at: startsAt,
        ends_at: new Date(input.endsAt),
        place: input.place,
        public_place:
          input.publicPlace ||
          (body.home_area_id ? snapshot.byId.get(body.home_area_id)?.name : undefined) ||
          snapshot.city?.name ||
          body.name,
        cell: input.point ? coarseCell(input.point.lat, input.point.lng) : null,
        visibility: input.visibility,
        // 128 random bits: the public link cannot be guessed, and names nothing.
        slug: randomBytes(16).toString('base64url'),
        created_by: principal.memberId,
        request_id: input.requestId ?? null,
        created_at: now,
      },
      input.roles,
    );
    await enqueueEvents(
      ctx,
      tx,
      [
        {
          name: 'event.announced',
          payload: {
            eventId: id,
            bodyId: body.id,
            startsAt: startsAt.toISOString(),
            visibility: input.visibility,
          },
        },
      ],
      now,
    );
    await audit(tx, {
      at: now,
      actorId: principal.memberId,
      action: 'event.created',
      areaId: body.home_area_id,
      targetId: id,
    });
    const row = await findEvent(tx, id);
    if (!row) throw new NotFoundError('No such event');
    return viewEvent(ctx, tx, principal, { row, organizer: true });
  });
}

/** Events the caller may see in a span (the coming 90 days by default), for lists and the map. */
export async function listEvents(
  ctx: AppContext,
  principal: Principal,
  query: z.output<typeof eventsQuery>,
): Promise<EventSummary[]> {
  const now = ctx.clock.now();
  const from = query.from ? new Date(query.from) : now;
  const to = query.to ? new Date(query.to) : new Date(from.getTime() + DEFAULT_SPAN_MS);
  if (to <= from) {
    throw new ValidationError('An empty span', [{ path: 'to', message: 'must be after from' }]);
  }
  const reach = await reachOf(ctx, principal);
  const seen: Seen[] = [];
  for (const row of await eventsBetween(ctx.db, from, to, query.bodyId)) {
    const s = await see(ctx, ctx.db, principal, row, reach);
    if (s) seen.push(s);
  }
  const ids = seen.map((s) => s.row.id);
  const counts = await countsOf(ctx.db, ids);
  const answers = new Map(
    (await answersOf(ctx.db, ids, principal.memberId)).map((a) => [a.event_id, a.answer]),
  );
  return seen.map((s) =>
    presentSummary(
      s.row,
      counts.get(s.row.id) ?? { going: 0, maybe: 0, checkedIn: 0, byRole: new Map() },
      s.organizer,
      answers.get(s.row.id) ?? null,
    ),
  );
}

export async function getEvent(
  ctx: AppContext,
  principal: Principal,
  eventId: string,
): Promise<EventView> {
  const seen = await seenOr404(ctx, ctx.db, principal, eventId);
  return viewEvent(ctx, ctx.db, principal, seen);
}

/** Going, maybe or no, with a role or none; an event that has ended takes no answer (409). */
export async function answerRsvp(
  ctx: AppContext,
  principal: Principal,
  eventId: string,
  input: z.output<typeof rsvpBody>,
): Promise<EventView> {
  return transact(ctx, async (tx) => {
    const seen = await seenOr404(ctx, tx, principal, eventId);
    const now = ctx.clock.now();
    if (seen.row.ends_at <= now) {
      throw new ConflictError('event_past', 'This event is over');
    }
    if (principal.status === 'suspended') throw new ForbiddenError();
    let role = input.answer === 'no' ? null : (input.role ?? null);
    if (role !== null) {
      const roles = await rolesOf(tx, eventId);
      const match = roles.find((r) => r.role.toLowerCase() === role?.toLowerCase());
      if (!match) {
        throw new ValidationError('This event needs no such role', [
          { path: 'role', message: 'not a role of this event' },
        ]);
      }
      role = match.role;
    }
    await saveRsvp(tx, {
      event_id: eventId,
      member_id: principal.memberId,
      answer: input.answer,
      role,
      listed: role !== null && (input.listed ?? false),
      updated_at: now,
    });
    return viewEvent(ctx, tx, principal, seen);
  });
}

/** "I'm here": from two hours before the start to the end. */
export async function checkInToEvent(
  ctx: AppContext,
  principal: Principal,
  eventId: string,
): Promise<EventView> {
  return transact(ctx, async (tx) => {
    const seen = await seenOr404(ctx, tx, principal, eventId);
    const now = ctx.clock.now();
    const opens = seen.row.starts_at.getTime() - CHECK_IN_EARLY_MS;
    if (now.getTime() < opens || now >= seen.row.ends_at) {
      throw new ConflictError(
        'check_in_closed',
        'Check-in is open from two hours before the start to the end',
      );
    }
    await checkIn(tx, eventId, principal.memberId, now);
    return viewEvent(ctx, tx, principal, seen);
  });
}

/** The organizers' note after the event (what happened, what to do better). */
export async function writeAfterAction(
  ctx: AppContext,
  principal: Principal,
  eventId: string,
  input: z.output<typeof afterActionBody>,
): Promise<EventView> {
  return transact(ctx, async (tx) => {
    const seen = await seenOr404(ctx, tx, principal, eventId);
    if (!seen.organizer)
      throw new ForbiddenError('Only the organizers write the after-action note');
    if (seen.row.starts_at > ctx.clock.now()) {
      throw new ConflictError(
        'not_started',
        'The after-action note is written once the event has started',
      );
    }
    await setAfterAction(tx, eventId, input.note === '' ? null : input.note);
    const row = await findEvent(tx, eventId);
    if (!row) throw new NotFoundError('No such event');
    return viewEvent(ctx, tx, principal, { row, organizer: true });
  });
}

export { see as seeEvent };
