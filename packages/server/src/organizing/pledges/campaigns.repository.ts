import { sql } from 'kysely';
import type { Executor, Tx } from '../../platform';

// Every query of campaigns, their counters, pledges (keyed tags) and publications.

export type CampaignRow = NonNullable<Awaited<ReturnType<typeof findCampaign>>>;

export function findCampaign(db: Executor, id: string) {
  return db.selectFrom('campaigns').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Locks the campaign's row: its pledges are counted one at a time (O(1) each). */
export function lockCampaign(tx: Tx, id: string) {
  return tx.selectFrom('campaigns').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function listCampaigns(db: Executor) {
  return db.selectFrom('campaigns').selectAll().orderBy('created_at', 'desc').limit(200).execute();
}

export async function insertCampaign(
  db: Executor,
  row: {
    id: string;
    body_id: string;
    workplace_id: string | null;
    title: string;
    action: string;
    workplace_percent: number | null;
    workplace_count: number | null;
    city_workplaces: number | null;
    city_pledgers: number | null;
    created_by: string;
    created_at: Date;
  },
): Promise<boolean> {
  const result = await db
    .insertInto('campaigns')
    .values({ ...row, state: 'open' })
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export async function setCampaignCounters(
  tx: Tx,
  id: string,
  change: { pledgers: number; workplaces_triggered: number; state: 'open' | 'on'; on_at?: Date },
): Promise<void> {
  await tx.updateTable('campaigns').set(change).where('id', '=', id).execute();
}

export async function closeCampaignRow(db: Executor, id: string, now: Date): Promise<void> {
  await db
    .updateTable('campaigns')
    .set({ state: 'closed', closed_at: now })
    .where('id', '=', id)
    .where('state', '!=', 'closed')
    .execute();
}

export function campaignWorkplaces(db: Executor, campaignId: string) {
  return db
    .selectFrom('campaign_workplaces')
    .select(['workplace_id', 'pledgers', 'triggered'])
    .where('campaign_id', '=', campaignId)
    .execute();
}

/** The workplace's counter in the campaign, created at 0 and locked. */
export async function lockWorkplaceTally(tx: Tx, campaignId: string, workplaceId: string) {
  await tx
    .insertInto('campaign_workplaces')
    .values({ campaign_id: campaignId, workplace_id: workplaceId, pledgers: 0 })
    .onConflict((oc) => oc.columns(['campaign_id', 'workplace_id']).doNothing())
    .execute();
  return tx
    .selectFrom('campaign_workplaces')
    .select(['pledgers', 'triggered'])
    .where('campaign_id', '=', campaignId)
    .where('workplace_id', '=', workplaceId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

export async function setWorkplaceTally(
  tx: Tx,
  campaignId: string,
  workplaceId: string,
  tally: { pledgers: number; triggered: boolean },
): Promise<void> {
  await tx
    .updateTable('campaign_workplaces')
    .set(tally)
    .where('campaign_id', '=', campaignId)
    .where('workplace_id', '=', workplaceId)
    .execute();
}

export function findPledge(db: Executor, campaignId: string, tag: string) {
  return db
    .selectFrom('campaign_pledges')
    .select('workplace_id')
    .where('campaign_id', '=', campaignId)
    .where('tag', '=', tag)
    .executeTakeFirst();
}

export async function insertPledge(
  tx: Tx,
  campaignId: string,
  tag: string,
  workplaceId: string,
): Promise<boolean> {
  const result = await tx
    .insertInto('campaign_pledges')
    .values({ campaign_id: campaignId, tag, workplace_id: workplaceId })
    .onConflict((oc) => oc.columns(['campaign_id', 'tag']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export async function deletePledge(tx: Tx, campaignId: string, tag: string): Promise<boolean> {
  const result = await tx
    .deleteFrom('campaign_pledges')
    .where('campaign_id', '=', campaignId)
    .where('tag', '=', tag)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Every tag of a campaign, for the moment of delivery only ("campaign on"). */
export async function tagsOf(db: Executor, campaignId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('campaign_pledges')
    .select('tag')
    .where('campaign_id', '=', campaignId)
    .execute();
  return new Set(rows.map((r) => r.tag));
}

export function latestPublication(db: Executor, campaignId: string) {
  return db
    .selectFrom('campaign_publications')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .orderBy('slot', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function publicationsOf(db: Executor, campaignId: string) {
  return db
    .selectFrom('campaign_publications')
    .select(['published_at', 'workplaces'])
    .where('campaign_id', '=', campaignId)
    .orderBy('slot')
    .limit(24 * 90)
    .execute();
}

export async function hasPublication(db: Executor, campaignId: string, slot: number) {
  const row = await db
    .selectFrom('campaign_publications')
    .select('slot')
    .where('campaign_id', '=', campaignId)
    .where('slot', '=', String(slot))
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertPublication(
  db: Executor,
  row: {
    campaign_id: string;
    slot: number;
    published_at: Date;
    pledgers: number;
    workplaces: Record<string, number>;
  },
): Promise<void> {
  await db
    .insertInto('campaign_publications')
    .values({ ...row, workplaces: JSON.stringify(row.workplaces) })
    .onConflict((oc) => oc.columns(['campaign_id', 'slot']).doNothing())
    .execute();
}

/** Members with a push subscription, the candidates a "campaign on" push is matched against. */
export async function membersWithPush(db: Executor): Promise<string[]> {
  const rows = await db
    .selectFrom('push_subscriptions')
    .select(sql<string>`distinct member_id`.as('member_id'))
    .execute();
  return rows.map((r) => r.member_id);
}

export async function isTriggered(
  db: Executor,
  campaignId: string,
  workplaceId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('campaign_workplaces')
    .select('triggered')
    .where('campaign_id', '=', campaignId)
    .where('workplace_id', '=', workplaceId)
    .executeTakeFirst();
  return row?.triggered ?? false;
}
