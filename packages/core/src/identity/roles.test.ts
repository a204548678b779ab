import { describe, expect, it } from 'vitest';
import { belongsTo, hasRoleIn, isAdmin, rolesIn, type Principal } from './roles';

const CITY = 'city';
const POWDERHORN = 'powderhorn';
const SHOP = 'shop'; // a workplace inside Powderhorn
const chainOf: Record<string, string[]> = {
  [CITY]: [CITY],
  [POWDERHORN]: [POWDERHORN, CITY],
  [SHOP]: [SHOP, POWDERHORN, CITY],
  other: ['other', CITY],
};

function principal(roles: Principal['roles'], status: Principal['status'] = 'active'): Principal {
  return { memberId: 'm', status, sponsorId: null, roles };
}

describe('roles', () => {
  it('a role on an area holds in the areas inside it, not beside it', () => {
    const p = principal([{ areaId: POWDERHORN, role: 'organizer' }]);
    expect(hasRoleIn(p, chainOf[POWDERHORN]!, 'organizer')).toBe(true);
    expect(hasRoleIn(p, chainOf[SHOP]!, 'organizer')).toBe(true);
    expect(hasRoleIn(p, chainOf.other!, 'organizer')).toBe(false);
    expect(hasRoleIn(p, chainOf[CITY]!, 'organizer')).toBe(false);
  });

  it('an admin holds every role everywhere', () => {
    const p = principal([{ areaId: CITY, role: 'admin' }]);
    expect(isAdmin(p)).toBe(true);
    for (const chain of Object.values(chainOf)) {
      expect(rolesIn(p, chain).has('verifier')).toBe(true);
      expect(belongsTo(p, chain)).toBe(true);
    }
  });

  it('a member with no role in an area does not belong to it', () => {
    const p = principal([{ areaId: 'other', role: 'member' }]);
    expect(belongsTo(p, chainOf[POWDERHORN]!)).toBe(false);
    expect(belongsTo(p, chainOf.other!)).toBe(true);
    expect(isAdmin(p)).toBe(false);
  });
});
