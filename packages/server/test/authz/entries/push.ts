import { createECDH, randomBytes, randomUUID } from 'node:crypto';
import { newMember, standIn } from '../targets';
import { everyMember, everyone, type MatrixEntry, type World } from '../types';

/** Keys as a browser's PushSubscription.toJSON() gives them. */
function browserKeys() {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  return {
    p256dh: ecdh.getPublicKey().toString('base64url'),
    auth: randomBytes(16).toString('base64url'),
  };
}

/**
 * A made-up endpoint at a host the server never sends to (a push to it is refused and the row
 * dropped), for rows written straight to the database.
 */
const unsendable = () => `https://push.matrix.invalid/${randomUUID()}`;

async function insertSubscription(world: World, memberId: string, endpoint: string) {
  await world.ctx.db
    .insertInto('push_subscriptions')
    .values({
      id: randomUUID(),
      member_id: memberId,
      endpoint,
      ...browserKeys(),
      created_at: world.ctx.clock.now(),
    })
    .execute();
}

/** The server's public key (public), and a member's own browser subscriptions. */
export const entries: MatrixEntry[] = [
  {
    method: 'GET',
    url: '/api/v1/push/key',
    request: () => Promise.resolve({ url: '/api/v1/push/key' }),
    expect: everyone(200),
  },
  {
    method: 'POST',
    url: '/api/v1/me/push-subscriptions',
    // The endpoint must be at a real push service; the stand-in follows no area and no place, so
    // no alert of another case is ever pushed to it (no test talks to Google).
    request: async (world, persona) => {
      const { headers, member } = await standIn(world, persona);
      if (member) {
        await world.ctx.db
          .insertInto('alert_preferences')
          .values({
            member_id: member.id,
            area_ids: '[]',
            place_cells: '[]',
            radius_meters: 300,
            min_level: 'confirmed',
            updated_at: world.ctx.clock.now(),
          })
          .execute();
      }
      return {
        url: '/api/v1/me/push-subscriptions',
        headers,
        payload: {
          endpoint: `https://fcm.googleapis.com/fcm/send/matrix-${randomUUID()}`,
          keys: browserKeys(),
        },
      };
    },
    expect: everyMember(201),
  },
  {
    method: 'DELETE',
    url: '/api/v1/me/push-subscriptions',
    case: 'own subscription',
    request: async (world, persona) => {
      const { headers, member } = await standIn(world, persona);
      const endpoint = unsendable();
      if (member) await insertSubscription(world, member.id, endpoint);
      return { url: '/api/v1/me/push-subscriptions', headers, payload: { endpoint } };
    },
    expect: everyMember(204),
  },
  {
    method: 'DELETE',
    url: '/api/v1/me/push-subscriptions',
    // Answers like an unknown endpoint and leaves the other member's row (test/push.test.ts).
    case: "another member's subscription",
    request: async (world) => {
      const endpoint = unsendable();
      await insertSubscription(world, (await newMember(world)).id, endpoint);
      return { url: '/api/v1/me/push-subscriptions', payload: { endpoint } };
    },
    expect: everyMember(204),
  },
];
