// Public surface of organizing/elections: other modules import from here, never from its files.
export { electionsRoutes } from './elections.routes';
export { startElectionSweeper, sweepElections } from './elections.scheduler';
export type { ElectionSweeper } from './elections.scheduler';
export { countClosedElections } from './elections.service';
export { remindEndingTerms } from './recall.service';
