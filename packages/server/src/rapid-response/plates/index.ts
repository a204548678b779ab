// Public surface of rapid-response/plates: other modules import from here, never from its files.
export { expirePlates, onIncidentConfirmed, recordPlateSightings } from './plates.service';
