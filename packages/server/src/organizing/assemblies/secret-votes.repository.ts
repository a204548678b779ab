import { sql } from 'kysely';
import type { Executor, Tx } from '../../platform';

// Secret votes on motions (ADR 0025): the vote's key, the roll side (who got a token) and the box
// (no member, the day only). Nothing here joins the roll side to the box.

export async function storeBallotKey(
  db: Executor,
  motionId: string,
  key: { publicKey: string; privateKey: string },
): Promise<void> {
  await db
    .insertInto('motion_ballot_keys')
    .values({ motion_id: motionId, public_key: key.publicKey, private_key: key.privateKey })
    .onConflict((oc) =>
      oc
        .column('motion_id')
        .doUpdateSet({ public_key: key.publicKey, private_key: key.privateKey }),
    )
    .execute();
}

export async function dropBallotKey(db: Executor, motionId: string): Promise<void> {
  await db.deleteFrom('motion_ballot_keys').where('motion_id', '=', motionId).execute();
}

export function ballotKeyOf(db: Executor, motionId: string) {
  return db
    .selectFrom('motion_ballot_keys')
    .select(['public_key', 'private_key'])
    .where('motion_id', '=', motionId)
    .executeTakeFirst();
}

export function findSecretMotion(db: Executor, motionId: string) {
  return db
    .selectFrom('motions')
    .select(['id', 'meeting_id', 'state', 'vote_method'])
    .where('id', '=', motionId)
    .executeTakeFirst();
}

/** The roll side: false when the member already had their token. */
export async function recordMotionToken(
  db: Executor,
  motionId: string,
  memberId: string,
): Promise<boolean> {
  const added = await db
    .insertInto('motion_tokens')
    .values({ motion_id: motionId, member_id: memberId })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(added.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** The box: false when the token already cast a ballot. */
export async function insertSecretBallot(
  db: Executor,
  ballot: {
    id: string;
    motion_id: string;
    token_hash: string;
    receipt: string;
    choice: 'yes' | 'no' | 'abstain';
    cast_day: string;
  },
): Promise<boolean> {
  const added = await db
    .insertInto('motion_secret_ballots')
    .values(ballot)
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(added.numInsertedOrUpdatedRows ?? 0) > 0;
}

export function secretBallotByToken(db: Executor, motionId: string, tokenHash: string) {
  return db
    .selectFrom('motion_secret_ballots')
    .select(['receipt', 'cast_day'])
    .where('motion_id', '=', motionId)
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** Receipts and choices of a box, sorted by receipt (no insertion order to read). */
export function secretBallotsOf(db: Executor, motionId: string) {
  return db
    .selectFrom('motion_secret_ballots')
    .select(['receipt', 'choice'])
    .where('motion_id', '=', motionId)
    .orderBy('receipt')
    .execute();
}

/**
 * At the close (in its transaction): the box's ballots and the roll's token records of the vote
 * are deleted and written again, ballots by receipt and tokens by member id, so that they share
 * one transaction id and lie in no cast order; the vacuum after commit removes the old versions
 * (platform `sealBallotBoxes`, ADR 0026).
 */
export async function rewriteSecretBox(tx: Tx, motionId: string): Promise<void> {
  const ballots = await tx
    .selectFrom('motion_secret_ballots')
    // The day as text: a date read into a JS Date would come back shifted by the time zone.
    .select(['id', 'motion_id', 'token_hash', 'receipt', 'choice'])
    .select(sql<string>`cast_day::text`.as('cast_day'))
    .where('motion_id', '=', motionId)
    .orderBy('receipt')
    .execute();
  const tokens = await tx
    .selectFrom('motion_tokens')
    .select('member_id')
    .where('motion_id', '=', motionId)
    .orderBy('member_id')
    .execute();
  await tx.deleteFrom('motion_secret_ballots').where('motion_id', '=', motionId).execute();
  await tx.deleteFrom('motion_tokens').where('motion_id', '=', motionId).execute();
  if (ballots.length > 0) await tx.insertInto('motion_secret_ballots').values(ballots).execute();
  if (tokens.length > 0) {
    await tx
      .insertInto('motion_tokens')
      .values(tokens.map((t) => ({ motion_id: motionId, ...t })))
      .execute();
  }
}
