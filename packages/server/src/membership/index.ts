// Public surface of membership: other modules import from here, never from its files.
export {
  canOrganize,
  canSeeArea,
  createWorkplace,
  grantAreaRole,
  requireOrganizer,
  visibleArea,
} from './areas';
export type { AreaSnapshot } from './areas';
export { authFailureTotals, baseUrlOf, keyedHash, principalOf } from './auth';
export { createInvite } from './invites';
export { claimPushes, pushCandidateRows, recordOutcomes, subscriptionsOf, toldLog } from './push';
