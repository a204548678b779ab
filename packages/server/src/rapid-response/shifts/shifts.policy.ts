import type { Principal } from '@tocsin/core';

export type ShiftDecision =
  { ok: true } | { ok: false; code: 'responders_only' | 'probation'; message: string };

/** Only responders take shifts, and members on probation cannot go on shift (SECURITY 9). */
export function canTakeShift(principal: Principal, goingOn: boolean): ShiftDecision {
  if (!principal.roles.some((r) => r.role === 'responder' || r.role === 'admin')) {
    return { ok: false, code: 'responders_only', message: 'Only responders take shifts' };
  }
  if (principal.status !== 'active' && goingOn) {
    return { ok: false, code: 'probation', message: 'Members on probation cannot take shifts yet' };
  }
  return { ok: true };
}
