import { cellCenter, type HomeFeedView, type Principal } from '@tocsin/core';
import type { AppContext } from '../../platform';
import { preferencesOf, presentPreferences } from '../alerts';
import { listIncidents } from '../incidents';

/**
 * What the home screen shows a member: their alert settings and the incidents in the areas and
 * around the places those name, each once. One request instead of a settings
 * request and then one per area and place, so that index.html can start it before the script
 * runs (`packages/web/public/early-requests.js`).
 */
export async function homeFeed(ctx: AppContext, principal: Principal): Promise<HomeFeedView> {
  const prefs = await preferencesOf(ctx, principal);
  const lists = await Promise.all([
    ...prefs.areaIds.map((areaId) => listIncidents(ctx, principal, { areaId })),
    ...prefs.placeCells.map((cell) =>
      listIncidents(ctx, principal, { ...cellCenter(cell), radius: prefs.radiusMeters }),
    ),
  ]);
  const incidents = new Map(lists.flat().map((incident) => [incident.id, incident]));
  return {
    preferences: presentPreferences(prefs),
    incidents: [...incidents.values()],
  };
}
