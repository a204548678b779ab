import { DEFAULT_CITY_PACK } from '../../src/platform/config/config';
import type { AppContext } from '../../src/platform/context';
import { loadCityPack } from '../../src/membership/city/city.service';

/** Points in the real Minneapolis demo pack. */
export const POWDERHORN = { lat: 44.9475, lng: -93.2555 };
/** About 100 m north of POWDERHORN. */
export const POWDERHORN_100M = { lat: 44.9484, lng: -93.2555 };
/** About 5 km north of POWDERHORN. */
export const FIVE_KM_AWAY = { lat: 44.9925, lng: -93.2555 };

/** Loads the Minneapolis demo pack and returns the ids of the city and Powderhorn Park. */
export async function loadMinneapolis(
  ctx: AppContext,
): Promise<{ cityId: string; powderhornId: string }> {
  await loadCityPack(ctx, DEFAULT_CITY_PACK);
  const areas = await ctx.areas.get();
  const powderhorn = areas.all.find((a) => a.slug === 'powderhorn-park');
  if (!areas.city || !powderhorn) throw new Error('demo pack did not load');
  return { cityId: areas.city.id, powderhornId: powderhorn.id };
}
