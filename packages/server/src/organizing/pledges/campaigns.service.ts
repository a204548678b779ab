import { randomUUID } from 'node:crypto';
import {
  applyPledge,
  cellCenter,
  DEFAULT_COUNT_STEP,
  DEFAULT_PUBLISH_MINUTES,
  publicationSlot,
  sectorSeries,
  shownPercent,
  shownPublished,
  steppedValue,
  type CampaignHistory,
  type CampaignSummary,
  type CampaignView,
  type MyPledge,
  type NewDomainEvent,
  type Principal,
} from '@tocsin/core';
import {
  AppError,
  ConflictError,
  enqueueEvents,
  ForbiddenError,
  NotFoundError,
  transact,
  type AppContext,
  type Executor,
} from '../../platform';
import {
  canOrganize,
  canSeeArea,
  keyedHash,
  requireOrganizer,
  type AreaSnapshot,
} from '../../membership';
import {
  campaignWorkplaces,
  closeCampaignRow,
  deletePledge,
  findCampaign,
  findPledge,
  hasPublication,
  insertCampaign,
  insertPledge,
  insertPublication,
  isTriggered,
  latestPublication,
  listCampaigns,
  lockCampaign,
  lockWorkplaceTally,
  publicationsOf,
  setCampaignCounters,
  setWorkplaceTally,
  type CampaignRow,
} from './campaigns.repository';
import { bodyIdOfArea, minCountOf, type Body } from './workplaces.service';
import { bodyIdOf, confirmedWorkplaceOf, findProfile, profilesOf } from './workplaces.repository';

/**
 * A pledge's stored form: an HMAC of (campaign, member) under the server key, which is kept
 * outside the database. The server can tell whether a member it is asked about pledged; a copy of
 * the database alone cannot link a tag to anyone, nor two tags of one member (ADR 0014).
 */
export function pledgeTag(ctx: AppContext, campaignId: string, memberId: string): string {
  return keyedHash(ctx.secrets.serverKey, 'pledge', `${campaignId}:${memberId}`);
}

interface CountSettings {
  k: number;
  step: number;
  minutes: number;
}

function countSettings(snapshot: AreaSnapshot): CountSettings {
  const pledges = snapshot.settings?.pledges;
  return {
    k: minCountOf(snapshot),
    step: pledges?.step ?? DEFAULT_COUNT_STEP,
    minutes: pledges?.publishMinutes ?? DEFAULT_PUBLISH_MINUTES,
  };
}

interface CampaignAccess {
  campaign: CampaignRow;
  snapshot: AreaSnapshot;
  canManage: boolean;
}

/** The council's campaigns are every member's; a workplace body's, its members' and organizers'. */
async function campaignAccess(
  ctx: AppContext,
  principal: Principal,
  campaign: CampaignRow | undefined,
): Promise<CampaignAccess> {
  const snapshot = await ctx.areas.get();
  if (!campaign) throw new NotFoundError('No such campaign');
  if (campaign.workplace_id === null) {
    const cityChain = snapshot.city ? [snapshot.city.id] : [];
    return { campaign, snapshot, canManage: canOrganize(principal, cityChain) };
  }
  const chain = snapshot.chain(campaign.workplace_id);
  if (chain.length === 0 || !canSeeArea(principal, 'workplace', chain)) {
    throw new NotFoundError('No such campaign');
  }
  return { campaign, snapshot, canManage: canOrganize(principal, chain) };
}

/**
 * Publishes the campaign's counts for the current slot unless that is done: stepped values of the
 * counters as they stood when the slot began. Every pledge calls this before it changes a counter,
 * so whoever comes first in a slot (a reader or a pledger) publishes the same numbers.
 */
async function ensurePublication(
  db: Executor,
  campaign: CampaignRow,
  settings: CountSettings,
  now: Date,
): Promise<void> {
  const slot = publicationSlot(now, settings.minutes);
  if (await hasPublication(db, campaign.id, slot)) return;
  const rows = await campaignWorkplaces(db, campaign.id);
  const workplaces: Record<string, number> = {};
  for (const row of rows)
    workplaces[row.workplace_id] = steppedValue(row.pledgers, settings.k, settings.step);
  await insertPublication(db, {
    campaign_id: campaign.id,
    slot,
    published_at: now,
    pledgers: steppedValue(campaign.pledgers, settings.k, settings.step),
    workplaces,
  });
}

