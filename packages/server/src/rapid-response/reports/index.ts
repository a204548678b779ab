// Public surface of rapid-response/reports: other modules import from here, never from its files.
export { actingRole } from './reports.policy';
export { displayPlate } from './reports.service';
