import { randomUUID } from 'node:crypto';
import { transact } from '../../../src/platform/context';
import { insertDeviceKey } from '../../../src/membership/account/device-auth.repository';
import { createDeviceChallenge } from '../../../src/membership/account/device-auth.service';
import { issueRecoveryCodes } from '../../../src/membership/account/enrollment.service';
import { deviceKey } from '../../helpers/identity';
import { buildInvite, freshSession, newMember } from '../targets';
import { everyMember, everyone, type MatrixEntry } from '../types';

/**
 * Device-key enrollment, login and recovery are public (an invite, a signature or a recovery code
 * is the credential); a session on the request changes nothing. Logout needs a session.
 */
export const entries: MatrixEntry[] = [
  {
    method: 'POST',
    url: '/api/v1/auth/device/register',
    request: async (world) => ({
      url: '/api/v1/auth/device/register',
      payload: { invite: (await buildInvite(world)).code, publicKey: deviceKey().publicKey },
    }),
    expect: everyone(201),
  },
  {
    method: 'POST',
    url: '/api/v1/auth/device/challenge',
    request: () =>
      Promise.resolve({
        url: '/api/v1/auth/device/challenge',
        payload: { publicKey: deviceKey().publicKey },
      }),
    expect: everyone(200),
  },
  {
    method: 'POST',
    url: '/api/v1/auth/device/login',
    request: async (world) => {
      const member = await newMember(world);
      const key = deviceKey();
      await insertDeviceKey(world.ctx.db, {
        id: randomUUID(),
        memberId: member.id,
        publicKey: key.publicKey,
        now: world.ctx.clock.now(),
      });
      const challenge = await createDeviceChallenge(world.ctx, key.publicKey);
      return {
        url: '/api/v1/auth/device/login',
        payload: { publicKey: key.publicKey, challenge, signature: key.sign(challenge) },
      };
    },
    expect: everyone(200),
  },
  {
    method: 'POST',
    url: '/api/v1/auth/recover',
    request: async (world) => {
      const member = await newMember(world);
      const [code] = await transact(world.ctx, (tx) =>
        issueRecoveryCodes(world.ctx, tx, member.id),
      );
      return { url: '/api/v1/auth/recover', payload: { handle: member.handle, code } };
    },
    expect: everyone(200),
  },
  {
    method: 'POST',
    url: '/api/v1/auth/logout',
    // A second session, so the persona's own stays open for the other cases.
    request: async (world, persona) => ({
      url: '/api/v1/auth/logout',
      headers: await freshSession(world, persona),
    }),
    expect: everyMember(204),
  },
];
