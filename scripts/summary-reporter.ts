import { mkdirSync, writeFileSync } from 'node:fs';
import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints one closing line that any CI can read ("tests: N passed, N failed, N skipped") and
 * writes the same counts, with the titles of skipped tests, to test-results/summary.json so
 * .ci/run can insist that nothing was skipped.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    const skipped: string[] = [];
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed += 1;
        else if (state === 'failed') failed += 1;
        else skipped.push(test.fullName);
      }
      if (module.state() === 'failed' && module.children.size === 0) failed += 1;
    }
    mkdirSync('test-results', { recursive: true });
    writeFileSync(
      'test-results/summary.json',
      JSON.stringify({ passed, failed, skipped: skipped.length, skippedTests: skipped }, null, 2),
    );
    process.stdout.write(
      `\ntests: ${passed} passed, ${failed} failed, ${skipped.length} skipped\n`,
    );
  }
}
