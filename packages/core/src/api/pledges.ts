import { z } from 'zod';
import { CAMPAIGN_STATES } from '../pledges/thresholds';

// Workplaces (their place, employer, headcount estimate, departments and shifts, declared and
// confirmed members) and strike pledge campaigns. No answer ever names a pledger: the only
// per-member pledge fact is the caller's own GET /campaigns/:id/pledge.

/** A count of people as shown: a number at least k, or "fewer than k" (k from the city pack). */
export const shownCountSchema = z.union([
  z.number().int().min(0),
  z.string().regex(/^fewer than \d+$/),
]);

const coords = z.strictObject({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
});
const isoDate = z.iso.date();

export const UNIT_KINDS = ['department', 'shift'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

const unitInput = z.strictObject({
  kind: z.enum(UNIT_KINDS),
  name: z.string().trim().min(1).max(100),
  headcount: z.number().int().min(1).max(1_000_000).optional(),
});

const headcountInput = z.strictObject({
  estimate: z.number().int().min(1).max(1_000_000),
  /** The day of the estimate; today unless said. */
  asOf: isoDate.optional(),
});

const profileFields = {
  employer: z.string().trim().min(1).max(200).optional(),
  sector: z.string().trim().min(1).max(100).optional(),
  /** Free text; the server keeps it as written (an organizer's shorthand, not a geocode). */
  address: z.string().trim().min(1).max(300).optional(),
  /** Stored only as a coarse H3 cell (about 0.7 km²); answers give the cell's center. */
  location: coords.optional(),
  headcount: headcountInput.optional(),
  unionStatus: z.string().trim().min(1).max(1_000).optional(),
};

/** POST /workplaces: an organizer of the parent area adds a workplace with its profile. */
export const newWorkplaceProfileBody = z.strictObject({
  id: z.uuid().optional().describe('Client-generated, so a retry does not create twice'),
  name: z.string().trim().min(1).max(200),
  parentId: z.uuid(),
  ...profileFields,
  units: z.array(unitInput).max(50).optional(),
});
export type NewWorkplaceProfileBody = z.input<typeof newWorkplaceProfileBody>;

/** PUT /workplaces/:id: the organizers change the profile; a field left out stays. */
export const workplaceProfileBody = z.strictObject(profileFields);

export const workplaceParams = z.strictObject({ id: z.uuid() });
export const workplaceMemberParams = z.strictObject({ id: z.uuid(), memberId: z.uuid() });

export const unitSchema = z.strictObject({
  id: z.uuid(),
  kind: z.enum(UNIT_KINDS),
  name: z.string(),
  headcount: z.number().int().nullable(),
});

export const workplaceSchema = z.strictObject({
  id: z.uuid(),
  name: z.string(),
  parentId: z.uuid().nullable(),
  bodyId: z.uuid().nullable(),
  employer: z.string().nullable(),
  sector: z.string().nullable(),
  address: z.string().nullable(),
  /** The center of the coarse cell the location was stored as. */
  location: coords.nullable(),
  headcount: z.strictObject({ estimate: z.number().int(), asOf: isoDate }).nullable(),
  unionStatus: z.string().nullable(),
  units: z.array(unitSchema),
  /** Confirmed members, k-anonymous. */
  confirmedMembers: shownCountSchema,
  /** Whether the caller organizes it (sees the structure chart, confirms members). */
  canOrganize: z.boolean(),
});
export type WorkplaceView = z.infer<typeof workplaceSchema>;

export const newUnitBody = unitInput;

/** GET /workplaces/:id/structure: per department and shift, counts only (organizers). */
export const structureSchema = z.strictObject({
  workplaceId: z.uuid(),
  headcount: z.number().int().nullable(),
  confirmedMembers: shownCountSchema,
  units: z.array(
    z.strictObject({
      id: z.uuid().nullable(),
      kind: z.enum([...UNIT_KINDS, 'unassigned']),
      name: z.string(),
      headcount: z.number().int().nullable(),
      confirmedMembers: shownCountSchema,
    }),
  ),
});
export type StructureView = z.infer<typeof structureSchema>;

/** GET /workplaces/:id/members/pending: who declared this workplace, to confirm (organizers). */
export const pendingMembersSchema = z.array(
  z.strictObject({ id: z.uuid(), name: z.string(), declaredAt: z.iso.datetime() }),
);

export const confirmMemberBody = z.strictObject({ unitId: z.uuid().optional() });
export const confirmedMemberSchema = z.strictObject({
  memberId: z.uuid(),
  workplaceId: z.uuid(),
  unitId: z.uuid().nullable(),
  confirmed: z.literal(true),
});

/** PUT /me/workplace: the caller says where they work; an organizer there confirms it. */
export const myWorkplaceBody = z.strictObject({ workplaceId: z.uuid() });
export const myWorkplaceSchema = z.strictObject({
  workplaceId: z.uuid().nullable(),
  name: z.string().nullable(),
  confirmed: z.boolean(),
});
export type MyWorkplace = z.infer<typeof myWorkplaceSchema>;

// ---- campaigns

/** POST /campaigns: the council (city organizers) or a workplace body starts a campaign. */
export const newCampaignBody = z.strictObject({
  id: z.uuid().optional().describe('Client-generated, so a retry does not create twice'),
  title: z.string().trim().min(1).max(200),
  action: z.string().trim().min(1).max(2_000),
  /** A workplace body's own campaign; left out: the council's, over every workplace. */
  workplaceId: z.uuid().optional(),
  workplace: z
    .strictObject({
      percent: z.number().int().min(1).max(100).optional(),
      count: z.number().int().min(1).max(1_000_000).optional(),
    })
    .refine((c) => c.percent !== undefined || c.count !== undefined, {
      error: 'give percent, count or both',
    }),
  city: z
    .strictObject({
      workplaces: z.number().int().min(1).max(100_000).optional(),
      pledgers: z.number().int().min(1).max(10_000_000).optional(),
    })
    .refine((c) => c.workplaces !== undefined || c.pledgers !== undefined, {
      error: 'give workplaces, pledgers or both',
    })
    .optional(),
});
export type NewCampaignBody = z.input<typeof newCampaignBody>;

export const campaignParams = z.strictObject({ id: z.uuid() });

export const campaignWorkplaceSchema = z.strictObject({
  id: z.uuid(),
  name: z.string(),
  sector: z.string().nullable(),
  location: coords.nullable(),
  pledgers: shownCountSchema,
  percent: z.number().int().optional(),
  triggered: z.boolean(),
});

export const campaignSchema = z.strictObject({
  id: z.uuid(),
  title: z.string(),
  action: z.string(),
  bodyId: z.uuid(),
  workplaceId: z.uuid().nullable(),
  state: z.enum(CAMPAIGN_STATES),
  conditions: z.strictObject({
    workplace: z.strictObject({
      percent: z.number().int().optional(),
      count: z.number().int().optional(),
    }),
    city: z.strictObject({
      workplaces: z.number().int().optional(),
      pledgers: z.number().int().optional(),
    }),
  }),
  totals: z.strictObject({ pledgers: shownCountSchema, workplacesTriggered: z.number().int() }),
  /** The workplaces the caller may see; the totals count every workplace. */
  workplaces: z.array(campaignWorkplaceSchema),
  /** When the counts shown were published (they change at most once per publication period). */
  publishedAt: z.iso.datetime(),
  onAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  /** Whether the caller may close it. */
  canManage: z.boolean(),
});
export type CampaignView = z.infer<typeof campaignSchema>;

export const campaignSummarySchema = campaignSchema.pick({
  id: true,
  title: true,
  state: true,
  workplaceId: true,
  totals: true,
  createdAt: true,
});
export type CampaignSummary = z.infer<typeof campaignSummarySchema>;

/** GET /campaigns/:id/history: pledges over time per sector, from the published steps. */
export const campaignHistorySchema = z.strictObject({
  sectors: z.record(
    z.string(),
    z.array(z.strictObject({ at: z.iso.datetime(), pledgers: shownCountSchema })),
  ),
});
export type CampaignHistory = z.infer<typeof campaignHistorySchema>;

/** GET/PUT/DELETE /campaigns/:id/pledge: only ever about the caller's own pledge. */
export const myPledgeSchema = z.strictObject({
  campaignId: z.uuid(),
  pledged: z.boolean(),
  state: z.enum(CAMPAIGN_STATES),
  /** Whether withdrawing is still possible (not once the pledge's workplace triggered). */
  canWithdraw: z.boolean(),
});
export type MyPledge = z.infer<typeof myPledgeSchema>;
