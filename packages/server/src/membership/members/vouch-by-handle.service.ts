import type { Principal } from '@tocsin/core';
import { AppError, NotFoundError, type AppContext } from '../../platform';
import { findMemberByHandle } from './members.repository';
import { vouchFor } from './members.service';

/**
 * Vouching in person: the voucher's app scans the QR code on the other member's phone (or the
 * handle under it is typed in) and vouches for that handle, by the same rule as vouchFor (an
 * active member other than the sponsor ends a probation). A member who joined with a meeting
 * invite has the organizer as sponsor, so someone else from the meeting must vouch.
 */
export async function vouchForHandle(
  ctx: AppContext,
  principal: Principal,
  handle: string,
): Promise<'probation' | 'active' | 'suspended'> {
  if (principal.status !== 'active') {
    throw new AppError(403, 'probation', 'Members on probation cannot vouch yet');
  }
  const member = await findMemberByHandle(ctx.db, handle.trim().toLowerCase());
  if (!member) throw new NotFoundError('No such member');
  return vouchFor(ctx, principal, member.id);
}
