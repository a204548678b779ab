import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MOTION_STATES } from './meeting-state';
import {
  MEETING_STATES,
  meetingTransition,
  motionTransition,
  type MeetingAction,
  type MotionAction,
} from './meeting-state';
import { isQuorate, requiredAttendance } from './quorum';
import { kindRank, orderSpeakers, SPEAKER_KINDS, type SpeakerRequest } from './speakers';
import { diffWords } from './text-diff';
import { carries, MAJORITIES, tally, VOTE_CHOICES } from './votes';

const memberIds = ['m1', 'm2', 'm3', 'm4', 'm5'];
const request = fc.record({
  id: fc.uuid(),
  memberId: fc.constantFrom(...memberIds),
  kind: fc.constantFrom(...SPEAKER_KINDS),
  requestedAt: fc.integer({ min: 0, max: 1_000_000 }),
});
const spoken = fc
  .array(fc.tuple(fc.constantFrom(...memberIds), fc.nat(5)))
  .map((pairs) => new Map(pairs));
const order = fc.constantFrom('progressive' as const, 'fifo' as const);

describe('speaker order', () => {
  it('never puts a speak request before a pending point of order, nor a point behind speak', () => {
    fc.assert(
      fc.property(fc.array(request, { maxLength: 30 }), spoken, order, (requests, times, mode) => {
        const ordered = orderSpeakers(requests, times, mode);
        for (let i = 1; i < ordered.length; i += 1) {
          const before = ordered[i - 1] as SpeakerRequest;
          const after = ordered[i] as SpeakerRequest;
          expect(kindRank(before.kind)).toBeLessThanOrEqual(kindRank(after.kind));
        }
      }),
    );
  });

  it('is a permutation of the requests', () => {
    fc.assert(
      fc.property(fc.array(request, { maxLength: 30 }), spoken, order, (requests, times, mode) => {
        const ordered = orderSpeakers(requests, times, mode);
        expect([...ordered].map((r) => r.id).sort()).toEqual(requests.map((r) => r.id).sort());
      }),
    );
  });

  it('puts speak requests by fewest times spoken, then by time (progressive)', () => {
    fc.assert(
      fc.property(fc.array(request, { maxLength: 30 }), spoken, (requests, times) => {
        const speak = orderSpeakers(requests, times).filter((r) => r.kind === 'speak');
        for (let i = 1; i < speak.length; i += 1) {
          const a = speak[i - 1] as SpeakerRequest;
          const b = speak[i] as SpeakerRequest;
          const ta = times.get(a.memberId) ?? 0;
          const tb = times.get(b.memberId) ?? 0;
          expect(ta).toBeLessThanOrEqual(tb);
          if (ta === tb) expect(a.requestedAt).toBeLessThanOrEqual(b.requestedAt);
        }
      }),
    );
  });

  it('ignores times spoken under fifo', () => {
    fc.assert(
      fc.property(fc.array(request, { maxLength: 30 }), spoken, (requests, times) => {
        const speak = orderSpeakers(requests, times, 'fifo').filter((r) => r.kind === 'speak');
        for (let i = 1; i < speak.length; i += 1) {
          expect((speak[i - 1] as SpeakerRequest).requestedAt).toBeLessThanOrEqual(
            (speak[i] as SpeakerRequest).requestedAt,
          );
        }
      }),
    );
  });

  it('follows progressive stack on an example', () => {
    const r = (id: string, memberId: string, kind: SpeakerRequest['kind'], at: number) => ({
      id,
      memberId,
      kind,
      requestedAt: at,
    });
    const queue = [
      r('a', 'm1', 'speak', 1),
      r('b', 'm2', 'speak', 2),
      r('c', 'm3', 'direct_response', 3),
      r('d', 'm4', 'point_of_order', 4),
    ];
    const ids = orderSpeakers(queue, new Map([['m1', 2]])).map((x) => x.id);
    expect(ids).toEqual(['d', 'c', 'b', 'a']);
    expect(orderSpeakers(queue, new Map([['m1', 2]]), 'fifo').map((x) => x.id)).toEqual([
      'd',
      'c',
      'a',
      'b',
    ]);
  });
});

const choices = fc.array(fc.constantFrom(...VOTE_CHOICES), { maxLength: 60 });

