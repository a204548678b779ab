import fc from 'fast-check';
import { latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import {
  COARSE_RES,
  ROLES,
  SubscriptionIndex,
  type AlertKind,
  type Audience,
  type MemberStatus,
  type Principal,
} from '@tocsin/core';
import type { WebSocket } from 'ws';
import { Connection } from '../src/platform/realtime/connection';
import { forEachLiveRecipient } from '../src/rapid-response/alerts/stream/live-recipients';
import { AlertSubscriber } from '../src/rapid-response/alerts/stream/subscriber';
import { pushRecipients, type PushCandidate } from '../src/rapid-response/alerts/push.targeting';
import type { AlertPreferences } from '../src/rapid-response/alerts/preferences.repository';

// Random populations (statuses, role grants per area, shifts, followed areas, places, radii,
// levels), alerts of every kind and audience, and delivery logs: the stream's live fan-out
// (sockets in a SubscriptionIndex, settled per chain) and web push (saved preferences) must pick
// the same members, since both are core's one rule. Live locations are left out: only a socket
// has one, so there the two paths rightly differ.
const AREAS = ['a0', 'a1', 'a2', 'a3', 'a4'].map(
  (n) => `00000000-0000-4000-8000-0000000000${n.slice(1).padStart(2, '0')}`,
);
const ALERT_KINDS_FOR_TESTS: readonly AlertKind[] = [
  'reported',
  'unconfirmed',
  'confirmed',
  'retraction',
  'all_clear',
  'update',
];
const AUDIENCES_FOR_TESTS: readonly Audience[] = ['staff', 'unconfirmed', 'everyone', 'delivered'];
const BOX = { south: 44.89, north: 45.05, west: -93.33, east: -93.19 };

const point = fc.record({
  lat: fc.double({ min: BOX.south, max: BOX.north, noNaN: true }),
  lng: fc.double({ min: BOX.west, max: BOX.east, noNaN: true }),
});
const statuses: MemberStatus[] = ['active', 'probation', 'suspended'];
const member = fc.record({
  status: fc.constantFrom(...statuses),
  roles: fc.array(
    fc.record({ areaId: fc.constantFrom(...AREAS), role: fc.constantFrom(...ROLES) }),
    {
      maxLength: 3,
    },
  ),
  onShift: fc.boolean(),
  areaIds: fc.subarray(AREAS),
  places: fc.array(point, { maxLength: 2 }),
  radiusMeters: fc.integer({ min: 100, max: 5_000 }),
  minLevel: fc.constantFrom<AlertPreferences['minLevel']>('unconfirmed', 'confirmed'),
  sockets: fc.integer({ min: 1, max: 2 }),
  told: fc.subarray<AlertKind>([...ALERT_KINDS_FOR_TESTS]),
});
const scenario = fc.record({
  members: fc.array(member, { maxLength: 40 }),
  alert: fc.record({
    kind: fc.constantFrom(...ALERT_KINDS_FOR_TESTS),
    audience: fc.constantFrom<Audience>(...AUDIENCES_FOR_TESTS),
    location: point,
  }),
  chain: fc.subarray(AREAS, { maxLength: 3 }),
});

describe('one targeting rule', () => {
  it('sockets and pushes pick the same recipients (1,000 random populations)', () => {
    fc.assert(
      fc.property(scenario, ({ members, alert, chain }) => {
        const index = new SubscriptionIndex();
        const subscribers = new Map<string, AlertSubscriber>();
        const byMember = new Map<string, Set<AlertSubscriber>>();
        const candidates: PushCandidate[] = [];
        const log = new Map<string, Set<AlertKind>>();
        members.forEach((m, i) => {
          const memberId = `10000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
          const principal: Principal = {
            memberId,
            status: m.status,
            sponsorId: null,
            roles: m.roles,
          };
          const prefs: AlertPreferences = {
            areaIds: m.areaIds,
            placeCells: [...new Set(m.places.map((p) => latLngToCell(p.lat, p.lng, COARSE_RES)))],
            radiusMeters: m.radiusMeters,
            minLevel: m.minLevel,
          };
          candidates.push({ principal, prefs, onShift: m.onShift });
          if (m.told.length > 0) log.set(memberId, new Set(m.told));
          const mine = new Set<AlertSubscriber>();
          for (let s = 0; s < m.sockets; s++) {
            const conn = new AlertSubscriber(
              new Connection(`${memberId}/${s}`, {} as WebSocket, principal),
              prefs,
              m.onShift,
              null,
            );
            subscribers.set(conn.id, conn);
            index.add(conn.subscription());
            mine.add(conn);
          }
          byMember.set(memberId, mine);
        });

        const bySocket = new Set<string>();
        forEachLiveRecipient({ index, subscribers, byMember }, alert, chain, log, (id) => {
          expect(bySocket.has(id)).toBe(false);
          bySocket.add(id);
        });
        const incident = { location: alert.location } as Parameters<
          typeof pushRecipients
        >[0]['incident'];
        const byPush = pushRecipients({ ...alert, incident }, chain, candidates, log);
        expect([...bySocket].sort()).toEqual([...byPush].sort());
      }),
      { numRuns: 1_000 },
    );
  });
});
