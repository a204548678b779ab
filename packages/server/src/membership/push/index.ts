// Public surface of membership/push: other modules import from here, never from its files.
export {
  claimPushes,
  pushCandidateRows,
  recordOutcomes,
  subscriptionsOf,
  toldLog,
} from './push.repository';