describe('majorities', () => {
  it('consensus minus one never carries with two or more no votes', () => {
    fc.assert(
      fc.property(choices, (cs) => {
        const t = tally(cs);
        if (t.no >= 2) expect(carries(t, 'consensus_minus_one')).toBe(false);
        if (t.no <= 1 && t.yes > 0) expect(carries(t, 'consensus_minus_one')).toBe(true);
      }),
    );
  });

  it('two thirds carries only when a simple majority does', () => {
    fc.assert(
      fc.property(choices, (cs) => {
        const t = tally(cs);
        if (carries(t, 'two_thirds')) expect(carries(t, 'simple')).toBe(true);
        expect(carries(t, 'two_thirds')).toBe(t.yes > 0 && 3 * t.yes >= 2 * (t.yes + t.no));
      }),
    );
  });

  it('nothing carries without a yes vote, and abstentions never change the outcome', () => {
    fc.assert(
      fc.property(choices, fc.nat(20), fc.constantFrom(...MAJORITIES), (cs, extra, majority) => {
        const t = tally(cs);
        if (t.yes === 0) expect(carries(t, majority)).toBe(false);
        expect(carries({ ...t, abstain: t.abstain + extra }, majority)).toBe(carries(t, majority));
      }),
    );
  });

  it('tallies each choice once', () => {
    fc.assert(
      fc.property(choices, (cs) => {
        const t = tally(cs);
        expect(t.yes + t.no + t.abstain).toBe(cs.length);
      }),
    );
    expect(carries({ yes: 3, no: 1, abstain: 1 }, 'simple')).toBe(true);
    expect(carries({ yes: 2, no: 2, abstain: 0 }, 'simple')).toBe(false);
    expect(carries({ yes: 2, no: 1, abstain: 0 }, 'two_thirds')).toBe(true);
    expect(carries({ yes: 3, no: 2, abstain: 0 }, 'two_thirds')).toBe(false);
  });
});

describe('quorum', () => {
  it('is monotone in attendance and met by the required number exactly', () => {
    const quorum = fc.oneof(
      fc.record({ members: fc.nat(100) }),
      fc.record({ percent: fc.integer({ min: 0, max: 100 }) }),
    );
    fc.assert(
      fc.property(quorum, fc.nat(500), fc.nat(500), (q, roll, present) => {
        const need = requiredAttendance(q, roll);
        expect(isQuorate(q, need, roll)).toBe(true);
        if (need > 0) expect(isQuorate(q, need - 1, roll)).toBe(false);
        if (isQuorate(q, present, roll)) expect(isQuorate(q, present + 1, roll)).toBe(true);
      }),
    );
    expect(requiredAttendance({ percent: 50 }, 7)).toBe(4);
    expect(isQuorate(null, 0, 10)).toBe(true);
  });
});

describe('state machines', () => {
  it('the meeting machine is total and never leaves closed', () => {
    for (const state of MEETING_STATES) {
      for (const action of ['open', 'close'] as MeetingAction[]) {
        const step = meetingTransition(state, action);
        if (state === 'closed') expect(step.ok).toBe(false);
        if (step.ok)
          expect(MEETING_STATES.indexOf(step.state)).toBe(MEETING_STATES.indexOf(state) + 1);
      }
    }
  });

  it('a motion is final once voted or withdrawn', () => {
    const actions: MotionAction[] = ['second', 'open_vote', 'close_vote', 'withdraw'];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...actions), { maxLength: 10 }),
        fc.boolean(),
        (seq, req) => {
          let state: (typeof MOTION_STATES)[number] = 'moved';
          let voted = false;
          for (const action of seq) {
            const step = motionTransition(state, action, {
              secondingRequired: req,
              outcome: 'carried',
            });
            if (['carried', 'failed', 'invalid', 'withdrawn'].includes(state)) {
              expect(step.ok).toBe(false);
            }
            if (step.ok) {
              if (step.state === 'voting') voted = true;
              if (step.state === 'withdrawn') expect(voted).toBe(false);
              state = step.state;
            }
          }
        },
      ),
    );
  });
});

describe('word diff', () => {
  it('rebuilds both texts', () => {
    const text = fc.array(fc.constantFrom('a', 'b', 'c', 'rent', 'strike'), { maxLength: 20 });
    fc.assert(
      fc.property(text, text, (a, b) => {
        const parts = diffWords(a.join(' '), b.join(' '));
        const old = parts
          .filter((p) => p.op !== 'added')
          .map((p) => p.text)
          .join(' ');
        const now = parts
          .filter((p) => p.op !== 'removed')
          .map((p) => p.text)
          .join(' ');
        expect(old).toBe(a.join(' '));
        expect(now).toBe(b.join(' '));
      }),
    );
  });
});
