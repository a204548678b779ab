import { randomUUID } from 'node:crypto';
import { insertDeviceKey } from '../../../src/membership/account/device-auth.repository';
import { openSession } from '../../../src/membership/auth/sessions.service';
import { deviceKey } from '../../helpers/identity';
import { memberIdOf, newMember, standIn } from '../targets';
import { everyMember, type MatrixEntry, type World } from '../types';

/** A second open session of a member, to end. */
async function extraSession(world: World, memberId: string): Promise<string> {
  return (await openSession(world.ctx, world.ctx.db, memberId, 'device_key')).sessionId;
}

/** A device key of a member, to revoke. */
async function extraDeviceKey(world: World, memberId: string): Promise<string> {
  const id = randomUUID();
  await insertDeviceKey(world.ctx.db, {
    id,
    memberId,
    publicKey: deviceKey().publicKey,
    now: world.ctx.clock.now(),
  });
  return id;
}

/** The caller's own account: every signed-in member, on their own records only. */
export const entries: MatrixEntry[] = [
  {
    method: 'GET',
    url: '/api/v1/me',
    request: () => Promise.resolve({ url: '/api/v1/me' }),
    expect: everyMember(200),
  },
  {
    method: 'PATCH',
    url: '/api/v1/me',
    request: () => Promise.resolve({ url: '/api/v1/me', payload: { language: 'es' } }),
    expect: everyMember(200),
  },
  {
    method: 'GET',
    url: '/api/v1/me/sessions',
    request: () => Promise.resolve({ url: '/api/v1/me/sessions' }),
    expect: everyMember(200),
  },
  {
    method: 'DELETE',
    url: '/api/v1/me/sessions/:sessionId',
    case: 'own other session',
    request: async (world, persona) => ({
      url: `/api/v1/me/sessions/${await extraSession(world, await memberIdOf(world, persona))}`,
    }),
    expect: everyMember(204),
  },
  {
    method: 'DELETE',
    url: '/api/v1/me/sessions/:sessionId',
    case: "another member's session",
    request: async (world) => ({
      url: `/api/v1/me/sessions/${await extraSession(world, (await newMember(world)).id)}`,
    }),
    expect: everyMember(404),
  },
  {
    method: 'POST',
    url: '/api/v1/me/sessions/revoke-all',
    // Ends every session of the caller: a stand-in for the persona takes the hit.
    request: async (world, persona) => ({
      url: '/api/v1/me/sessions/revoke-all',
      headers: (await standIn(world, persona)).headers,
    }),
    expect: everyMember(204),
  },
  {
    method: 'GET',
    url: '/api/v1/me/devices',
    request: () => Promise.resolve({ url: '/api/v1/me/devices' }),
    expect: everyMember(200),
  },
  {
    method: 'DELETE',
    url: '/api/v1/me/devices/:id',
    case: 'own device key',
    request: async (world, persona) => ({
      url: `/api/v1/me/devices/${await extraDeviceKey(world, await memberIdOf(world, persona))}`,
    }),
    expect: everyMember(204),
  },
  {
    method: 'DELETE',
    url: '/api/v1/me/devices/:id',
    case: "another member's device key",
    request: async (world) => ({
      url: `/api/v1/me/devices/${await extraDeviceKey(world, (await newMember(world)).id)}`,
    }),
    expect: everyMember(404),
  },
  {
    method: 'POST',
    url: '/api/v1/me/device-keys',
    request: () =>
      Promise.resolve({
        url: '/api/v1/me/device-keys',
        payload: { publicKey: deviceKey().publicKey },
      }),
    expect: everyMember(201),
  },
  {
    method: 'POST',
    url: '/api/v1/me/recovery-codes',
    request: () => Promise.resolve({ url: '/api/v1/me/recovery-codes' }),
    expect: everyMember(201),
  },
];
