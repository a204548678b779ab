import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ballotReceipt } from '../elections/receipt';
import { VOTE_CHOICES, VOTE_METHODS, runningTallyShown, tally, type VoteChoice } from './votes';
import { motionBallotReceipt } from './secret-ballot-receipt';

const choice = fc.constantFrom(...VOTE_CHOICES);
const token = fc.stringMatching(/^[A-Za-z0-9_-]{8,40}$/);

describe('secret votes on motions (ADR 0025)', () => {
  it('hide the running tally only for secret votes', () => {
    expect(VOTE_METHODS.filter((m) => !runningTallyShown(m))).toEqual(['secret']);
  });

  it("use the ballot box's receipt rule: the motion is the box, the choice the ranking", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uuid(), token, choice, async (motionId, message, c) => {
        expect(await motionBallotReceipt(motionId, message, c)).toBe(
          await ballotReceipt(motionId, message, [c]),
        );
      }),
      { numRuns: 50 },
    );
  });

  it('give a different receipt for another choice, token or motion (a receipt names one ballot)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uuid(),
        fc.uuid(),
        token,
        token,
        choice,
        choice,
        async (m1, m2, t1, t2, c1, c2) => {
          fc.pre(m1 !== m2 || t1 !== t2 || c1 !== c2);
          expect(await motionBallotReceipt(m1, t1, c1)).not.toBe(
            await motionBallotReceipt(m2, t2, c2),
          );
        },
      ),
      { numRuns: 100 },
    );
  });

  it('count a box the same in any order', () => {
    fc.assert(
      fc.property(fc.array(choice, { maxLength: 60 }), (choices: VoteChoice[]) => {
        const counts = tally(choices);
        expect(tally([...choices].reverse())).toEqual(counts);
        expect(counts.yes + counts.no + counts.abstain).toBe(choices.length);
      }),
    );
  });
});
