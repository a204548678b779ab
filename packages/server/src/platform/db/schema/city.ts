import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json = ColumnType<unknown, string, string>;

/** The one city (or metro) this deployment serves; its settings are the city pack's. */
export interface CityTable {
  id: Generated<number>;
  slug: string;
  settings: Json;
  updated_at: Timestamp;
}

export type AreaKind = 'city' | 'neighborhood' | 'workplace';

export interface AreasTable {
  id: string;
  slug: string;
  name: string;
  kind: AreaKind;
  parent_id: string | null;
  sector: string | null;
  headcount: number | null;
  geometry: ColumnType<unknown, string | null, string | null>;
  created_at: Timestamp;
  archived_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface AreaCellsTable {
  cell: string;
  area_id: string;
}
