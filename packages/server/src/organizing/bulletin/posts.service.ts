import { randomUUID } from 'node:crypto';
import {
  approvalVerdict,
  needsSecondPerson,
  type BulletinView,
  type bulletinQuery,
  type followBody,
  type newPostBody,
  type PostView,
  type Principal,
} from '@tocsin/core';
import type { z } from 'zod';
import {
  AppError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  audit,
  enqueueEvents,
  transact,
  type AppContext,
  type Tx,
} from '../../platform';
import { findBody, type BodyRow } from '../assemblies';
import { audienceOf, reachOf, type Audience } from './audience';
import { publisherAccess, qualifiedApprover, requirePublisher } from './bulletin.policy';
import { presentPost } from './bulletin.presenter';
import {
  feedPage,
  findPost,
  findPostByRequest,
  insertPost,
  lockPost,
  pendingCityPosts,
  pinnedPosts,
  setFollow,
  setPostStatus,
  type PostRow,
} from './bulletin.repository';

/** A pinned post stays on top of its readers' bulletins for a week. */
export const PIN_MS = 7 * 86_400_000;

async function bodyOr404(tx: Tx | AppContext['db'], bodyId: string): Promise<BodyRow> {
  const body = await findBody(tx, bodyId);
  if (!body) throw new NotFoundError('No such body');
  return body;
}

/** Tells members' bulletins and phones that a post is out. */
export async function announcePost(
  ctx: AppContext,
  tx: Tx,
  post: { id: string; bodyId: string; audience: Audience; auto: boolean },
): Promise<void> {
  await enqueueEvents(
    ctx,
    tx,
    [
      {
        name: 'post.published',
        payload: {
          postId: post.id,
          bodyId: post.bodyId,
          audience: post.audience.kind,
          areaId: post.audience.areaId,
          auto: post.auto,
        },
      },
    ],
    ctx.clock.now(),
  );
}

/**
 * A body's officers (or the Info & Events group) post. A post to the whole city waits for a
 * second person; any other is published at once. A repeated requestId answers the first post.
 */
export async function createPost(
  ctx: AppContext,
  principal: Principal,
  bodyId: string,
  input: z.output<typeof newPostBody>,
): Promise<PostView> {
  return transact(ctx, async (tx) => {
    const now = ctx.clock.now();
    if (input.requestId) {
      const prior = await findPostByRequest(tx, input.requestId);
      if (prior) {
        if (prior.author_id !== principal.memberId || prior.body_id !== bodyId) {
          throw new ConflictError(
            'request_id_reused',
            'This requestId was used for another request',
          );
        }
        return presentPost(prior, now);
      }
    }
    const body = await bodyOr404(tx, bodyId);
    const publisher = await publisherAccess(ctx, tx, principal, body);
    requirePublisher(publisher);
    const audience = await audienceOf(tx, await ctx.areas.get(), body);
    const pending = needsSecondPerson(audience.kind);
    const id = randomUUID();
    await insertPost(tx, {
      id,
      body_id: body.id,
      kind: input.kind,
      title: input.title,
      text: input.text,
      audience: audience.kind,
      area_id: audience.areaId,
      status: pending ? 'pending' : 'published',
      pinned_until: input.pinned ? new Date(now.getTime() + PIN_MS) : null,
      author_id: principal.memberId,
      request_id: input.requestId ?? null,
      created_at: now,
      published_at: pending ? null : now,
    });
    if (!pending) await announcePost(ctx, tx, { id, bodyId: body.id, audience, auto: false });
    await audit(tx, {
      at: now,
      actorId: principal.memberId,
      action: pending ? 'post.submitted' : 'post.published',
      areaId: body.home_area_id,
      targetId: id,
    });
    const row = await findPost(tx, id);
    if (!row) throw new NotFoundError('No such post');
    return presentPost(row, now);
  });
}

/** Whether the caller may see a pending post at all: those who could approve it, and its author. */
async function mayApprove(
  ctx: AppContext,
  tx: Tx | AppContext['db'],
  principal: Principal,
  post: PostRow,
): Promise<boolean> {
  const body = await findBody(tx, post.body_id);
  if (!body) return false;
  return qualifiedApprover(await publisherAccess(ctx, tx, principal, body));
}

