// Public surface of organizing/canvassing: other modules import from here, never from its files.
export { canvassingRoutes } from './canvassing.routes';
export { sweepCanvassing } from './canvassing.retention';
export {
  ORGANIZING_SWEEP_INTERVAL_MS,
  runOrganizingSweep,
  startOrganizingSweeper,
} from './organizing-sweep';
export type { OrganizingSweep, OrganizingSweeper } from './organizing-sweep';
