import { randomBytes } from 'node:crypto';
import { createEvents, type EventAttributes } from 'ics';
import type { Principal } from '@tocsin/core';
import { NotFoundError, type AppContext } from '../../platform';
import { keyedHash } from '../../membership';
import { findBody } from '../assemblies';
import { reachOf } from '../bulletin';
import {
  calendarKeyOf,
  eventsBetween,
  memberByKeyHash,
  principalOfMember,
  saveCalendarKey,
  type EventRow,
} from './events.repository';
import { publicUrlOf } from './events.presenter';
import { seeEvent } from './events.service';

// Calendar feeds: one per member and one per body (read with the member's key), with the
// unguessable key in the URL. The key is an HMAC of a stored nonce under the server key, so the
// URL can be shown again, a seized database alone cannot make it, and rotating the nonce ends the
// old URL at once. Feeds carry the coarse place and no attendee data at all.

const KEY_PURPOSE = 'calendar-key';
const LOOKUP_PURPOSE = 'calendar-lookup';
/** Feeds hold a month back and a year ahead. */
const BACK_MS = 30 * 86_400_000;
const AHEAD_MS = 365 * 86_400_000;
const NIL = '00000000-0000-0000-0000-000000000000';

function keyOf(ctx: AppContext, memberId: string, nonce: string): string {
  return keyedHash(ctx.secrets.serverKey, KEY_PURPOSE, `${memberId}:${nonce}`);
}

function urlOf(ctx: AppContext, key: string): string {
  const base = ctx.config.publicUrl?.replace(/\/$/, '') ?? '';
  return `${base}/api/v1/me/calendar.ics?key=${key}`;
}

async function issue(
  ctx: AppContext,
  memberId: string,
  options: { keepExisting?: boolean } = {},
): Promise<string> {
  const nonce = randomBytes(16).toString('base64url');
  const key = keyOf(ctx, memberId, nonce);
  await saveCalendarKey(
    ctx.db,
    {
      member_id: memberId,
      nonce,
      key_hash: keyedHash(ctx.secrets.serverKey, LOOKUP_PURPOSE, key),
      created_at: ctx.clock.now(),
    },
    options,
  );
  return key;
}

/**
 * The member's calendar URL, made on first ask (`GET /me` asks). Two first asks at once keep one
 * key: the second insert yields to the first, and both answer with the stored one.
 */
export async function calendarUrl(ctx: AppContext, principal: Principal): Promise<{ url: string }> {
  let row = await calendarKeyOf(ctx.db, principal.memberId);
  if (!row) {
    await issue(ctx, principal.memberId, { keepExisting: true });
    row = await calendarKeyOf(ctx.db, principal.memberId);
    if (!row) throw new Error('calendar key not stored');
  }
  return { url: urlOf(ctx, keyOf(ctx, principal.memberId, row.nonce)) };
}

/** A new URL; the old one answers 404 from now on. */
export async function rotateCalendar(
  ctx: AppContext,
  principal: Principal,
): Promise<{ url: string }> {
  return { url: urlOf(ctx, await issue(ctx, principal.memberId)) };
}

function toIcs(ctx: AppContext, name: string, rows: readonly EventRow[]): string {
  const base = ctx.config.publicUrl?.replace(/\/$/, '') ?? '';
  const events: EventAttributes[] = rows.map((row) => {
    // iCalendar wants an absolute link: only when the server knows its public URL.
    const link = base ? (publicUrlOf(base, row) ?? `${base}/events/${row.id}`) : undefined;
    return {
      uid: `${row.id}@tocsin`,
      title: row.title,
      description: row.description,
      location: row.public_place,
      start: row.starts_at.getTime(),
      end: row.ends_at.getTime(),
      startInputType: 'utc',
      startOutputType: 'utc',
      endInputType: 'utc',
      endOutputType: 'utc',
      timestamp: row.starts_at.getTime(),
      ...(link ? { url: link } : {}),
      productId: 'tocsin',
      calName: name,
    };
  });
  if (events.length === 0) {
    return [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:tocsin',
      `X-WR-CALNAME:${name}`,
      'END:VCALENDAR',
      '',
    ].join('\r\n');
  }
  const { error, value } = createEvents(events);
  if (error || !value) throw error ?? new Error('calendar not built');
  return value;
}

/**
 * The feed for a key: the events its member may see (of one body, or all). An unknown key runs
 * the same look-ups for nobody before its 404, so a wrong key takes as long as a right one.
 */
export async function calendarFeed(
  ctx: AppContext,
  key: string,
  bodyId: string | null,
): Promise<string> {
  const member = await memberByKeyHash(
    ctx.db,
    keyedHash(ctx.secrets.serverKey, LOOKUP_PURPOSE, key),
  );
  const principal = await principalOfMember(
    ctx.db,
    member ?? { id: NIL, status: 'active', sponsor_id: null },
  );
  const now = ctx.clock.now().getTime();
  const body = bodyId ? await findBody(ctx.db, bodyId) : null;
  const rows = await eventsBetween(
    ctx.db,
    new Date(now - BACK_MS),
    new Date(now + AHEAD_MS),
    bodyId ?? undefined,
  );
  const reach = await reachOf(ctx, principal);
  const visible: EventRow[] = [];
  for (const row of rows) {
    if (await seeEvent(ctx, ctx.db, principal, row, reach)) visible.push(row);
  }
  const ics = toIcs(ctx, body ? body.name : 'Tocsin', visible);
  if (!member || (bodyId && !body)) throw new NotFoundError('No such calendar');
  return ics;
}
