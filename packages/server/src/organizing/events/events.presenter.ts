import {
  cellCenter,
  exactHeadcount,
  publicHeadcount,
  type EventSummary,
  type EventView,
  type RsvpAnswer,
} from '@tocsin/core';
import type { EventCounts, EventRow } from './events.repository';

/** The shareable page of a public event; relative when the server does not know its own URL. */
export function publicUrlOf(publicBase: string | null, row: EventRow): string | null {
  if (row.visibility !== 'public') return null;
  return `${publicBase?.replace(/\/$/, '') ?? ''}/e/${row.slug}`;
}

export function presentSummary(
  row: EventRow,
  counts: EventCounts,
  organizer: boolean,
  myAnswer: RsvpAnswer | null,
): EventSummary {
  const count = organizer ? exactHeadcount : publicHeadcount;
  return {
    id: row.id,
    body: { id: row.body_id, name: row.body_name },
    title: row.title,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    publicPlace: row.public_place,
    point: row.cell ? cellCenter(row.cell) : null,
    visibility: row.visibility,
    going: count(counts.going),
    myAnswer,
  };
}

/**
 * An event as members see it: headcounts k-anonymous (fewer than 5, then steps of 5); its
 * organizers see exact counts per role and the names of role holders who chose to be listed.
 */
export function presentEvent(input: {
  row: EventRow;
  counts: EventCounts;
  roles: readonly { role: string; needed: number }[];
  listed: readonly { role: string | null; id: string; name: string }[];
  organizer: boolean;
  mine: { answer: RsvpAnswer; role: string | null; listed: boolean; checkedIn: boolean } | null;
  publicBase: string | null;
}): EventView {
  const { row, counts, organizer } = input;
  const count = organizer ? exactHeadcount : publicHeadcount;
  return {
    ...presentSummary(row, counts, organizer, input.mine?.answer ?? null),
    description: row.description,
    place: row.place,
    maybe: count(counts.maybe),
    roles: input.roles.map((r) => ({
      role: r.role,
      needed: r.needed,
      signedUp: count(counts.byRole.get(r.role) ?? 0),
      listed: organizer
        ? input.listed.filter((l) => l.role === r.role).map((l) => ({ id: l.id, name: l.name }))
        : [],
    })),
    checkedIn: organizer ? exactHeadcount(counts.checkedIn) : null,
    myRole: input.mine?.role ?? null,
    myListed: input.mine?.listed ?? false,
    myCheckedIn: input.mine?.checkedIn ?? false,
    organizer,
    afterAction: row.after_action,
    publicUrl: publicUrlOf(input.publicBase, row),
  };
}
