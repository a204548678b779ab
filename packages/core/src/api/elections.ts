import { z } from 'zod';
import { ELECTION_OFFICES } from '../elections/phase';
import { castTokenFields } from './ballot-box';
import { personSchema, requestIdSchema } from './organizing';

// Elections of a body (issue 16): nominations, blind-signed ballot tokens, the ballot box (a
// route that takes no session), the published ballot list, results, office holders and recall.
// The table in ./contract names the routes.

export const ELECTION_KINDS = ['office', 'recall'] as const;
export type ElectionKind = (typeof ELECTION_KINDS)[number];
export const ELECTION_PHASES = ['nominations', 'voting', 'count', 'results'] as const;
export const OFFICE_HOLDER_SOURCES = ['election', 'appointment'] as const;
export const RECALL_STATES = ['open', 'voting', 'lapsed', 'removed', 'kept'] as const;
/** The two options of a recall ballot. */
export const RECALL_OPTIONS = ['yes', 'no'] as const;

export const electionParams = z.strictObject({ id: z.uuid() });
export const nominationParams = z.strictObject({ id: z.uuid() });
export const officeHolderParams = z.strictObject({ id: z.uuid() });

/** POST /bodies/:bodyId/elections (the chair, or an organizer of the body's area). */
export const newElectionBody = z.strictObject({
  requestId: requestIdSchema,
  office: z.enum(ELECTION_OFFICES),
  seats: z.number().int().min(1).max(50),
  termMonths: z.number().int().min(1).max(60),
  /** Nominations run until voting opens. */
  votingOpensAt: z.iso.datetime({ offset: true }),
  votingClosesAt: z.iso.datetime({ offset: true }),
});
export type NewElectionBody = z.input<typeof newElectionBody>;

export const electionSummarySchema = z.strictObject({
  id: z.uuid(),
  bodyId: z.uuid(),
  kind: z.enum(ELECTION_KINDS),
  office: z.enum(ELECTION_OFFICES),
  seats: z.number().int(),
  termMonths: z.number().int(),
  phase: z.enum(ELECTION_PHASES),
  votingOpensAt: z.iso.datetime(),
  votingClosesAt: z.iso.datetime(),
  /** A recall vote: the holder it may remove. */
  recallOf: z.strictObject({ holderId: z.uuid(), member: personSchema }).nullable(),
  /** A by-election: the recall vote that left the seat empty. */
  fillsVacancyOf: z.uuid().nullable(),
});
export type ElectionSummary = z.infer<typeof electionSummarySchema>;

/**
 * POST /elections/:id/nominations: the caller nominates a member of the body (or themself), named
 * by id (chosen from the roll by those who may see it by name) or by handle (any member of the
 * roll, who knows the nominee's handle): one of the two.
 */
export const nominateBody = z
  .strictObject({
    requestId: requestIdSchema,
    nomineeId: z.uuid().optional(),
    nomineeHandle: z.string().trim().min(1).max(64).optional(),
    statement: z.string().trim().min(1).max(2000).optional(),
  })
  .superRefine((body, context) => {
    if ((body.nomineeId === undefined) === (body.nomineeHandle === undefined)) {
      context.addIssue({
        code: 'custom',
        path: [body.nomineeId === undefined ? 'nomineeId' : 'nomineeHandle'],
        message: 'name the nominee by exactly one of nomineeId and nomineeHandle',
      });
    }
  });
export type NominateBody = z.input<typeof nominateBody>;

/** POST /nominations/:id/accept: the nominee accepts, with a statement. */
export const acceptNominationBody = z.strictObject({
  requestId: requestIdSchema,
  statement: z.string().trim().min(1).max(2000),
});

export const nominationSchema = z.strictObject({
  id: z.uuid(),
  nominee: personSchema,
  /** Who nominated; the nominee themself for a self-nomination. */
  nominatedBy: personSchema,
  statement: z.string().nullable(),
  accepted: z.boolean(),
});
export type NominationView = z.infer<typeof nominationSchema>;

/** What a ballot ranks: an accepted candidate (its nomination id), or yes/no on a recall. */
export const ballotOptionSchema = z.strictObject({ id: z.string(), label: z.string() });

export const stvStageSchema = z.strictObject({
  action: z.enum(['first', 'surplus', 'exclusion']),
  candidate: z.string().optional(),
  votes: z.record(z.string(), z.string()),
  exhausted: z.string(),
  lost: z.string(),
  elected: z.array(z.string()),
});

