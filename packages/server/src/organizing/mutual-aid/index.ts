// Public surface of organizing/mutual-aid: other modules import from here, never from its files.
export { mutualAidRoutes } from './mutual-aid.routes';
export { openAidRequestIn } from './mutual-aid.service';
export type { NewAidRequest } from './mutual-aid.service';
export { sweepMutualAid } from './mutual-aid.retention';
export type { AidSweep } from './mutual-aid.retention';
