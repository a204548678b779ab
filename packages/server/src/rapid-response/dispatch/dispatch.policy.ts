import type { Principal } from '@tocsin/core';
import type { DispatchState } from '../../platform';

export type DispatchResponse = 'accept' | 'decline' | 'on_scene' | 'clear';

/** Which answer moves a dispatch from which states to which. */
export const NEXT_STATE: Record<DispatchResponse, { from: DispatchState[]; to: DispatchState }> = {
  accept: { from: ['offered'], to: 'accepted' },
  decline: { from: ['offered'], to: 'declined' },
  on_scene: { from: ['accepted'], to: 'on_scene' },
  clear: { from: ['accepted', 'on_scene'], to: 'clear' },
};

/** A dispatch is answered only by the responder it was offered to; to anyone else it does not exist. */
export function ownsDispatch(principal: Principal, dispatch: { member_id: string }): boolean {
  return dispatch.member_id === principal.memberId;
}
