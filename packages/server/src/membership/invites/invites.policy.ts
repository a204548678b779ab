import { COUNTERSIGNED_ROLES, hasRoleIn, isAdmin, type Principal, type Role } from '@tocsin/core';

const DAY_MS = 86_400_000;
export const INVITE_TTL_MS = 7 * DAY_MS;
export const QUOTA_WINDOW_MS = 7 * DAY_MS;

/** Invites per rolling 7 days: organizers and admins bring in whole committees. */
export function inviteQuota(principal: Principal): number {
  if (isAdmin(principal)) return 200;
  if (principal.roles.some((grant) => grant.role === 'organizer')) return 50;
  return 5;
}

export type InviteDecision =
  { ok: true } | { ok: false; status: 403 | 404; code: string; message: string };

/**
 * Who may invite: active members; an invite several people can use (a meeting invite): an
 * organizer (of the area, when bound to one). Binding an invite to an area (as member or
 * responder) is an organizer's act in that area; verifier, dispatcher, organizer and admin are
 * never invited into.
 */
export function canCreateInvite(
  principal: Principal,
  target: { areaChain: string[] | null; role: Role | null; uses?: number },
): InviteDecision {
  if (principal.status !== 'active') {
    return {
      ok: false,
      status: 403,
      code: 'probation',
      message: 'Members on probation cannot invite yet',
    };
  }
  // A role that needs a countersign never comes with an invite from a member: the inviter is
  // the sponsor, who may neither ask for nor countersign it (the operator's console still can).
  if (target.role && (COUNTERSIGNED_ROLES as readonly Role[]).includes(target.role)) {
    return {
      ok: false,
      status: 403,
      code: 'countersign_required',
      message:
        'Invite them as a member or responder; another organizer asks for the role and a second one countersigns',
    };
  }
  const meeting = (target.uses ?? 1) > 1;
  if (meeting) {
    const organizes = target.areaChain
      ? hasRoleIn(principal, target.areaChain, 'organizer')
      : isAdmin(principal) || principal.roles.some((grant) => grant.role === 'organizer');
    if (!organizes) {
      return {
        ok: false,
        status: 403,
        code: 'organizer_only',
        message: 'Only organizers can make an invite for several people',
      };
    }
  }
  if (target.areaChain) {
    if (!hasRoleIn(principal, target.areaChain, 'organizer')) {
      return {
        ok: false,
        status: 403,
        code: 'organizer_only',
        message: 'Only an organizer of the area can bind an invite to it',
      };
    }
  }
  return { ok: true };
}
