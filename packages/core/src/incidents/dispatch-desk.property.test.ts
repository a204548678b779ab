import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DISPATCH_STATES } from '../api/rapid-response';
import { hasRoleIn, ROLES, type Principal } from '../identity/roles';
import {
  dispatcherAreas,
  isDispatcherFor,
  isOpenDispatch,
  manualDispatch,
  OPEN_DISPATCH_STATES,
} from './dispatch-desk';

const AREAS = ['a0', 'a1', 'a2', 'a3', 'a4'];
const principal: fc.Arbitrary<Principal> = fc.record({
  memberId: fc.uuid(),
  status: fc.constantFrom('probation' as const, 'active' as const, 'suspended' as const),
  sponsorId: fc.constant(null),
  roles: fc.array(
    fc.record({ areaId: fc.constantFrom(...AREAS), role: fc.constantFrom(...ROLES) }),
    { maxLength: 8 },
  ),
});
const chain = fc.subarray(AREAS);
const state = fc.constantFrom(...DISPATCH_STATES);

describe('isDispatcherFor', () => {
  it('holds exactly for an active member with the dispatcher role (or admin) in the chain', () => {
    fc.assert(
      fc.property(principal, chain, (p, c) => {
        const expected =
          p.status === 'active' &&
          p.roles.some(
            (r) => r.role === 'admin' || (r.role === 'dispatcher' && c.includes(r.areaId)),
          );
        expect(isDispatcherFor(p, c)).toBe(expected);
      }),
    );
  });

  it("is the roles rule's dispatcher, for active members only", () => {
    fc.assert(
      fc.property(principal, chain, (p, c) => {
        expect(isDispatcherFor(p, c)).toBe(p.status === 'active' && hasRoleIn(p, c, 'dispatcher'));
      }),
    );
  });

  it('agrees with dispatcherAreas: an area of mine is one my console follows', () => {
    fc.assert(
      fc.property(principal, (p) => {
        for (const area of dispatcherAreas(p)) expect(isDispatcherFor(p, [area])).toBe(true);
        for (const area of AREAS) {
          const admin = p.roles.some((r) => r.role === 'admin');
          if (!admin && isDispatcherFor(p, [area])) expect(dispatcherAreas(p)).toContain(area);
        }
      }),
    );
  });

  it('never lets a member on probation or suspended run the console', () => {
    fc.assert(
      fc.property(principal, chain, (p, c) => {
        if (p.status === 'active') return;
        expect(isDispatcherFor(p, c)).toBe(false);
        expect(dispatcherAreas(p)).toEqual([]);
      }),
    );
  });
});

describe('manualDispatch', () => {
  it('offers anew, refuses a repeat of an open dispatch, re-offers a closed one', () => {
    expect(manualDispatch(null)).toEqual({ ok: true, reoffer: false });
    fc.assert(
      fc.property(state, (s) => {
        const decision = manualDispatch(s);
        expect(decision.ok).toBe(!isOpenDispatch(s));
        if (decision.ok) expect(decision.reoffer).toBe(true);
        else expect(decision.code).toBe('already_dispatched');
      }),
    );
  });

  it('calls open exactly the offered, accepted and on-scene dispatches', () => {
    fc.assert(
      fc.property(state, (s) => {
        expect(isOpenDispatch(s)).toBe((OPEN_DISPATCH_STATES as readonly string[]).includes(s));
      }),
    );
    expect([...OPEN_DISPATCH_STATES].sort()).toEqual(['accepted', 'offered', 'on_scene']);
  });
});
