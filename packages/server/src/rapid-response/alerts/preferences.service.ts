import {
  cellCenter,
  COARSE_RES,
  MAX_PLACES,
  type AlertPreferencesView,
  type Principal,
} from '@tocsin/core';
import { latLngToCell } from 'h3-js';
import {
  AppError,
  ValidationError,
  enqueueEvents,
  transact,
  type AppContext,
} from '../../platform';
import { canSeeArea, type AreaSnapshot } from '../../membership';
import { findPreferences, savePreferences, type AlertPreferences } from './preferences.repository';

/** A member's alert preferences; until they choose, the neighborhoods they belong to. */
export async function preferencesOf(
  ctx: AppContext,
  principal: Principal,
): Promise<AlertPreferences> {
  const saved = await findPreferences(ctx.db, principal.memberId);
  return saved ?? defaultPreferences(principal, await ctx.areas.get());
}

/** What a member who never chose gets: alerts from the neighborhoods they belong to. */
export function defaultPreferences(principal: Principal, areas: AreaSnapshot): AlertPreferences {
  const neighborhoods = principal.roles
    .map((r) => areas.byId.get(r.areaId))
    .filter((a) => a?.kind === 'neighborhood')
    .map((a) => a!.id);
  return {
    areaIds: [...new Set(neighborhoods)],
    placeCells: [],
    radiusMeters: areas.settings?.defaultAlertRadiusMeters ?? 1000,
    minLevel: 'unconfirmed',
  };
}

export function presentPreferences(prefs: AlertPreferences): AlertPreferencesView {
  return {
    areaIds: prefs.areaIds,
    // Places come back as the centers of their coarse cells: that is all the server kept.
    places: prefs.placeCells.map((cell) => ({ cell, ...cellCenter(cell) })),
    radiusMeters: prefs.radiusMeters,
    minLevel: prefs.minLevel,
  };
}

/** Saves where a member wants alerts from; places are reduced to coarse cells before storage. */
export async function setPreferences(
  ctx: AppContext,
  principal: Principal,
  input: {
    areaIds: string[];
    places: { lat: number; lng: number }[];
    radiusMeters: number;
    minLevel: 'unconfirmed' | 'confirmed';
  },
): Promise<AlertPreferences> {
  const areas = await ctx.areas.get();
  input.areaIds.forEach((id, i) => {
    const area = areas.byId.get(id);
    if (!area || !canSeeArea(principal, area.kind, areas.chain(id))) {
      throw new ValidationError(`areaIds.${i}: no such area`, [
        { path: `areaIds.${i}`, message: 'no such area' },
      ]);
    }
  });
  if (input.places.length > MAX_PLACES) {
    throw new AppError(400, 'validation_failed', `places: at most ${MAX_PLACES}`);
  }
  const prefs: AlertPreferences = {
    areaIds: [...new Set(input.areaIds)],
    placeCells: [...new Set(input.places.map((p) => latLngToCell(p.lat, p.lng, COARSE_RES)))],
    radiusMeters: input.radiusMeters,
    minLevel: input.minLevel,
  };
  await transact(ctx, async (tx) => {
    const now = ctx.clock.now();
    await savePreferences(tx, principal.memberId, prefs, now);
    await enqueueEvents(
      ctx,
      tx,
      [
        {
          name: 'member.updated',
          payload: { memberId: principal.memberId, change: 'alert_preferences' },
        },
      ],
      now,
    );
  });
  return prefs;
}
