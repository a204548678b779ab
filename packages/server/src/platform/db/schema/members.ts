import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type MaybeTimestamp = ColumnType<
  Date | null,
  Date | string | null | undefined,
  Date | string | null
>;

export type MemberStatus = 'probation' | 'active' | 'suspended';
export type Role = 'member' | 'responder' | 'verifier' | 'dispatcher' | 'organizer' | 'admin';

/** A pseudonymous member: a random handle, a status and who vouched them in. Nothing else. */
export interface MembersTable {
  id: string;
  handle: string;
  display_name: string | null;
  status: MemberStatus;
  sponsor_id: string | null;
  language: string | null;
  created_at: Timestamp;
  activated_at: MaybeTimestamp;
  suspended_at: MaybeTimestamp;
}

export interface AreaRolesTable {
  member_id: string;
  area_id: string;
  role: Role;
  granted_by: string | null;
  granted_at: Timestamp;
}

/** A role change waiting for, or decided by, a second person. */
export interface RoleGrantsTable {
  id: string;
  member_id: string;
  area_id: string;
  role: Role;
  kind: 'grant' | 'revoke';
  requested_by: string | null;
  requested_at: Timestamp;
  expires_at: Timestamp;
  status: 'pending' | 'countersigned' | 'refused' | 'withdrawn';
  decided_by: string | null;
  decided_via: 'member' | 'operator' | null;
  decided_at: MaybeTimestamp;
}

export interface InvitesTable {
  id: string;
  code_hash: string;
  sponsor_id: string | null;
  area_id: string | null;
  role: Role | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: MaybeTimestamp;
  used_by: string | null;
  revoked_at: MaybeTimestamp;
  /** 1 for a single-use invite; up to 1,000 for a meeting invite. */
  max_uses: ColumnType<number, number | undefined, number>;
  use_count: ColumnType<number, number | undefined, number>;
  label: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface VouchesTable {
  member_id: string;
  voucher_id: string;
  kind: 'vouch' | 'approval';
  created_at: Timestamp;
}

export interface WorkingGroupsTable {
  id: string;
  area_id: string;
  slug: string;
  name: string;
  is_default: boolean;
  created_by: string | null;
  created_at: Timestamp;
}

export interface WorkingGroupMembersTable {
  group_id: string;
  member_id: string;
  joined_at: Timestamp;
}

export interface AuditLogTable {
  id: Generated<string>;
  at: Timestamp;
  actor_id: string | null;
  action: string;
  area_id: string | null;
  target_id: string | null;
  details: ColumnType<unknown, string | null, string | null>;
}
