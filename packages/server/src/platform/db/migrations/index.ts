import type { Migration } from 'kysely';
import * as m20261127030000 from './20261127030000_outbox';
import * as m20261127040000 from './20261127040000_identity';
import * as m20261127050000 from './20261127050000_rapid_response';
import * as m20261127070000 from './20261127070000_push';
import * as m20261127080000 from './20261127080000_delivery_batches';
import * as m20261205080000 from './20261205080000_outbox_event_version';
import * as m20261205120000 from './20261205120000_trust_auth';
import * as m20261205130000 from './20261205130000_two_person_rules';
import * as m20261205140000 from './20261205140000_plate_hashes';
import * as m20261205150000 from './20261205150000_assemblies';
import * as m20261205160000 from './20261205160000_elections';
import * as m20261205165000 from './20261205165000_assemblies_fixes';
import * as m20261205170000 from './20261205170000_workplaces_pledges';
import * as m20261205180000 from './20261205180000_bulletin_events';
import * as m20261205190000 from './20261205190000_canvass_mutual_aid';
import * as m20261205210000 from './20261205210000_recovery_lockout_in_memory';
import * as m20261206110000 from './20261206110000_council';
import * as m20261206140000 from './20261206140000_secret_votes';
import * as m20261206180000 from './20261206180000_activity_codes';

/** Every migration, by timestamped name. Never edit one after it has landed; add a new one. */
export const migrations: Record<string, Migration> = {
  '20261127030000_outbox': m20261127030000,
  '20261127040000_identity': m20261127040000,
  '20261127050000_rapid_response': m20261127050000,
  '20261127070000_push': m20261127070000,
  '20261127080000_delivery_batches': m20261127080000,
  '20261205080000_outbox_event_version': m20261205080000,
  '20261205120000_trust_auth': m20261205120000,
  '20261205130000_two_person_rules': m20261205130000,
  '20261205140000_plate_hashes': m20261205140000,
  '20261205150000_assemblies': m20261205150000,
  '20261205160000_elections': m20261205160000,
  '20261205165000_assemblies_fixes': m20261205165000,
  '20261205170000_workplaces_pledges': m20261205170000,
  '20261205180000_bulletin_events': m20261205180000,
  '20261205190000_canvass_mutual_aid': m20261205190000,
  '20261205210000_recovery_lockout_in_memory': m20261205210000,
  '20261206110000_council': m20261206110000,
  '20261206140000_secret_votes': m20261206140000,
  '20261206180000_activity_codes': m20261206180000,
};
