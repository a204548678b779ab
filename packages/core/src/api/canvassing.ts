import { z } from 'zod';
import { COVERAGE_BANDS, DOOR_OUTCOMES } from '../canvassing/outcomes';
import { NOTE_MAX } from '../canvassing/notes';
import { AID_CATEGORIES, AID_DESCRIPTION_MAX, AID_URGENCIES } from '../mutual-aid/requests';

// Canvassing: turfs as sets of H3 cells (about one block each), assigned to a pair with a date,
// and door outcomes kept per cell as counts only. Nothing here names, addresses or places a
// resident: a door is a cell and an outcome. Bodies are strict: a field the contract does not
// name (lat, lng, address, ...) is refused with 400 naming it.

/** An H3 cell id as text (15 hex digits); its resolution is checked by the rules in core. */
export const h3CellSchema = z
  .string()
  .length(15)
  .regex(/^[0-9a-fA-F]{15}$/, { error: 'expected an H3 cell id (15 hex digits)' })
  .transform((s) => s.toLowerCase());

export const turfParams = z.strictObject({ id: z.uuid() });

const isoDate = z.iso.date();

/** POST /turfs: a turf drawn on the map (cells) or picked from an area (areaId), for a pair. */
export const newTurfBody = z
  .strictObject({
    /** The client's id of this turf; sending it again changes nothing. */
    id: z.uuid().optional(),
    name: z.string().trim().min(1).max(80),
    cells: z.array(h3CellSchema).min(1).max(2_000).optional(),
    areaId: z.uuid().optional(),
    assignees: z.array(z.uuid()).length(2, { error: 'a turf is assigned to a pair: two members' }),
    date: isoDate,
  })
  .refine((b) => (b.cells === undefined) !== (b.areaId === undefined), {
    error: 'give either cells or areaId',
    path: ['cells'],
  });

export const coverageBandSchema = z.enum(COVERAGE_BANDS);
/** A count as shown: null means "fewer than 5". */
export const canvassCountSchema = z.number().int().nullable();
export const shownTallySchema = z.strictObject(
  Object.fromEntries(DOOR_OUTCOMES.map((o) => [o, canvassCountSchema])) as Record<
    (typeof DOOR_OUTCOMES)[number],
    typeof canvassCountSchema
  >,
);

export const turfCellSchema = z.strictObject({
  cell: z.string(),
  band: coverageBandSchema,
  doors: canvassCountSchema,
});

export const turfNoteSchema = z.strictObject({
  id: z.uuid(),
  cell: z.string(),
  note: z.string(),
  /** The day it was written; notes are deleted 30 days after. */
  day: isoDate,
});

export const turfSummarySchema = z.strictObject({
  id: z.uuid(),
  name: z.string(),
  areaId: z.uuid(),
  date: isoDate,
  /** The pair, by handle (shown to the canvassing group only). */
  assignees: z.array(z.strictObject({ id: z.uuid(), handle: z.string() })),
  cellCount: z.number().int(),
  doors: canvassCountSchema,
  outcomes: shownTallySchema,
  /** Whether the caller is one of the pair. */
  mine: z.boolean(),
});
export type TurfSummary = z.infer<typeof turfSummarySchema>;

export const turfSchema = turfSummarySchema.extend({
  cells: z.array(turfCellSchema),
  notes: z.array(turfNoteSchema),
});
export type TurfView = z.infer<typeof turfSchema>;

export const turfsQuery = z.strictObject({ areaId: z.uuid() });

/** What a canvasser asks for when a door needs aid: never who or where beyond the turf's area. */
export const doorAidBody = z.strictObject({
  category: z.enum(AID_CATEGORIES),
  urgency: z.enum(AID_URGENCIES),
  description: z.string().trim().max(AID_DESCRIPTION_MAX).optional(),
});

/** POST /turfs/:id/doors: one door; `id` is the client's UUID (a repeat changes nothing). */
export const doorBody = z.strictObject({
  id: z.uuid(),
  cell: h3CellSchema,
  outcome: z.enum(DOOR_OUTCOMES),
  note: z.string().trim().max(NOTE_MAX).optional(),
  aid: doorAidBody.optional(),
  /**
   * wants_to_join recorded offline: the canvasser showed a single-use invite made beforehand
   * (kept on the phone for that), so no new one is made for this door.
   */
  heldInvite: z.boolean().optional(),
});
export type DoorBody = z.input<typeof doorBody>;

export const doorInviteSchema = z.strictObject({
  code: z.string(),
  url: z.string(),
  expiresAt: z.iso.datetime(),
});

export const doorAnswerSchema = z.strictObject({
  id: z.uuid(),
  turfId: z.uuid(),
  /** wants_to_join: a single-use invite to show as a QR code at the door. */
  invite: doorInviteSchema.nullable(),
  /** needs_aid: the mutual-aid request opened for the door, with no identity. */
  aidRequestId: z.uuid().nullable(),
});
export type DoorAnswer = z.infer<typeof doorAnswerSchema>;

export const coverageQuery = z.strictObject({ areaId: z.uuid() });

export const coverageSchema = z.strictObject({
  areaId: z.uuid(),
  cells: z.array(
    turfCellSchema.extend({
      leading: z.enum(DOOR_OUTCOMES).nullable(),
      outcomes: shownTallySchema,
    }),
  ),
  turfs: z.array(
    z.strictObject({
      id: z.uuid(),
      name: z.string(),
      date: isoDate,
      cellCount: z.number().int(),
      cellsVisited: z.number().int(),
      doors: canvassCountSchema,
      outcomes: shownTallySchema,
    }),
  ),
  totals: z.strictObject({ doors: canvassCountSchema, outcomes: shownTallySchema }),
});
export type CoverageView = z.infer<typeof coverageSchema>;
