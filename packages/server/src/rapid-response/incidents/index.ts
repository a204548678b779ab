// Public surface of rapid-response/incidents: other modules import from here, never from its files.
export { toIncident } from './incident-mapper';
export type { IncidentRow } from './incident-mapper';
export { cityDay, recordTransition } from './incident-writer';
export type { AlertCreated, AlertIncident } from './incident-writer';
export { insertIncident, intakeReport } from './incidents.intake';
export type { IncidentHooks } from './incident-hooks';
export { actingRole, isAreaStaff } from './incidents.policy';
export { displayPlate, presentIncident } from './incidents.presenter';
export {
  addReporter,
  findIncident,
  lockIncident,
  confirmersOf,
  reportersOf,
} from './incidents.repository';
export { listIncidents } from './incidents.service';
