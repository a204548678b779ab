import { randomUUID } from 'node:crypto';
import {
  ballotDay,
  motionBallotReceipt,
  type CastResponse,
  type MotionReceipts,
  type Principal,
  type SecretBallotBody,
  type VoteChoice,
} from '@tocsin/core';
import {
  ConflictError,
  NotFoundError,
  checkToken,
  signBlindedToken,
  transact,
  type AppContext,
  type Tx,
} from '../../platform';
import { lockMotion, shareMotion } from './assemblies.repository';
import {
  ballotKeyOf,
  dropBallotKey,
  rewriteSecretBox,
  findSecretMotion,
  insertSecretBallot,
  recordMotionToken,
  secretBallotByToken,
  secretBallotsOf,
  storeBallotKey,
} from './secret-votes.repository';
import { meetingAccess, requireCheckedIn, requireOpen } from './meetings.service';
import { once, type Answer } from './requests';

// Secret votes on motions (issue 16, ADR 0025): the ballot box of elections serves a meeting's
// vote. Opening the vote makes its key pair; a checked-in member gets one blind-signed token (the
// roll side, `motion_tokens`, records only that); the ballot goes to the box with the token alone
// (`motion_secret_ballots`: no member, no time finer than the day, random id). The close counts
// the box and drops the key.

const noSecretVote = () =>
  new ConflictError('vote_method', 'This vote is not secret: vote with POST /motions/:id/ballots');

/** Called by openVote with `method: "secret"`: the box's key pair for this vote. */
export async function openSecretBox(
  tx: Tx,
  motionId: string,
  key: { publicKey: string; privateKey: string },
): Promise<void> {
  await storeBallotKey(tx, motionId, key);
}

/**
 * Called by closeVote, holding the motion's lock: the choices in the box; the key is dropped and
 * the box's rows rewritten in receipt order (closeVote vacuums the boxes once it has committed).
 */
export async function closeSecretBox(tx: Tx, motionId: string): Promise<VoteChoice[]> {
  const rows = await secretBallotsOf(tx, motionId);
  await dropBallotKey(tx, motionId);
  await rewriteSecretBox(tx, motionId);
  return rows.map((r) => r.choice);
}

/**
 * POST /motions/:id/tokens: a checked-in member of the roll gets their blinded token signed, once
 * per vote. The roll keeps only that a token was issued.
 */
export async function issueMotionToken(
  ctx: AppContext,
  principal: Principal,
  motionId: string,
  input: { requestId: string; blindedMessage: string },
): Promise<Answer<{ blindSignature: string }>> {
  return once(ctx, principal.memberId, input.requestId, `token:${motionId}`, 200, async (tx) => {
    const motion = await shareMotion(tx, motionId);
    if (!motion) throw new NotFoundError('No such motion');
    const { meeting } = await meetingAccess(ctx, tx, principal, motion.meeting_id);
    if (motion.state !== 'voting') {
      throw new ConflictError('vote_closed', 'No vote is open on this motion');
    }
    const key = await ballotKeyOf(tx, motionId);
    if (!key) throw noSecretVote();
    requireOpen(meeting);
    await requireCheckedIn(tx, meeting.id, principal.memberId);
    if (!(await recordMotionToken(tx, motionId, principal.memberId))) {
      throw new ConflictError('already_voted', 'You already have your ballot token for this vote');
    }
    // A refusal rolls back the issue record with it: the member may try again.
    return { blindSignature: await signBlindedToken(key.private_key, input.blindedMessage) };
  });
}

/**
 * POST /motions/:id/secret-ballots: the box. The token is the only credential; the same token with
 * the same choice again is a retry (same receipt, counted once), with another choice refused.
 */
export async function castSecretBallot(
  ctx: AppContext,
  motionId: string,
  input: SecretBallotBody,
): Promise<CastResponse> {
  const motion = await findSecretMotion(ctx.db, motionId);
  if (!motion) throw new NotFoundError('No such motion');
  if (motion.vote_method !== null && motion.vote_method !== 'secret') throw noSecretVote();
  const key = motion.state === 'voting' ? await ballotKeyOf(ctx.db, motionId) : undefined;
  if (!key) throw new ConflictError('vote_closed', 'No secret vote is open on this motion');
  const hash = await checkToken(key.public_key, input, 'vote');
  const receipt = await motionBallotReceipt(motionId, input.message, input.choice);
  return transact(ctx, async (tx) => {
    // Serialized with the close (which locks the motion): in the count, or refused.
    const locked = await lockMotion(tx, motionId);
    if (!locked || locked.state !== 'voting') {
      throw new ConflictError('vote_closed', 'No secret vote is open on this motion');
    }
    const day = ballotDay(ctx.clock.now().getTime());
    const added = await insertSecretBallot(tx, {
      id: randomUUID(),
      motion_id: motionId,
      token_hash: hash,
      receipt,
      choice: input.choice,
      cast_day: day,
    });
    if (added) return { receipt, day };
    const prior = await secretBallotByToken(tx, motionId, hash);
    if (prior && prior.receipt === receipt) return { receipt, day: dayText(prior.cast_day) };
    throw new ConflictError('token_used', 'This token has already cast a ballot');
  });
}

function dayText(day: Date | string): string {
  return typeof day === 'string' ? day.slice(0, 10) : day.toISOString().slice(0, 10);
}

/**
 * GET /motions/:id/receipts (the roll): the vote's key while it is open, every receipt sorted,
 * and the choices once the vote has closed.
 */
export async function listReceipts(
  ctx: AppContext,
  principal: Principal,
  motionId: string,
): Promise<MotionReceipts> {
  const motion = await findSecretMotion(ctx.db, motionId);
  if (!motion) throw new NotFoundError('No such motion');
  await meetingAccess(ctx, ctx.db, principal, motion.meeting_id);
  if (motion.vote_method !== 'secret') throw noSecretVote();
  const closed = motion.state !== 'voting';
  const [key, ballots] = await Promise.all([
    closed ? undefined : ballotKeyOf(ctx.db, motionId),
    secretBallotsOf(ctx.db, motionId),
  ]);
  return {
    closed,
    publicKey: key?.public_key ?? null,
    ballots: ballots.map((b) => ({ receipt: b.receipt, choice: closed ? b.choice : null })),
  };
}
