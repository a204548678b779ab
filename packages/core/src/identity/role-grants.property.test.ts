import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  grantExpiresAt,
  GRANT_COUNTERSIGN_HOURS,
  mayCountersign,
  mayLeaveAdmins,
  mayOperatorCountersign,
  mayProposeRoleChange,
  needsCountersign,
  type RoleChange,
} from './role-grants';
import { hasRoleIn, isAdmin, ROLES, type Principal } from './roles';

const CHAINS: Record<string, string[]> = {
  city: ['city'],
  north: ['north', 'city'],
  south: ['south', 'city'],
};
const ids = ['m0', 'm1', 'm2', 'm3', 'm4'];
const HOUR = 3_600_000;

const principal: fc.Arbitrary<Principal> = fc.record({
  memberId: fc.constantFrom(...ids),
  status: fc.constantFrom('active', 'active', 'probation', 'suspended'),
  sponsorId: fc.option(fc.constantFrom(...ids)),
  roles: fc.array(
    fc.record({
      areaId: fc.constantFrom('city', 'north', 'south'),
      role: fc.constantFrom(...ROLES),
    }),
    { maxLength: 3 },
  ),
});

const change: fc.Arbitrary<RoleChange> = fc.record({
  kind: fc.constantFrom('grant', 'revoke'),
  role: fc.constantFrom(...ROLES),
  areaChain: fc.constantFrom(...Object.values(CHAINS)),
  granteeId: fc.constantFrom(...ids),
  granteeSponsorId: fc.option(fc.constantFrom(...ids)),
  granterId: fc.constantFrom(...ids),
  requestedAt: fc.integer({ min: 0, max: 1_000 * HOUR }),
});
const elapsed = fc.integer({ min: 0, max: 200 * HOUR });

const decides = (p: Principal, c: RoleChange) =>
  c.role === 'admin' ? isAdmin(p) : hasRoleIn(p, c.areaChain, 'organizer');

describe('role grants (properties)', () => {
  it('a countersign is only ever a second, outside, entitled person within 72 h', () => {
    fc.assert(
      fc.property(principal, change, elapsed, (who, c, dt) => {
        const verdict = mayCountersign(who, c, c.requestedAt + dt);
        if (!verdict.ok) return;
        expect(who.status).toBe('active');
        expect(who.memberId).not.toBe(c.granteeId);
        expect(who.memberId).not.toBe(c.granterId);
        expect(who.memberId).not.toBe(c.granteeSponsorId);
        expect(dt).toBeLessThan(GRANT_COUNTERSIGN_HOURS * HOUR);
        expect(decides(who, c)).toBe(true);
      }),
    );
  });

  it('the conditions above are also enough', () => {
    fc.assert(
      fc.property(principal, change, elapsed, (who, c, dt) => {
        const outside =
          who.memberId !== c.granteeId &&
          who.memberId !== c.granterId &&
          who.memberId !== c.granteeSponsorId;
        const expected =
          who.status === 'active' &&
          outside &&
          decides(who, c) &&
          dt < GRANT_COUNTERSIGN_HOURS * HOUR;
        expect(mayCountersign(who, c, c.requestedAt + dt).ok).toBe(expected);
      }),
    );
  });

  it('a lapsed grant stays lapsed', () => {
    fc.assert(
      fc.property(principal, change, elapsed, elapsed, (who, c, a, b) => {
        const [early, late] = a < b ? [a, b] : [b, a];
        if (!mayCountersign(who, c, c.requestedAt + early).ok) return;
        if (mayCountersign(who, c, c.requestedAt + late).ok) {
          expect(c.requestedAt + late).toBeLessThan(grantExpiresAt(c.requestedAt));
        }
      }),
    );
  });

  it('nobody proposes a role for themselves or for someone they invited', () => {
    fc.assert(
      fc.property(principal, change, (who, c) => {
        const proposal = { ...c, granteeId: c.granteeId };
        const verdict = mayProposeRoleChange(who, proposal);
        if (!verdict.ok) return;
        expect(who.status).toBe('active');
        expect(decides(who, c)).toBe(true);
        if (c.kind === 'grant') expect(who.memberId).not.toBe(c.granteeId);
        if (who.memberId !== c.granteeId) expect(c.granteeSponsorId).not.toBe(who.memberId);
      }),
    );
  });

  it('every grant of verifier, dispatcher, organizer or admin, and taking admin from another, waits', () => {
    fc.assert(
      fc.property(change, (c) => {
        const waits = needsCountersign(c, c.granterId);
        if (c.kind === 'grant') {
          expect(waits).toBe(['verifier', 'dispatcher', 'organizer', 'admin'].includes(c.role));
        } else {
          expect(waits).toBe(c.role === 'admin' && c.granteeId !== c.granterId);
        }
      }),
    );
  });

  it('one organizer and their invitees alone never complete a countersigned grant', () => {
    // A closed group: one insider (any roles) and people they invited (any roles, even an
    // organizer role obtained earlier). Whatever the grantee, nobody in it both may propose and
    // a different one of them may countersign, unless that one is independent of the granter.
    const group = fc.tuple(
      principal.map((p) => ({ ...p, memberId: 'insider', sponsorId: null })),
      fc.array(
        principal.map((p) => ({
          ...p,
          sponsorId: 'insider',
          roles: p.roles.filter((r) => r.role !== 'organizer' && r.role !== 'admin'),
        })),
        { maxLength: 6 },
      ),
    );
    fc.assert(
      fc.property(group, change, elapsed, ([insider, puppets], c, dt) => {
        const people = [insider, ...puppets.map((p, i) => ({ ...p, memberId: `puppet${i}` }))];
        const asked = {
          ...c,
          granterId: 'insider',
          granteeSponsorId: 'insider',
          granteeId: 'puppet0',
        };
        const signed = people.some((p) => mayCountersign(p, asked, asked.requestedAt + dt).ok);
        expect(signed).toBe(false);
        // And the insider may not even ask for their own invitee.
        expect(mayProposeRoleChange(insider, asked).ok).toBe(false);
      }),
    );
  });

  it('the operator stands in only for a city with one admin and no organizer', () => {
    fc.assert(
      fc.property(
        change,
        fc.nat({ max: 3 }),
        fc.nat({ max: 3 }),
        elapsed,
        (c, admins, organizers, dt) => {
          const verdict = mayOperatorCountersign(c, { admins, organizers }, c.requestedAt + dt);
          expect(verdict.ok).toBe(
            admins === 1 && organizers === 0 && dt < GRANT_COUNTERSIGN_HOURS * HOUR,
          );
        },
      ),
    );
  });

  it('no sequence of admin removals leaves the city without an admin', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.array(fc.nat({ max: 8 })), (n, picks) => {
        let admins = new Set(Array.from({ length: n }, (_, i) => i));
        for (const pick of picks) {
          const target = pick;
          const verdict = mayLeaveAdmins(
            { kind: 'revoke', role: 'admin' },
            admins.size,
            admins.has(target),
          );
          if (verdict.ok) admins = new Set([...admins].filter((a) => a !== target));
        }
        expect(admins.size).toBeGreaterThanOrEqual(1);
      }),
    );
  });
});
