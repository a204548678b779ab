import { randomUUID } from 'node:crypto';
import {
  DEFAULT_DIGEST_TIME,
  DEFAULT_QUIET_HOURS,
  EMPTY_PUSH_STATE,
  cityDay,
  dayBounds,
  digestDueDay,
  flushHeld,
  inQuietHours,
  nextFlushAt,
  onPost,
  shiftDay,
  type AutoPostType,
  type DomainEvent,
  type EventName,
  type PostKind,
  type Principal,
  type PushState,
  type QuietHours,
} from '@tocsin/core';
import { transact, type AppContext, type Logger, type Subscription } from '../../platform';
import { findBody } from '../assemblies';
import { audienceOf, recipientsOf } from './audience';
import {
  bodyIdOfArea,
  decisionText,
  digestCandidates,
  dueFlushes,
  eventForPost,
  findPost,
  incidentCountsOfDay,
  insertPost,
  lockPushStates,
  markDigestSent,
  meetingTitle,
  purgePushLog,
  quietHoursOf,
  savePushStates,
} from './bulletin.repository';
import { digestFor } from './digest.service';
import { Notifier } from './notify';
import { announcePost } from './posts.service';

/** One durable consumer shared by every node for each job: each event is handled once. */
export const AUTO_POSTS_CONSUMER = 'bulletin-auto-posts';
export const CALM_PUSH_CONSUMER = 'bulletin-calm-push';
const TICK_MS = 60_000;
const PUSH_LOG_DAYS = 2;

/** Something else that runs on the bulletin's minute (event reminders). */
export type Ticker = (now: Date) => Promise<void>;

/**
 * Something other than a post that a body tells members of (a committee's new mandate, to its
 * delegates), pushed under the same calm rules as posts: the body's one push per 30 minutes,
 * coalesced with its posts, and none in quiet hours.
 */
export interface CalmSource<N extends EventName = EventName> {
  /** The durable consumer: one per source, shared by every node. */
  readonly consumer: string;
  readonly type: N;
  recipients(event: DomainEvent<N>): Promise<{ bodyId: string; memberIds: readonly string[] }>;
}

function quietOf(row: { quiet_start: string | null; quiet_end: string | null } | undefined) {
  if (!row) return DEFAULT_QUIET_HOURS;
  return row.quiet_start && row.quiet_end ? { start: row.quiet_start, end: row.quiet_end } : null;
}

function parseState(raw: unknown): PushState {
  const value = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Partial<PushState> | null;
  return {
    lastPushAt: value?.lastPushAt ?? null,
    lastByBody: value?.lastByBody ?? {},
    held: value?.held ?? {},
  };
}

/**
 * The bulletin's background work: automatic posts from what Tocsin knows (meetings scheduled,
 * decisions recorded, events announced, a daily count of confirmed incidents per area), the calm
 * pushes of published posts, held pushes let out, and each member's daily digest.
 */
export class BulletinJobs {
  readonly notifier: Notifier;
  readonly #logger: Logger;
  readonly #subscriptions: Subscription[] = [];
  readonly #tickers: Ticker[] = [];
  readonly #calmSources: CalmSource[] = [];
  #timer: NodeJS.Timeout | null = null;
  /** How many post.published events this node has handled (tests wait on it). */
  publishedHandled = 0;
  /** How many events of calm sources this node has handled (tests wait on it). */
  calmHandled = 0;
  #running: Promise<void> | null = null;

  constructor(private readonly ctx: AppContext) {
    this.notifier = new Notifier(ctx);
    this.#logger = ctx.logger.child({ sub: 'bulletin' });
  }

  /** Adds events whose members get calm pushes; before the app is ready (`start`). */
  addCalmSource<N extends EventName>(source: CalmSource<N>): void {
    this.#calmSources.push(source);
  }

  /** Adds work that runs on every tick, after the bulletin's own. */
  addTicker(ticker: Ticker): void {
    this.#tickers.push(ticker);
  }