/** A second person publishes a city-wide post: never its author. */
export async function approvePost(
  ctx: AppContext,
  principal: Principal,
  postId: string,
): Promise<PostView> {
  return transact(ctx, async (tx) => {
    await lockPost(tx, postId);
    const post = await findPost(tx, postId);
    const qualified = post ? await mayApprove(ctx, tx, principal, post) : false;
    // A post still waiting is seen by nobody but those who may approve it and its author.
    if (
      !post ||
      (post.status === 'pending' && !qualified && post.author_id !== principal.memberId)
    ) {
      throw new NotFoundError('No such post');
    }
    const verdict = approvalVerdict({
      authorId: post.author_id,
      approverId: principal.memberId,
      qualified,
      status: post.status,
    });
    if (!verdict.ok) {
      if (verdict.reason === 'not_pending') {
        throw new ConflictError('not_pending', 'This post is not waiting for approval');
      }
      if (verdict.reason === 'self') {
        throw new AppError(403, 'second_person', 'A second person must approve your post');
      }
      throw new ForbiddenError('Only the Info & Events group or a city organizer approves this');
    }
    const now = ctx.clock.now();
    await setPostStatus(tx, postId, {
      status: 'published',
      approved_by: principal.memberId,
      published_at: now,
    });
    await announcePost(ctx, tx, {
      id: postId,
      bodyId: post.body_id,
      audience: { kind: post.audience, areaId: post.area_id },
      auto: false,
    });
    await audit(tx, {
      at: now,
      actorId: principal.memberId,
      action: 'post.approved',
      targetId: postId,
    });
    const row = await findPost(tx, postId);
    if (!row) throw new NotFoundError('No such post');
    return presentPost(row, now);
  });
}

/** The author or anyone who may publish for the body takes a post down. */
export async function withdrawPost(
  ctx: AppContext,
  principal: Principal,
  postId: string,
): Promise<PostView> {
  return transact(ctx, async (tx) => {
    await lockPost(tx, postId);
    const post = await findPost(tx, postId);
    if (!post) throw new NotFoundError('No such post');
    const body = await bodyOr404(tx, post.body_id);
    const publisher = await publisherAccess(ctx, tx, principal, body);
    const mine = post.author_id === principal.memberId;
    if (!mine && !publisher.canPublish) {
      if (!publisher.access.onRoll) throw new NotFoundError('No such post');
      throw new ForbiddenError("Only the author or the body's officers withdraw a post");
    }
    if (post.status === 'withdrawn') {
      throw new ConflictError('already_withdrawn', 'This post was already withdrawn');
    }
    await setPostStatus(tx, postId, { status: 'withdrawn' });
    const now = ctx.clock.now();
    await audit(tx, {
      at: now,
      actorId: principal.memberId,
      action: 'post.withdrawn',
      targetId: postId,
    });
    const row = await findPost(tx, postId);
    if (!row) throw new NotFoundError('No such post');
    return presentPost(row, now);
  });
}

/** The member's bulletin: pinned posts on the first page, then newest first, a page at a time. */
export async function bulletinOf(
  ctx: AppContext,
  principal: Principal,
  query: z.output<typeof bulletinQuery>,
): Promise<BulletinView> {
  const now = ctx.clock.now();
  const reach = await reachOf(ctx, principal);
  const before = query.before ? new Date(query.before) : null;
  const rows = await feedPage(ctx.db, reach, now, before, query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    pinned: before ? [] : (await pinnedPosts(ctx.db, reach, now)).map((r) => presentPost(r, now)),
    items: page.map((r) => presentPost(r, now)),
    next: rows.length > query.limit && last?.published_at ? last.published_at.toISOString() : null,
  };
}

/** City-wide posts waiting for a second person that the caller may approve (not their own). */
export async function pendingPosts(ctx: AppContext, principal: Principal): Promise<PostView[]> {
  const now = ctx.clock.now();
  const out: PostView[] = [];
  const decided = new Map<string, boolean>();
  for (const post of await pendingCityPosts(ctx.db)) {
    let may = decided.get(post.body_id);
    if (may === undefined) {
      may = await mayApprove(ctx, ctx.db, principal, post);
      decided.set(post.body_id, may);
    }
    if (may || post.author_id === principal.memberId) out.push(presentPost(post, now));
  }
  return out;
}

/** Follow a body (its posts and pushes reach me), mute it (neither), or back to the default. */
export async function followBodyAs(
  ctx: AppContext,
  principal: Principal,
  bodyId: string,
  input: z.output<typeof followBody>,
): Promise<{ bodyId: string; state: 'follow' | 'mute' | 'default' }> {
  const body = await bodyOr404(ctx.db, bodyId);
  const snapshot = await ctx.areas.get();
  const audience = await audienceOf(ctx.db, snapshot, body);
  // A body that speaks only to its roll cannot be followed from outside; a workplace's body only
  // by those who may see the workplace (its posts reach only them).
  if (input.state === 'follow') {
    const reach = await reachOf(ctx, principal);
    const area = audience.areaId ? snapshot.byId.get(audience.areaId) : undefined;
    const hidden =
      (audience.kind === 'body' && !reach.bodyIds.includes(body.id)) ||
      (area?.kind === 'workplace' && !reach.areaIds.includes(area.id));
    if (hidden) throw new NotFoundError('No such body');
  }
  await setFollow(ctx.db, principal.memberId, bodyId, input.state);
  return { bodyId, state: input.state };
}
