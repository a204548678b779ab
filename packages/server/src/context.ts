import { attachAreas } from './membership/areas/area-directory';
import {
  createContext as createPlatformContext,
  type AppContext,
  type ContextOptions,
} from './platform/context';
import { offerDispatches, standDownDispatches } from './rapid-response/dispatch';
import type { IncidentHooks } from './rapid-response/incidents';
import { onIncidentConfirmed } from './rapid-response/plates';

/**
 * What happens around an incident's moves, in its transaction: dispatch offers a new incident
 * and stands down an ended one, plates re-evaluate a confirmed one's sightings. Incidents calls
 * this port and names neither module (they build on incidents).
 */
export const incidentHooks: IncidentHooks = {
  opened: (ctx, tx, incident, exclude) => offerDispatches(ctx, tx, incident, 1, exclude),
  ended: standDownDispatches,
  confirmed: onIncidentConfirmed,
};

/** Builds the application context: the platform's part, then what the groups attach to it. */
export async function createContext(options: ContextOptions): Promise<AppContext> {
  return createPlatformContext(options, async (platform) => ({
    ...(await attachAreas(platform)),
    incidentHooks,
  }));
}