  async start(): Promise<void> {
    this.#subscriptions.push(
      await this.ctx.bus.subscribe({
        consumer: AUTO_POSTS_CONSUMER,
        types: ['meeting.scheduled', 'decision.recorded', 'event.announced'],
        handler: (event) => this.autoPost(event),
      }),
      await this.ctx.bus.subscribe({
        consumer: CALM_PUSH_CONSUMER,
        types: ['post.published'],
        handler: (event) => this.onPublished(event),
      }),
    );
    for (const source of this.#calmSources) {
      this.#subscriptions.push(
        await this.ctx.bus.subscribe({
          consumer: source.consumer,
          types: [source.type],
          handler: async (event) => {
            try {
              const { bodyId, memberIds } = await source.recipients(event);
              await this.calmPush(bodyId, memberIds, new Date(event.occurredAt));
            } finally {
              this.calmHandled += 1;
            }
          },
        }),
      );
    }
    this.#timer = setInterval(() => {
      void this.tick().catch((error: unknown) =>
        this.#logger.error({ err: error }, 'bulletin tick failed'),
      );
    }, TICK_MS);
    this.#timer.unref();
  }

  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    for (const subscription of this.#subscriptions.splice(0)) await subscription.close();
    await this.#running?.catch(() => undefined);
    this.notifier.close();
  }

  /** One pass of the timed work at the clock's now; overlapping calls wait for the one running. */
  async tick(): Promise<void> {
    while (this.#running) await this.#running.catch(() => undefined);
    const run = this.#tick();
    this.#running = run;
    try {
      await run;
    } finally {
      this.#running = null;
    }
  }

  async #tick(): Promise<void> {
    const now = this.ctx.clock.now();
    await this.flushHeld(now);
    await this.incidentSummaries(now);
    await this.digests(now);
    for (const ticker of this.#tickers) await ticker(now);
    await purgePushLog(this.ctx.db, new Date(now.getTime() - PUSH_LOG_DAYS * 86_400_000));
  }

  /** Posts what a body did, once per fact (the auto key makes a redelivery add nothing). */
  async autoPost(event: DomainEvent): Promise<void> {
    const { ctx } = this;
    let fact: {
      type: AutoPostType;
      bodyId: string;
      refId: string;
      kind: PostKind;
      title: string;
      startsAt: Date | null;
      eventId: string | null;
    } | null = null;
    if (event.name === 'meeting.scheduled') {
      const meeting = await meetingTitle(ctx.db, event.payload.meetingId);
      if (meeting) {
        fact = {
          type: 'meeting_scheduled',
          bodyId: event.payload.bodyId,
          refId: event.payload.meetingId,
          kind: 'meeting',
          title: meeting.title,
          startsAt: meeting.starts_at,
          eventId: null,
        };
      }
    } else if (event.name === 'decision.recorded') {
      const decision = await decisionText(ctx.db, event.payload.decisionId);
      if (decision) {
        fact = {
          type: 'decision_recorded',
          bodyId: event.payload.bodyId,
          refId: event.payload.decisionId,
          kind: 'decision',
          title: decision.text.length > 140 ? `${decision.text.slice(0, 139)}…` : decision.text,
          startsAt: null,
          eventId: null,
        };
      }
    } else if (event.name === 'event.announced') {
      const found = await eventForPost(ctx.db, event.payload.eventId);
      if (found) {
        fact = {
          type: 'event_announced',
          bodyId: event.payload.bodyId,
          refId: event.payload.eventId,
          kind: 'event',
          title: found.title,
          startsAt: found.starts_at,
          eventId: event.payload.eventId,
        };
      }
    }
    if (!fact) return;
    const auto = fact;
    const body = await findBody(ctx.db, auto.bodyId);
    if (!body) return;
    const audience = await audienceOf(ctx.db, await ctx.areas.get(), body);
    await transact(ctx, async (tx) => {
      const now = ctx.clock.now();
      const id = randomUUID();
      const inserted = await insertPost(tx, {
        id,
        body_id: body.id,
        kind: auto.kind,
        title: auto.title,
        text: '',
        audience: audience.kind,
        area_id: audience.areaId,
        status: 'published',
        auto_type: auto.type,
        auto_key: `${auto.type}:${auto.refId}`,
        ref_id: auto.refId,
        starts_at: auto.startsAt,
        event_id: auto.eventId,
        created_at: now,
        published_at: now,
      });
      if (inserted) await announcePost(ctx, tx, { id, bodyId: body.id, audience, auto: true });
    });
  }

  /**
   * A daily post per area with confirmed incidents the day before: the count and the area, never
   * a report. Posted once (its key), from the area's own body, after the day has ended.
   */
  async incidentSummaries(now: Date): Promise<void> {
    const { ctx } = this;
    const snapshot = await ctx.areas.get();
    const timeZone = snapshot.settings?.timeZone ?? 'UTC';
    const day = shiftDay(cityDay(now, timeZone), -1);
    const bounds = dayBounds(day, timeZone);
    const counts = await incidentCountsOfDay(ctx.db, bounds.start, bounds.end);
    if (counts.length === 0) return;
    for (const { area_id: areaId, n } of counts) {
      const bodyRow = await bodyIdOfArea(ctx.db, areaId);
      const body = bodyRow ? await findBody(ctx.db, bodyRow.id) : undefined;
      if (!body) continue;
      const audience = await audienceOf(ctx.db, snapshot, body);
      await transact(ctx, async (tx) => {
        const id = randomUUID();
        const inserted = await insertPost(tx, {
          id,
          body_id: body.id,
          kind: 'announcement',
          title: snapshot.byId.get(areaId)?.name ?? body.name,
          text: '',
          audience: audience.kind,
          area_id: audience.areaId,
          status: 'published',
          auto_type: 'incidents_summary',
          auto_key: `incidents_summary:${areaId}:${day}`,
          auto_day: day,
          auto_count: n,
          created_at: now,
          published_at: now,
        });
        if (inserted) await announcePost(ctx, tx, { id, bodyId: body.id, audience, auto: true });
      });
    }
  }

  /** A post is out: each member it reaches gets a push now, later (coalesced) or the bell only. */
  async onPublished(event: DomainEvent<'post.published'>): Promise<void> {
    try {
      await this.#onPublished(event);
    } finally {
      this.publishedHandled += 1;
    }
  }

  async #onPublished(event: DomainEvent<'post.published'>): Promise<void> {
    const { ctx } = this;
    const post = await findPost(ctx.db, event.payload.postId);
    if (!post || post.status !== 'published') return;
    const body = await findBody(ctx.db, post.body_id);
    if (!body) return;
    const snapshot = await ctx.areas.get();
    const timeZone = snapshot.settings?.timeZone ?? 'UTC';
    const at = new Date(event.occurredAt);
    const recipients = (
      await recipientsOf(ctx.db, snapshot, body, {
        kind: event.payload.audience,
        areaId: event.payload.areaId,
      })
    ).filter((id) => id !== post.author_id);
    await this.calmPush(body.id, recipients, at, timeZone);
  }

  /**
   * Something of `bodyId` reached these members at `at`: each gets a push now, later (coalesced
   * with the body's other news) or the bell only, by the calm rules (`onPost`).
   */
  async calmPush(
    bodyId: string,
    memberIds: readonly string[],
    at: Date,
    timeZone?: string,
  ): Promise<void> {
    if (memberIds.length === 0) return;
    const zone = timeZone ?? (await this.ctx.areas.get()).settings?.timeZone ?? 'UTC';
    const pushNow = await this.#step(memberIds, zone, at, (state, quiet) => {
      const step = onPost(state, bodyId, at.getTime(), quiet);
      return { state: step.state, push: step.decision.action === 'push' };
    });
    await this.notifier.push(pushNow, 'posts', at);
  }

  /** Held posts whose time has come go out, one push per member. */
  async flushHeld(now: Date): Promise<void> {
    const members = await dueFlushes(this.ctx.db, now);
    if (members.length === 0) return;
    const timeZone = (await this.ctx.areas.get()).settings?.timeZone ?? 'UTC';
    const pushNow = await this.#step(members, timeZone, now, (state, quiet) => {
      const flushed = flushHeld(state, now.getTime(), quiet);
      return { state: flushed.state, push: flushed.bodyIds.length > 0 };
    });
    await this.notifier.push(pushNow, 'posts', now);
  }

  /** Moves each member's push state by one rule, in one transaction; returns whom to push. */
  async #step(
    memberIds: readonly string[],
    timeZone: string,
    at: Date,
    rule: (state: PushState, quiet: boolean) => { state: PushState; push: boolean },
  ): Promise<string[]> {
    if (memberIds.length === 0) return [];
    return transact(this.ctx, async (tx) => {
      const pushNow: string[] = [];
      const rows: { member_id: string; state: string; next_flush_at: Date | null }[] = [];
      for (let i = 0; i < memberIds.length; i += 1_000) {
        const chunk = memberIds.slice(i, i + 1_000);
        const states = new Map(
          (await lockPushStates(tx, chunk)).map((r) => [r.member_id, parseState(r.state)]),
        );
        const quiet = new Map((await quietHoursOf(tx, chunk)).map((r) => [r.member_id, r]));
        for (const memberId of chunk) {
          const hours: QuietHours | null = quietOf(quiet.get(memberId));
          const step = rule(
            states.get(memberId) ?? EMPTY_PUSH_STATE,
            inQuietHours(at, timeZone, hours),
          );
          if (step.push) pushNow.push(memberId);
          const next = nextFlushAt(step.state);
          rows.push({
            member_id: memberId,
            state: JSON.stringify(step.state),
            next_flush_at: next === null ? null : new Date(Math.max(next, at.getTime())),
          });
        }
      }
      await savePushStates(tx, rows);
      return pushNow;
    });
  }

  /** Each member's digest at their time (default 19:00 city time): one push when it says something. */
  async digests(now: Date): Promise<void> {
    const { ctx } = this;
    const timeZone = (await ctx.areas.get()).settings?.timeZone ?? 'UTC';
    const { members, roles } = await digestCandidates(ctx.db);
    const rolesOf = new Map<string, Principal['roles']>();
    for (const r of roles) {
      const list = rolesOf.get(r.member_id) ?? [];
      list.push({ areaId: r.area_id, role: r.role });
      rolesOf.set(r.member_id, list);
    }
    const pushNow: string[] = [];
    for (const m of members) {
      const time = m.digest_time ?? DEFAULT_DIGEST_TIME;
      const day = digestDueDay(now, timeZone, time, m.last_digest_day);
      if (!day) continue;
      const principal: Principal = {
        memberId: m.id,
        status: m.status,
        sponsorId: m.sponsor_id,
        roles: rolesOf.get(m.id) ?? [],
      };
      const digest = await digestFor(ctx, principal, day, m.language);
      if (!digest.empty) pushNow.push(m.id);
      await markDigestSent(ctx.db, m.id, day, {
        digest_time: time,
        quiet_start: m.digest_time ? m.quiet_start : DEFAULT_QUIET_HOURS.start,
        quiet_end: m.digest_time ? m.quiet_end : DEFAULT_QUIET_HOURS.end,
      });
    }
    await this.notifier.push(pushNow, 'digest', now);
  }
}
