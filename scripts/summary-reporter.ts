import { mkdirSync, writeFileSync } from 'node:fs';
import type { Reporter, TestModule } from 'vitest/node';

/** What test-results/summary.json holds after a run. */
export interface TestSummary {
  passed: number;
  failed: number;
  skipped: number;
  failedTests: string[];
  skippedTests: string[];
}

/**
 * Prints one closing line that any CI can read ("tests: N passed, N failed, N skipped") and
 * writes the same counts, with the titles of failed and skipped tests, to
 * test-results/summary.json: .ci/run insists that nothing was skipped, and
 * scripts/security-report.ts reports what failed.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    const failed: string[] = [];
    const skipped: string[] = [];
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed += 1;
        else if (state === 'failed') failed.push(test.fullName);
        else skipped.push(test.fullName);
      }
      // A file that failed before any test ran (an import or a hook threw).
      if (module.state() === 'failed' && module.children.size === 0) failed.push(module.moduleId);
    }
    mkdirSync('test-results', { recursive: true });
    const summary: TestSummary = {
      passed,
      failed: failed.length,
      skipped: skipped.length,
      failedTests: failed,
      skippedTests: skipped,
    };
    writeFileSync('test-results/summary.json', JSON.stringify(summary, null, 2));
    process.stdout.write(
      `\ntests: ${passed} passed, ${failed.length} failed, ${skipped.length} skipped\n`,
    );
  }
}
