import type { Role } from '@tocsin/core';
import {
  createBootstrapInvite,
  createOperatorInvite,
} from '../../server/src/membership/invites/invites.service';
import { generateVapidKeys } from '../../server/src/platform/push/vapid-keys';
import type { Clock } from '../../server/src/platform/clock';
import type { RunningServer } from '../../server/src/server';
import { ApiClient } from './api-client';
import type { Phone } from './phone';
import { startTestServer } from './server';

/** Points in the Minneapolis demo pack. */
export const POWDERHORN = { latitude: 44.9475, longitude: -93.2555 };
export const POWDERHORN_100M = { latitude: 44.9484, longitude: -93.2555 };

/**
 * A running server with the Minneapolis demo pack, a first admin and two active sponsors who
 * share no sponsor with each other's invitees: members invited by `sponsors[0]` and `[1]` are
 * independent reporters, so two of their reports corroborate an incident.
 */
export interface World {
  server: RunningServer;
  /** The app's origin with `localhost` (passkeys and __Host- cookies need a host name). */
  url: string;
  admin: ApiClient;
  sponsors: [ApiClient, ApiClient];
  areas: { cityId: string; powderhornId: string };
  close(): Promise<void>;
}

export async function startWorld(
  options: { push?: boolean; rateLimitPerMinute?: number; clock?: Clock } = {},
): Promise<World> {
  const server = await startTestServer({
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.push ? { vapid: generateVapidKeys() } : {}),
    ...(options.rateLimitPerMinute ? { rateLimitPerMinute: options.rateLimitPerMinute } : {}),
  });
  try {
    const url = server.url.replace('127.0.0.1', 'localhost');
    const bootstrap = await createBootstrapInvite(server.ctx, url);
    const { client: admin } = await ApiClient.join(server.url, bootstrap.code);
    const areas = await admin.ok<{ id: string; slug: string; kind: string }[]>('GET', '/areas');
    const cityId = areas.find((a) => a.kind === 'city')?.id;
    const powderhornId = areas.find((a) => a.slug === 'powderhorn-park')?.id;
    if (!cityId || !powderhornId) throw new Error('the demo city pack is not loaded');
    const sponsor = async () => {
      const joined = await ApiClient.join(server.url, await admin.invite());
      await admin.ok('POST', `/members/${joined.id}/approve`, {});
      return joined.client;
    };
    return {
      server,
      url,
      admin,
      sponsors: [await sponsor(), await sponsor()],
      areas: { cityId, powderhornId },
      close: () => server.close(),
    };
  } catch (error) {
    await server.close();
    throw error;
  }
}

/**
 * A member `sponsor` invites, approved at once by the admin: off probation, so their reports
 * count toward corroboration. Reports through the API stand for a neighbor's own phone.
 */
export async function approvedMember(world: World, sponsor: ApiClient): Promise<ApiClient> {
  const { client, id } = await ApiClient.join(world.server.url, await sponsor.invite());
  await world.admin.ok('POST', `/members/${id}/approve`, {});
  return client;
}

/** Approves the member signed in on `phone` (an organizer's approval ends probation). */
export async function approve(world: World, phone: Phone): Promise<void> {
  await world.admin.ok('POST', `/members/${(await phone.me()).id}/approve`);
}

/**
 * An invite into Powderhorn Park for `role` from the operator's console (no sponsor). Members'
 * invites never carry verifier, dispatcher, organizer or admin: those wait for a countersign.
 */
export async function roleInvite(world: World, role: string): Promise<string> {
  const invite = await createOperatorInvite(
    world.server.ctx,
    { role: role as Role, areaId: world.areas.powderhornId },
    world.url,
  );
  return invite.code;
}

/** An active Powderhorn verifier signed in through the API, independent of everyone. */
export async function apiVerifier(world: World): Promise<ApiClient> {
  const joined = await ApiClient.join(world.server.url, await roleInvite(world, 'verifier'));
  await world.admin.ok('POST', `/members/${joined.id}/approve`);
  return joined.client;
}

/**
 * A first confirmation by another, independent verifier through the API: an incident is
 * confirmed only once two independent people have confirmed it.
 */
export async function confirmedByAnother(world: World, incidentId: string): Promise<void> {
  const other = await apiVerifier(world);
  await other.ok('POST', `/incidents/${incidentId}/verification`, { outcome: 'confirmed' });
}

/** Joins the phone to Powderhorn Park with an operator's invite for `role`, approved at once. */
export async function joinApproved(world: World, phone: Phone, role: string): Promise<void> {
  const code = await roleInvite(world, role);
  await phone.join.joinWith(code, 'Powderhorn Park');
  await approve(world, phone);
}