async function present(
  ctx: AppContext,
  principal: Principal,
  access: CampaignAccess,
): Promise<CampaignView> {
  const { campaign, snapshot, canManage } = access;
  const settings = countSettings(snapshot);
  await ensurePublication(ctx.db, campaign, settings, ctx.clock.now());
  const publication = await latestPublication(ctx.db, campaign.id);
  const published = (publication?.workplaces ?? {}) as Record<string, number>;
  const tallies = new Map(
    (await campaignWorkplaces(ctx.db, campaign.id)).map((r) => [r.workplace_id, r]),
  );
  const shown = snapshot.all.filter(
    (area) =>
      area.kind === 'workplace' &&
      (campaign.workplace_id === null || area.id === campaign.workplace_id) &&
      canSeeArea(principal, 'workplace', snapshot.chain(area.id)),
  );
  const profiles = new Map(
    (
      await profilesOf(
        ctx.db,
        shown.map((a) => a.id),
      )
    ).map((p) => [p.area_id, p]),
  );
  return {
    id: campaign.id,
    title: campaign.title,
    action: campaign.action,
    bodyId: campaign.body_id,
    workplaceId: campaign.workplace_id,
    state: campaign.state,
    conditions: {
      workplace: {
        ...(campaign.workplace_percent !== null ? { percent: campaign.workplace_percent } : {}),
        ...(campaign.workplace_count !== null ? { count: campaign.workplace_count } : {}),
      },
      city: {
        ...(campaign.city_workplaces !== null ? { workplaces: campaign.city_workplaces } : {}),
        ...(campaign.city_pledgers !== null ? { pledgers: campaign.city_pledgers } : {}),
      },
    },
    totals: {
      pledgers: shownPublished(publication?.pledgers ?? 0, settings.k),
      workplacesTriggered: campaign.workplaces_triggered,
    },
    workplaces: shown
      .map((area) => {
        const profile = profiles.get(area.id);
        const value = published[area.id] ?? 0;
        const percent = shownPercent(value, profile?.headcount_estimate ?? area.headcount);
        return {
          id: area.id,
          name: area.name,
          sector: profile?.sector ?? area.sector,
          location: profile?.cell ? cellCenter(profile.cell) : null,
          pledgers: shownPublished(value, settings.k),
          ...(percent !== undefined ? { percent } : {}),
          triggered: tallies.get(area.id)?.triggered ?? false,
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name)),
    publishedAt: (publication?.published_at ?? campaign.created_at).toISOString(),
    onAt: campaign.on_at?.toISOString() ?? null,
    createdAt: campaign.created_at.toISOString(),
    canManage,
  };
}

export async function getCampaign(ctx: AppContext, principal: Principal, id: string) {
  const access = await campaignAccess(ctx, principal, await findCampaign(ctx.db, id));
  return present(ctx, principal, access);
}

export async function campaignsFor(
  ctx: AppContext,
  principal: Principal,
): Promise<CampaignSummary[]> {
  const out: CampaignSummary[] = [];
  for (const campaign of await listCampaigns(ctx.db)) {
    let access: CampaignAccess;
    try {
      access = await campaignAccess(ctx, principal, campaign);
    } catch {
      continue;
    }
    const settings = countSettings(access.snapshot);
    await ensurePublication(ctx.db, campaign, settings, ctx.clock.now());
    const publication = await latestPublication(ctx.db, campaign.id);
    out.push({
      id: campaign.id,
      title: campaign.title,
      state: campaign.state,
      workplaceId: campaign.workplace_id,
      totals: {
        pledgers: shownPublished(publication?.pledgers ?? 0, settings.k),
        workplacesTriggered: campaign.workplaces_triggered,
      },
      createdAt: campaign.created_at.toISOString(),
    });
  }
  return out;
}

/** The council (a city organizer, for now) or a workplace's organizer starts a campaign. */
export async function createCampaign(
  ctx: AppContext,
  principal: Principal,
  input: Body<'POST /api/v1/campaigns'>,
): Promise<{ view: CampaignView; created: boolean }> {
  const snapshot = await ctx.areas.get();
  const now = ctx.clock.now();
  let bodyId: string | null;
  if (input.workplaceId !== undefined) {
    const area = snapshot.byId.get(input.workplaceId);
    const chain = snapshot.chain(input.workplaceId);
    if (!area || area.kind !== 'workplace' || !canSeeArea(principal, 'workplace', chain)) {
      throw new NotFoundError('No such workplace');
    }
    requireOrganizer(principal, chain, 'start a campaign for this workplace');
    bodyId = await bodyIdOfArea(ctx, ctx.db, input.workplaceId);
  } else {
    requireOrganizer(
      principal,
      snapshot.city ? [snapshot.city.id] : [],
      'start a citywide campaign',
    );
    bodyId = await bodyIdOf(ctx.db, { council: true });
  }
  if (bodyId === null) throw new AppError(409, 'no_body', 'This workplace has no body yet');
  const id = input.id ?? randomUUID();
  const city = input.city ?? { workplaces: 1 };
  const created = await transact(ctx, async (tx) => {
    const inserted = await insertCampaign(tx, {
      id,
      body_id: bodyId,
      workplace_id: input.workplaceId ?? null,
      title: input.title,
      action: input.action,
      workplace_percent: input.workplace.percent ?? null,
      workplace_count: input.workplace.count ?? null,
      city_workplaces: city.workplaces ?? null,
      city_pledgers: city.pledgers ?? null,
      created_by: principal.memberId,
      created_at: now,
    });
    if (inserted) {
      await enqueueEvents(
        ctx,
        tx,
        [
          {
            name: 'campaign.created',
            payload: { campaignId: id, bodyId, workplaceId: input.workplaceId ?? null },
          },
        ],
        now,
      );
    }
    return inserted;
  });
  const campaign = await findCampaign(ctx.db, id);
  if (!created && (campaign?.created_by !== principal.memberId || campaign.title !== input.title)) {
    throw new ConflictError('id_taken', 'This id is already in use');
  }
  const access = await campaignAccess(ctx, principal, campaign);
  return { view: await present(ctx, principal, access), created };
}

export async function closeCampaign(ctx: AppContext, principal: Principal, id: string) {
  const access = await campaignAccess(ctx, principal, await findCampaign(ctx.db, id));
  if (!access.canManage || principal.status !== 'active') {
    throw new ForbiddenError('Only the organizers who run this campaign can close it');
  }
  await closeCampaignRow(ctx.db, id, ctx.clock.now());
  return getCampaign(ctx, principal, id);
}

async function myPledgeIn(
  ctx: AppContext,
  db: Executor,
  campaign: CampaignRow,
  memberId: string,
): Promise<MyPledge> {
  const pledge = await findPledge(db, campaign.id, pledgeTag(ctx, campaign.id, memberId));
  let triggered = false;
  if (pledge) {
    triggered = await isTriggered(db, campaign.id, pledge.workplace_id);
  }
  return {
    campaignId: campaign.id,
    pledged: pledge !== undefined,
    state: campaign.state,
    canWithdraw: pledge !== undefined && campaign.state === 'open' && !triggered,
  };
}

/** Only the caller's own pledge, only to the caller. */
export async function getMyPledge(ctx: AppContext, principal: Principal, id: string) {
  const { campaign } = await campaignAccess(ctx, principal, await findCampaign(ctx.db, id));
  return myPledgeIn(ctx, ctx.db, campaign, principal.memberId);
}

function refusal(reason: 'campaign_not_open' | 'pledge_binding'): AppError {
  return reason === 'pledge_binding'
    ? new ConflictError('pledge_binding', 'Your workplace has triggered: your pledge binds now')
    : new ConflictError('campaign_not_open', 'This campaign takes no more pledge changes');
}

/**
 * Pledges (delta 1) or withdraws (delta -1) the caller. O(1): one tag row, one workplace counter
 * and the campaign's counters, under the campaign's lock. A repeat changes nothing.
 */
export async function changePledge(
  ctx: AppContext,
  principal: Principal,
  id: string,
  delta: 1 | -1,
): Promise<MyPledge> {
  const access = await campaignAccess(ctx, principal, await findCampaign(ctx.db, id));
  const settings = countSettings(access.snapshot);
  const me = principal.memberId;
  let workplaceId: string | null = null;
  if (delta === 1) {
    workplaceId = await confirmedWorkplaceOf(ctx.db, me);
    const inScope =
      workplaceId !== null &&
      (access.campaign.workplace_id === null || access.campaign.workplace_id === workplaceId);
    if (!inScope || principal.status === 'suspended') {
      throw new AppError(
        403,
        'not_confirmed',
        'Only members confirmed in a workplace of this campaign can pledge',
      );
    }
  }
  const tag = pledgeTag(ctx, id, me);
  return transact(ctx, async (tx) => {
    const campaign = await lockCampaign(tx, id);
    if (!campaign) throw new NotFoundError('No such campaign');
    const now = ctx.clock.now();
    const existing = await findPledge(tx, id, tag);
    // Pledging twice, or withdrawing what is not there, changes nothing.
    if ((delta === 1) === (existing !== undefined)) return myPledgeIn(ctx, tx, campaign, me);
    const target = delta === 1 ? (workplaceId as string) : (existing?.workplace_id as string);
    await ensurePublication(tx, campaign, settings, now);
    const tally = await lockWorkplaceTally(tx, id, target);
    const area = access.snapshot.byId.get(target);
    const headcount =
      (await findProfile(tx, target))?.headcount_estimate ?? area?.headcount ?? null;
    const step = applyPledge(
      {
        state: campaign.state,
        pledgers: campaign.pledgers,
        workplacesTriggered: campaign.workplaces_triggered,
      },
      tally,
      delta,
      {
        workplace: {
          percent: campaign.workplace_percent ?? undefined,
          count: campaign.workplace_count ?? undefined,
        },
        city: {
          workplaces: campaign.city_workplaces ?? undefined,
          pledgers: campaign.city_pledgers ?? undefined,
        },
      },
      headcount,
    );
    if (typeof step === 'string') throw refusal(step);
    if (delta === 1) await insertPledge(tx, id, tag, target);
    else await deletePledge(tx, id, tag);
    await setWorkplaceTally(tx, id, target, step.workplace);
    await setCampaignCounters(tx, id, {
      pledgers: step.campaign.pledgers,
      workplaces_triggered: step.campaign.workplacesTriggered,
      state: step.campaign.state === 'on' ? 'on' : 'open',
      ...(step.campaignOn ? { on_at: now } : {}),
    });
    const events: NewDomainEvent[] = [];
    if (step.workplaceTriggered) {
      events.push({
        name: 'campaign.workplace_triggered',
        payload: { campaignId: id, workplaceId: target },
      });
    }
    if (step.campaignOn) events.push({ name: 'campaign.triggered', payload: { campaignId: id } });
    await enqueueEvents(ctx, tx, events, now);
    const after = { ...campaign, state: step.campaign.state };
    return myPledgeIn(ctx, tx, after, me);
  });
}

/** Pledges over time per sector, from what was published (stepped, k-anonymous). */
export async function campaignHistory(
  ctx: AppContext,
  principal: Principal,
  id: string,
): Promise<CampaignHistory> {
  const access = await campaignAccess(ctx, principal, await findCampaign(ctx.db, id));
  const settings = countSettings(access.snapshot);
  await ensurePublication(ctx.db, access.campaign, settings, ctx.clock.now());
  const publications = await publicationsOf(ctx.db, id);
  const ids = new Set<string>();
  for (const p of publications) for (const w of Object.keys(p.workplaces as object)) ids.add(w);
  const profiles = new Map((await profilesOf(ctx.db, [...ids])).map((p) => [p.area_id, p]));
  const sectors = sectorSeries(
    publications.map((p) => ({
      at: p.published_at,
      workplaces: p.workplaces as Record<string, number>,
    })),
    (w) => profiles.get(w)?.sector ?? access.snapshot.byId.get(w)?.sector ?? null,
    settings.k,
  );
  return { sectors };
}
