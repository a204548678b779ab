import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { cruise, type IConfiguration, type IViolation } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';

// The rules `npm run check` enforces, exercised on a planted fixture and on the real tree.
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const fixtureRoot = fileURLToPath(new URL('./fixtures/boundaries/', import.meta.url));
const config = createRequire(import.meta.url)(
  `${repoRoot}.dependency-cruiser.cjs`,
) as IConfiguration;

async function violationsIn(root: string): Promise<IViolation[]> {
  const result = await cruise(['packages'], {
    baseDir: root,
    ruleSet: { forbidden: config.forbidden ?? [] },
    validate: true,
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
  });
  if (typeof result.output === 'string') throw new Error('expected a cruise result, got text');
  return result.output.summary.violations;
}

const src = 'packages/server/src';

describe('module boundaries (dependency-cruiser)', () => {
  it('reports each planted violation with the rule it breaks', async () => {
    const found = (await violationsIn(fixtureRoot)).map(
      (v) => `${v.rule.name}: ${v.from} -> ${v.to}`,
    );
    expect(found).toContain(
      `no-module-cycle: ${src}/rapid-response/incidents/incidents.service.ts -> ${src}/rapid-response/reports/index.ts`,
    );
    expect(found).toContain(
      `no-deep-import: ${src}/rapid-response/reports/reports.service.ts -> ${src}/rapid-response/incidents/incidents.repository.ts`,
    );
    expect(found).toContain(
      `no-upward-import: ${src}/membership/auth/auth.plugin.ts -> ${src}/rapid-response/index.ts`,
    );
    // The fixture's legitimate imports (module and group indexes, downward) pass.
    expect(found.filter((v) => v.includes('incidents.repository.ts -> '))).toEqual([]);
  });

  it('finds nothing in the repository beyond the known violations', async () => {
    // The same command `npm run check` runs; it exits non-zero on any violation not in the baseline.
    const { stdout } = await promisify(execFile)(
      `${repoRoot}node_modules/.bin/depcruise`,
      [
        'packages',
        '--config',
        '.dependency-cruiser.cjs',
        '--ignore-known',
        '.dependency-cruiser-known-violations.json',
        '--output-type',
        'err',
      ],
      { cwd: repoRoot },
    );
    expect(stdout).toContain('no dependency violations found');
  }, 120_000);
});
