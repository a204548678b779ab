import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type MaybeTimestamp = ColumnType<
  Date | null,
  Date | string | null | undefined,
  Date | string | null
>;
type Json = ColumnType<unknown, string, string>;

/** A workplace's profile (the area holds its name and place in the tree). */
export interface WorkplacesTable {
  area_id: string;
  employer: string | null;
  sector: string | null;
  place: string | null;
  cell: string | null;
  headcount_estimate: number | null;
  headcount_as_of: string | null;
  union_status: string | null;
  updated_at: Timestamp;
}

export interface WorkplaceUnitsTable {
  id: string;
  workplace_id: string;
  kind: 'department' | 'shift';
  name: string;
  headcount: number | null;
  created_at: Timestamp;
}

export interface WorkplaceMembersTable {
  member_id: string;
  workplace_id: string;
  unit_id: string | null;
  declared_at: Timestamp;
  confirmed_at: MaybeTimestamp;
}

export interface CampaignsTable {
  id: string;
  body_id: string;
  workplace_id: string | null;
  title: string;
  action: string;
  workplace_percent: number | null;
  workplace_count: number | null;
  city_workplaces: number | null;
  city_pledgers: number | null;
  state: 'open' | 'on' | 'closed';
  pledgers: Generated<number>;
  workplaces_triggered: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
  on_at: MaybeTimestamp;
  closed_at: MaybeTimestamp;
}

export interface CampaignWorkplacesTable {
  campaign_id: string;
  workplace_id: string;
  pledgers: number;
  triggered: Generated<boolean>;
}

/** A pledge: a keyed tag of (campaign, member), never the member. */
export interface CampaignPledgesTable {
  campaign_id: string;
  tag: string;
  workplace_id: string;
}

export interface CampaignPublicationsTable {
  campaign_id: string;
  slot: ColumnType<string, string | number, string | number>;
  published_at: Timestamp;
  pledgers: number;
  workplaces: Json;
}