export const electionResultSchema = z.strictObject({
  countedAt: z.iso.datetime(),
  ballots: z.number().int(),
  /** The Scottish STV count (offices), exactly as `tocsin count --json` gives it plus lots. */
  stv: z
    .strictObject({
      seats: z.number().int(),
      valid: z.string(),
      quota: z.string(),
      elected: z.array(z.string()),
      stages: z.array(stvStageSchema),
      seed: z.string(),
      lots: z.array(
        z.strictObject({
          stage: z.number().int(),
          decides: z.enum(['surplus', 'exclusion']),
          between: z.array(z.string()),
          drawn: z.string(),
        }),
      ),
    })
    .nullable(),
  /** A recall vote: a majority of yes removes the holder. */
  recall: z
    .strictObject({ yes: z.number().int(), no: z.number().int(), removed: z.boolean() })
    .nullable(),
});
export type ElectionResult = z.infer<typeof electionResultSchema>;

/** GET /elections/:id (members of the body). */
export const electionViewSchema = electionSummarySchema.extend({
  nominations: z.array(nominationSchema),
  /** In ballot order: the ids a ballot's ranking names. */
  options: z.array(ballotOptionSchema),
  /** The election's RSA public key (SPKI, base64url): tokens are blinded and checked with it. */
  publicKey: z.string(),
  me: z.strictObject({
    /** The caller got their ballot token (they may have cast it or not: the server cannot tell). */
    tokenIssued: z.boolean(),
    canManage: z.boolean(),
    /** The caller is on the body's roll: they may nominate, stand, vote and sign a recall. */
    onRoll: z.boolean(),
    /** On the roll and may see it by name (GET /bodies/:bodyId/roll): the nominee picker. */
    seesRoll: z.boolean(),
  }),
  tokensIssued: z.number().int(),
  ballotsCast: z.number().int(),
  result: electionResultSchema.nullable(),
});
export type ElectionView = z.infer<typeof electionViewSchema>;

/**
 * POST /elections/:id/ballots: the ballot box. No session, cookie or device key: the token
 * (message and finalized signature) is the only credential.
 */
export const castBody = z.strictObject({
  ...castTokenFields,
  ranking: z.array(z.string().min(1).max(64)).min(1).max(100),
});
export type CastBody = z.infer<typeof castBody>;

/** GET /elections/:id/ballots: every receipt, sorted; the rankings once voting has closed. */
export const ballotListSchema = z.strictObject({
  phase: z.enum(ELECTION_PHASES),
  ballots: z.array(
    z.strictObject({ receipt: z.string(), ranking: z.array(z.string()).nullable() }),
  ),
});
export type BallotList = z.infer<typeof ballotListSchema>;

export const recallSchema = z.strictObject({
  id: z.uuid(),
  state: z.enum(RECALL_STATES),
  openedAt: z.iso.datetime(),
  /** Signatures must reach the threshold before this. */
  closesAt: z.iso.datetime(),
  threshold: z.number().int(),
  /** How many signed; null while fewer than 5 (counts under 5 are never shown). */
  signatures: z.number().int().nullable(),
  reached: z.boolean(),
  signedByMe: z.boolean(),
  electionId: z.uuid().nullable(),
});
export type RecallView = z.infer<typeof recallSchema>;

export const officeHolderSchema = z.strictObject({
  id: z.uuid(),
  bodyId: z.uuid(),
  office: z.enum(ELECTION_OFFICES),
  member: personSchema,
  termStart: z.iso.datetime(),
  termEnd: z.iso.datetime(),
  /** Set when the holder left before the term's end (recalled). */
  endedAt: z.iso.datetime().nullable(),
  source: z.enum(OFFICE_HOLDER_SOURCES),
  electionId: z.uuid().nullable(),
  recall: recallSchema.nullable(),
});
export type OfficeHolderView = z.infer<typeof officeHolderSchema>;

/** POST /bodies/:bodyId/office-holders: an organizer of the area appoints a holder for a term. */
export const appointHolderBody = z.strictObject({
  requestId: requestIdSchema,
  office: z.enum(ELECTION_OFFICES),
  memberId: z.uuid(),
  termMonths: z.number().int().min(1).max(60),
});

/** GET /bodies/:bodyId/elections: the body's elections, holders, and terms ending soon. */
export const bodyElectionsSchema = z.strictObject({
  elections: z.array(electionSummarySchema),
  holders: z.array(officeHolderSchema),
  /** Terms ending within two weeks with no election of that office scheduled: one is proposed. */
  endingTerms: z.array(
    z.strictObject({
      holderId: z.uuid(),
      office: z.enum(ELECTION_OFFICES),
      termEnd: z.iso.datetime(),
    }),
  ),
  canManage: z.boolean(),
});
export type BodyElections = z.infer<typeof bodyElectionsSchema>;

export const recallBody = z.strictObject({ requestId: requestIdSchema });
