import type { CampaignMessage } from '@tocsin/core';
import {
  sendAll,
  type AppContext,
  type Connection,
  type DomainEvent,
  type Logger,
  type PushSettings,
  type StreamHandler,
  type Subscription as BusSubscription,
} from '../../platform';
import { subscriptionsOf, recordOutcomes } from '../../membership';
import { findCampaign, membersWithPush, tagsOf } from './campaigns.repository';
import { pledgeTag } from './campaigns.service';

/**
 * Who of these members pledged: each one's tag is computed and looked up in the campaign's tag
 * set. Nothing is stored; the matches live in memory for the one delivery (ADR 0014).
 */
export function matchPledgers(
  ctx: AppContext,
  campaignId: string,
  tags: ReadonlySet<string>,
  memberIds: Iterable<string>,
): string[] {
  const matched: string[] = [];
  for (const memberId of memberIds) {
    if (tags.has(pledgeTag(ctx, campaignId, memberId))) matched.push(memberId);
  }
  return matched;
}

async function noticeOf(ctx: AppContext, campaignId: string): Promise<CampaignMessage | null> {
  const campaign = await findCampaign(ctx.db, campaignId);
  if (!campaign || campaign.state === 'open') return null;
  return {
    type: 'campaign',
    id: campaign.id,
    state: 'on',
    title: campaign.title,
    action: campaign.action,
  };
}

/**
 * The `campaign` topic of the stream: when a campaign goes on, each node matches its own connected
 * members against the campaign's tags and sends the notice to the pledgers' sockets only.
 */
export class CampaignStream implements StreamHandler<unknown, 'campaign.triggered'> {
  readonly name = 'campaign';
  readonly events = ['campaign.triggered'] as const;
  readonly #byMember = new Map<string, Set<Connection>>();

  constructor(private readonly ctx: AppContext) {}

  open(conn: Connection) {
    return {
      attach: () => {
        let set = this.#byMember.get(conn.memberId);
        if (!set) this.#byMember.set(conn.memberId, (set = new Set()));
        set.add(conn);
      },
      detach: () => {
        const set = this.#byMember.get(conn.memberId);
        set?.delete(conn);
        if (set?.size === 0) this.#byMember.delete(conn.memberId);
      },
    };
  }

  async onEvent(event: DomainEvent<'campaign.triggered'>): Promise<void> {
    await this.deliver(event.payload.campaignId);
  }

  /** Sends the notice to this node's connected pledgers; returns how many members got it. */
  async deliver(campaignId: string): Promise<number> {
    if (this.#byMember.size === 0) return 0;
    const notice = await noticeOf(this.ctx, campaignId);
    if (!notice) return 0;
    const tags = await tagsOf(this.ctx.db, campaignId);
    const data = JSON.stringify(notice);
    const matched = matchPledgers(this.ctx, campaignId, tags, this.#byMember.keys());
    for (const memberId of matched) {
      for (const conn of this.#byMember.get(memberId) ?? [])
        conn.send(`campaign:${campaignId}`, data);
    }
    return matched.length;
  }
}

export const CAMPAIGN_PUSH_CONSUMER = 'campaign-push';
const PUSH_DEFAULTS = { ttlSeconds: 7 * 86_400, timeoutMs: 10_000, concurrency: 16 };

/**
 * Pushes (content-free, like alerts) every pledger with a push subscription when a campaign goes
 * on, once for the cluster: the members with subscriptions are matched against the tags.
 */
export class CampaignPusher {
  readonly #logger: Logger;
  readonly #abort = new AbortController();
  #subscription: BusSubscription | null = null;

  constructor(
    private readonly ctx: AppContext,
    private readonly settings: Pick<PushSettings, 'vapid' | 'subject' | 'transport'>,
  ) {
    this.#logger = ctx.logger.child({ sub: 'campaign-push' });
  }

  async start(): Promise<void> {
    this.#subscription = await this.ctx.bus.subscribe({
      consumer: CAMPAIGN_PUSH_CONSUMER,
      types: ['campaign.triggered'],
      handler: async (event) => {
        await this.deliver(event.payload.campaignId);
      },
    });
  }

  async stop(): Promise<void> {
    this.#abort.abort();
    await this.#subscription?.close();
    this.#subscription = null;
  }

  async deliver(campaignId: string): Promise<{ recipients: number; sent: number }> {
    const { ctx } = this;
    if (!(await noticeOf(ctx, campaignId))) return { recipients: 0, sent: 0 };
    const tags = await tagsOf(ctx.db, campaignId);
    const matched = matchPledgers(ctx, campaignId, tags, await membersWithPush(ctx.db));
    const targets = await subscriptionsOf(ctx.db, matched);
    const outcomes = await sendAll(
      targets,
      { ...PUSH_DEFAULTS, ...this.settings },
      this.#abort.signal,
    );
    const byOutcome = { sent: [] as string[], gone: [] as string[], failed: [] as string[] };
    for (const [id, outcome] of outcomes) byOutcome[outcome].push(id);
    await recordOutcomes(ctx.db, byOutcome, ctx.clock.now());
    // Counts only.
    this.#logger.info(
      { recipients: matched.length, sent: byOutcome.sent.length },
      'campaign pushed',
    );
    return { recipients: matched.length, sent: byOutcome.sent.length };
  }
}
