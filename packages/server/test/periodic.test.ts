import { describe, expect, it } from 'vitest';
import pino from 'pino';
import { startPeriodic } from '../src/platform';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('startPeriodic', () => {
  it('runs one at a time, goes on after a failure, logs it, and stop waits for the run in progress', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'error' }, { write: (line: string) => void lines.push(line) });
    let running = 0;
    let most = 0;
    let runs = 0;
    const job = startPeriodic(logger, 'test sweep', 5, async () => {
      runs++;
      running++;
      most = Math.max(most, running);
      await wait(20);
      running--;
      if (runs === 1) throw new Error('first run fails');
    });
    while (runs < 3) await wait(5);
    await job.stop();
    expect(running).toBe(0);
    expect(most).toBe(1);
    const after = runs;
    await wait(30);
    expect(runs).toBe(after);
    expect(
      lines.some((l) => l.includes('test sweep failed') && l.includes('first run fails')),
    ).toBe(true);
  });
});
