// When a strike pledge campaign's conditions are met. Pure; evaluated per pledge in O(1).

/** A workplace is triggered when at least `percent` of its headcount, or `count` people, pledged. */
export interface WorkplaceCondition {
  percent?: number | undefined;
  count?: number | undefined;
}

/** The campaign is on when at least `workplaces` are triggered, or `pledgers` people pledged. */
export interface CityCondition {
  workplaces?: number | undefined;
  pledgers?: number | undefined;
}

export const CAMPAIGN_STATES = ['open', 'on', 'closed'] as const;
export type CampaignState = (typeof CAMPAIGN_STATES)[number];

/** Whether a workplace with `pledgers` pledges and this estimated headcount meets the condition. */
export function workplaceMet(
  pledgers: number,
  headcount: number | null,
  condition: WorkplaceCondition,
): boolean {
  if (condition.count !== undefined && pledgers >= condition.count) return true;
  if (condition.percent !== undefined && headcount !== null && headcount > 0) {
    return pledgers * 100 >= condition.percent * headcount;
  }
  return false;
}

/** Whether the citywide condition is met. */
export function cityMet(
  totals: { pledgers: number; workplacesTriggered: number },
  condition: CityCondition,
): boolean {
  if (condition.workplaces !== undefined && totals.workplacesTriggered >= condition.workplaces) {
    return true;
  }
  return condition.pledgers !== undefined && totals.pledgers >= condition.pledgers;
}

/** One workplace's counter in a campaign. */
export interface WorkplaceTally {
  pledgers: number;
  /** Once triggered a workplace stays triggered: its pledges bind. */
  triggered: boolean;
}

/** The campaign's counters. */
export interface CampaignTally {
  state: CampaignState;
  pledgers: number;
  workplacesTriggered: number;
}

export type PledgeRefusal = 'campaign_not_open' | 'pledge_binding';

/** What one pledge (+1) or withdrawal (-1) does to the counters: O(1), no list of pledges. */
export interface PledgeStep {
  workplace: WorkplaceTally;
  campaign: CampaignTally;
  /** The workplace became triggered with this pledge. */
  workplaceTriggered: boolean;
  /** The campaign went on with this pledge. */
  campaignOn: boolean;
}

/**
 * Applies one pledge or withdrawal. A withdrawal is refused once the pledger's workplace has
 * triggered (the pledge binds) and anything is refused unless the campaign is open.
 */
export function applyPledge(
  campaign: CampaignTally,
  workplace: WorkplaceTally,
  delta: 1 | -1,
  conditions: { workplace: WorkplaceCondition; city: CityCondition },
  headcount: number | null,
): PledgeStep | PledgeRefusal {
  if (campaign.state !== 'open') return 'campaign_not_open';
  if (delta === -1 && workplace.triggered) return 'pledge_binding';
  const pledgers = Math.max(0, workplace.pledgers + delta);
  const workplaceTriggered =
    !workplace.triggered && delta === 1 && workplaceMet(pledgers, headcount, conditions.workplace);
  const nextWorkplace = { pledgers, triggered: workplace.triggered || workplaceTriggered };
  const totals = {
    pledgers: Math.max(0, campaign.pledgers + delta),
    workplacesTriggered: campaign.workplacesTriggered + (workplaceTriggered ? 1 : 0),
  };
  const campaignOn = cityMet(totals, conditions.city);
  return {
    workplace: nextWorkplace,
    campaign: { state: campaignOn ? 'on' : 'open', ...totals },
    workplaceTriggered,
    campaignOn,
  };
}
