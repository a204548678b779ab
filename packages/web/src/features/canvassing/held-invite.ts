import type { LocalStore } from '../../lib/local-store';
import { endpoints } from '../../lib/api';

/**
 * An invite made while online and kept on the phone, so that a door that wants to join gets its
 * QR code at once even where there is no network. One at a time: it is single-use, lasts the
 * canvassing day, and the panic wipe deletes it with the rest of the app's storage.
 */
export interface HeldInvite {
  code: string;
  url: string;
  expiresAt: string;
}

const KEY = 'door-invite';
/** A held invite lasts the canvassing day, like the invites made for doors on the server. */
const HOURS = 24;
/** Not shown in its last hour: the person at the door needs time to join with it. */
const MARGIN_MS = 3_600_000;

/** Whether a held invite can still be given at a door at `now`. */
export function usableAt(invite: HeldInvite | undefined, now: number): invite is HeldInvite {
  return invite !== undefined && Date.parse(invite.expiresAt) - MARGIN_MS > now;
}

/** Makes sure one usable invite is held (online only; a refusal, e.g. the quota, is thrown). */
export async function keepHeldInvite(store: LocalStore, now = Date.now()): Promise<void> {
  if (usableAt(await store.getMeta<HeldInvite>(KEY), now)) return;
  const made = await endpoints.createInvite({ uses: 1, expiresInHours: HOURS, label: 'door' });
  await store.setMeta(KEY, { code: made.code, url: made.url, expiresAt: made.expiresAt });
}

/** Takes the held invite for a door (it is then gone from the phone), or null when none is usable. */
export async function takeHeldInvite(
  store: LocalStore,
  now = Date.now(),
): Promise<HeldInvite | null> {
  const held = await store.getMeta<HeldInvite>(KEY);
  if (!usableAt(held, now)) return null;
  await store.deleteMeta(KEY);
  return held;
}
