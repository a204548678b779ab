import type { GroupMemberView, GroupView } from '@tocsin/core';

export function presentGroup(row: {
  id: string;
  slug: string;
  name: string;
  is_default: boolean;
  member_count: string | number | bigint;
  joined: string | number | bigint;
}): GroupView {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    isDefault: row.is_default,
    memberCount: Number(row.member_count),
    joined: Number(row.joined) > 0,
  };
}

export function presentGroupMember(row: {
  id: string;
  handle: string;
  display_name: string | null;
}): GroupMemberView {
  return { id: row.id, handle: row.handle, displayName: row.display_name };
}
