import type { Role } from '@tocsin/core';
import type { MemberStatus } from '../../platform';

export interface MeView {
  id: string;
  handle: string;
  displayName: string | null;
  status: MemberStatus;
  sponsorId: string | null;
  language: string | null;
  roles: { areaId: string; role: Role }[];
}

export function presentMe(
  member: {
    id: string;
    handle: string;
    display_name: string | null;
    status: MemberStatus;
    sponsor_id: string | null;
    language: string | null;
  },
  roles: { area_id: string; role: Role }[],
): MeView {
  return {
    id: member.id,
    handle: member.handle,
    displayName: member.display_name,
    status: member.status,
    sponsorId: member.sponsor_id,
    language: member.language,
    roles: roles.map((r) => ({ areaId: r.area_id, role: r.role })),
  };
}

export interface AreaMemberView {
  id: string;
  handle: string;
  displayName: string | null;
  status: MemberStatus;
  roles: Role[];
}

/** Groups one row per role into one entry per member. */
export function presentAreaMembers(
  rows: {
    id: string;
    handle: string;
    display_name: string | null;
    status: MemberStatus;
    role: Role;
  }[],
): AreaMemberView[] {
  const byId = new Map<string, AreaMemberView>();
  for (const row of rows) {
    let entry = byId.get(row.id);
    if (!entry) {
      entry = {
        id: row.id,
        handle: row.handle,
        displayName: row.display_name,
        status: row.status,
        roles: [],
      };
      byId.set(row.id, entry);
    }
    entry.roles.push(row.role);
  }
  for (const entry of byId.values()) entry.roles.sort();
  return [...byId.values()];
}
