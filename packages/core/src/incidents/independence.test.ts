import { describe, expect, it } from 'vitest';
import type { Reporter } from './incident';
import {
  areIndependent,
  countCorroboratingReporters,
  countIndependentReporters,
} from './independence';

const r = (memberId: string, sponsorId: string | null = null): Reporter => ({
  memberId,
  sponsorId,
});

describe('areIndependent', () => {
  it('separates sponsor and invitee, siblings and the same member', () => {
    expect(areIndependent(r('a', 's'), r('b', 't'))).toBe(true);
    expect(areIndependent(r('a', 's'), r('b', 's'))).toBe(false);
    expect(areIndependent(r('a', 's'), r('s', 'x'))).toBe(false);
    expect(areIndependent(r('s', 'x'), r('a', 's'))).toBe(false);
    expect(areIndependent(r('a', 's'), r('a', 's'))).toBe(false);
  });

  it('treats unsponsored members as independent of all but their invitees', () => {
    expect(areIndependent(r('root1'), r('root2'))).toBe(true);
    expect(areIndependent(r('root1'), r('a', 'root2'))).toBe(true);
    expect(areIndependent(r('root1'), r('a', 'root1'))).toBe(false);
  });
});

describe('countIndependentReporters', () => {
  it.each<[string, Reporter[], number]>([
    ['nobody', [], 0],
    ['one reporter', [r('a', 's')], 1],
    ['the same member twice', [r('a', 's'), r('a', 's')], 1],
    ['strangers', [r('a', 's'), r('b', 't')], 2],
    ['siblings', [r('a', 's'), r('b', 's'), r('c', 's')], 1],
    ['sponsor and invitee', [r('s', null), r('a', 's')], 1],
    ['two unsponsored admins', [r('x'), r('y')], 2],
    // s conflicts with a and b; a and b are siblings: the best is one of them.
    ['sponsor with two invitees', [r('s', 'p'), r('a', 's'), r('b', 's')], 1],
    // g–s–{a,b}: g and one of a/b are independent of each other.
    ['grandparent and grandchildren', [r('g'), r('s', 'g'), r('a', 's'), r('b', 's')], 2],
    // A chain a←b←c←d: a and c, or b and d.
    ['a chain of four', [r('a'), r('b', 'a'), r('c', 'b'), r('d', 'c')], 2],
    // Sponsor s did not report, so its invitees count once; t's invitee counts too.
    ['two families', [r('a', 's'), r('b', 's'), r('c', 't')], 2],
    // Choosing s (conflicts with a, b) loses to choosing a and a's two... a's children are siblings.
    [
      'skip a generation',
      [r('s', 'p'), r('a', 's'), r('a1', 'a'), r('a2', 'a'), r('b', 's'), r('b1', 'b')],
      3,
    ],
  ])('%s', (_, reporters, expected) => {
    expect(countIndependentReporters(reporters)).toBe(expected);
  });

  it('counts 20 invitees of one sponsor as one', () => {
    const sybils = Array.from({ length: 20 }, (_, i) => r(`sybil-${i}`, 'infiltrator'));
    expect(countIndependentReporters(sybils)).toBe(1);
    expect(countIndependentReporters([...sybils, r('infiltrator', 'x')])).toBe(1);
  });

  it('keeps the first sponsor given for a member and treats self-sponsorship as none', () => {
    expect(countIndependentReporters([r('a', 's'), r('a', 't'), r('b', 's')])).toBe(1);
    expect(countIndependentReporters([r('a', 'a'), r('b', 'b')])).toBe(2);
  });

  it('counts a sponsor cycle, which invites cannot produce, as one', () => {
    expect(countIndependentReporters([r('a', 'b'), r('b', 'a')])).toBe(1);
    expect(countIndependentReporters([r('a', 'c'), r('b', 'a'), r('c', 'b'), r('d', 'z')])).toBe(2);
    expect(countIndependentReporters([r('a', 'b'), r('b', 'a'), r('x', 'a'), r('y', 'b')])).toBe(1);
  });

  it('handles a long vouch chain without recursion', () => {
    const chain = Array.from({ length: 50_000 }, (_, i) =>
      r(`m${i}`, i === 0 ? null : `m${i - 1}`),
    );
    expect(countIndependentReporters(chain)).toBe(25_000);
  });
});

describe('countCorroboratingReporters', () => {
  it('leaves out members on probation or suspended, whatever their place in the tree', () => {
    const onProbation = (memberId: string, sponsorId: string): Reporter => ({
      memberId,
      sponsorId,
      vouched: false,
    });
    // Two infiltrators one member let in, and the accounts each of them invited.
    const socks = [onProbation('a1', 'first'), onProbation('b1', 'second')];
    expect(countIndependentReporters(socks)).toBe(2);
    expect(countCorroboratingReporters(socks)).toBe(0);
    expect(countCorroboratingReporters([...socks, r('first', 'genuine')])).toBe(1);
    expect(
      countCorroboratingReporters([...socks, r('first', 'genuine'), r('second', 'genuine')]),
    ).toBe(1);
    expect(countCorroboratingReporters([r('x', 's'), r('y', 't'), ...socks])).toBe(2);
  });
});
