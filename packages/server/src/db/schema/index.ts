import type {
  AuthChallengesTable,
  DeviceKeysTable,
  PasskeysTable,
  RecoveryCodesTable,
  SessionsTable,
} from './auth';
import type { AreaCellsTable, AreasTable, CityTable } from './city';
import type {
  AreaRolesTable,
  AuditLogTable,
  InvitesTable,
  MembersTable,
  VouchesTable,
  WorkingGroupMembersTable,
  WorkingGroupsTable,
} from './members';
import type { OutboxTable } from './outbox';

/** Every table Tocsin has; each lives in a file under schema/. */
export interface Database {
  outbox: OutboxTable;
  city: CityTable;
  areas: AreasTable;
  area_cells: AreaCellsTable;
  members: MembersTable;
  area_roles: AreaRolesTable;
  invites: InvitesTable;
  vouches: VouchesTable;
  working_groups: WorkingGroupsTable;
  working_group_members: WorkingGroupMembersTable;
  audit_log: AuditLogTable;
  sessions: SessionsTable;
  device_keys: DeviceKeysTable;
  auth_challenges: AuthChallengesTable;
  passkeys: PasskeysTable;
  recovery_codes: RecoveryCodesTable;
}
