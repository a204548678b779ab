// Public surface of rapid-response/plates: other modules import from here, never from its files.
export { hashPlates } from './plate-hash';
export {
  expirePlates,
  onIncidentConfirmed,
  recordPlateSightings,
  rehashClearPlates,
} from './plates.service';
