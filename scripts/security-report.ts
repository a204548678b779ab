// Regenerates docs/SECURITY-REPORT.md: runs the tests that measure the figures SECURITY.md asks
// for (with TOCSIN_SECURITY_FIGURES set, each appends what it counted), runs `npm audit`, and
// writes the figures with the command, date, commit, databases and test outcome.
// Usage: npm run security-report (PGlite; PostgreSQL and NATS too with TEST_DATABASE_URL and
// TEST_NATS_URL set).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import prettier from 'prettier';
import { FIGURES, type FigureRecord } from '../packages/server/test/helpers/figures';
import type { TestSummary } from './summary-reporter';
import { figureRows, readAudit, type AuditResult, type FigureRow } from './security-figures';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const REPORT = path.join(root, 'docs/SECURITY-REPORT.md');
const HAND_WRITTEN = '<!-- Written by hand from here on: kept when the report is generated. -->';
const COMMAND = 'npm run security-report';

/** The test files that record figures, relative to packages/server/test. */
const FILES = [
  'fuzz.test.ts',
  'photos.test.ts',
  'authz/matrix.test.ts',
  'privacy.test.ts',
  'retention.test.ts',
  'crash.test.ts',
  'durability.test.ts',
  'scale.test.ts',
  'sybil.test.ts',
];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv, echo: boolean): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (echo) process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (echo) process.stderr.write(chunk);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The run's counts, as the project's summary reporter writes them. */
function readOutcome(): TestSummary {
  const file = path.join(root, 'test-results/summary.json');
  if (!existsSync(file)) {
    return {
      passed: 0,
      failed: 1,
      skipped: 0,
      failedTests: ['vitest wrote no summary'],
      skippedTests: [],
    };
  }
  return JSON.parse(readFileSync(file, 'utf8')) as TestSummary;
}

async function commitOf(): Promise<string> {
  const head = await run('git', ['rev-parse', '--short=12', 'HEAD'], process.env, false);
  // The report itself is what this run changes; anything else makes the figures unreproducible.
  const dirty = await run(
    'git',
    ['status', '--porcelain', '--', '.', `:!${path.relative(root, REPORT)}`],
    process.env,
    false,
  );
  const sha = head.stdout.trim() || 'unknown';
  return dirty.stdout.trim() ? `${sha} with uncommitted changes` : sha;
}

async function audit(): Promise<AuditResult> {
  const result = await run('npm', ['audit', '--json'], process.env, false);
  return readAudit(result.stdout, result.stderr);
}

function databases(): string {
  const postgres = process.env.TEST_DATABASE_URL
    ? 'PostgreSQL (TEST_DATABASE_URL)'
    : 'not PostgreSQL (TEST_DATABASE_URL unset: its copies of each suite were skipped)';
  const nats =
    process.env.TEST_DATABASE_URL && process.env.TEST_NATS_URL
      ? 'two nodes on PostgreSQL + NATS JetStream (TEST_NATS_URL)'
      : 'not the two-node NATS run (needs TEST_DATABASE_URL and TEST_NATS_URL)';
  return `PGlite; ${postgres}; ${nats}`;
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** Every record summed by figure, test and database: the raw counts behind the table. */
function measurements(records: FigureRecord[]): string[] {
  const groups = new Map<string, Record<string, number>>();
  const order = (r: FigureRecord) => `${FIGURES.indexOf(r.figure)} ${r.source} ${r.database}`;
  for (const r of [...records].sort((a, b) => order(a).localeCompare(order(b)))) {
    const key = `${r.figure} | ${r.source} | ${r.database}`;
    const counts = groups.get(key) ?? {};
    for (const [name, n] of Object.entries(r.counts)) counts[name] = (counts[name] ?? 0) + n;
    groups.set(key, counts);
  }
  return [
    '| Figure | Test | Database | Counts |',
    '|---|---|---|---|',
    ...[...groups].map(([key, counts]) => {
      const text = Object.entries(counts)
        .map(([name, n]) => `${name} ${n}`)
        .join(', ');
      return `| ${key.split(' | ').map(cell).join(' | ')} | ${text} |`;
    }),
  ];
}

function markdown(
  rows: FigureRow[],
  records: FigureRecord[],
  outcome: TestSummary,
  commit: string,
  started: Date,
): string {
  const lines = [
    '# Security report',
    '',
    'The figures the security design (SECURITY.md, "Figures to report") asks for, measured by the',
    'tests that prove each requirement. Generated; do not edit: run `' + COMMAND + '` again.',
    '',
    `- Generated: ${started.toISOString()} by \`${COMMAND}\``,
    `- Commit: ${commit}`,
    `- Databases: ${databases()}`,
    `- Tests: ${outcome.passed} passed, ${outcome.failed} failed, ${outcome.skipped} skipped ` +
      `(${FILES.map((f) => `\`${f}\``).join(', ')} in packages/server/test)`,
    '',
    '| Figure | Measured | Target | Status |',
    '|---|---|---|---|',
    ...rows.map(
      (r) => `| ${cell(r.figure)} | ${cell(r.measured)} | ${cell(r.target)} | ${r.status} |`,
    ),
    '',
    '## Measurements by test and database',
    '',
    ...measurements(records),
    '',
  ];
  if (outcome.failedTests.length) {
    lines.push('## Failed tests', '', ...outcome.failedTests.map((f) => `- ${cell(f)}`), '');
  }
  if (outcome.skippedTests.length) {
    lines.push('## Skipped tests', '', ...outcome.skippedTests.map((s) => `- ${cell(s)}`), '');
  }
  const open = rows.filter((r) => r.status !== 'met');
  if (open.length) {
    lines.push(
      '## Targets not met',
      '',
      ...open.map((r) => `- ${r.figure}: ${r.status}, ${cell(r.measured)}`),
      '',
    );
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const started = new Date();
  const dir = mkdtempSync(path.join(tmpdir(), 'tocsin-security-'));
  try {
    const figuresFile = path.join(dir, 'figures.jsonl');
    writeFileSync(figuresFile, '');
    const vitest = path.join(root, 'node_modules/vitest/vitest.mjs');
    const tests = await run(
      process.execPath,
      [
        vitest,
        'run',
        '--project',
        'server',
        '--reporter=default',
        '--reporter=./scripts/summary-reporter.ts',
        ...FILES.map((f) => `packages/server/test/${f}`),
      ],
      { ...process.env, TOCSIN_SECURITY_FIGURES: figuresFile },
      true,
    );
    const records = readFileSync(figuresFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as FigureRecord);
    const outcome = readOutcome();
    if (tests.code !== 0 && outcome.failed === 0) {
      outcome.failed = 1;
      outcome.failedTests.push(`vitest exited with ${tests.code}`);
    }
    const rows = figureRows(records, await audit());
    // What follows the marker is written by hand (findings, dependency lag): kept as it is.
    const previous = existsSync(REPORT) ? readFileSync(REPORT, 'utf8') : '';
    const at = previous.indexOf(HAND_WRITTEN);
    const kept = at >= 0 ? `\n${previous.slice(at)}` : '';
    const doc = markdown(rows, records, outcome, await commitOf(), started) + kept;
    // Formatted as the repository formats Markdown, so `prettier --check` stays clean.
    const options = (await prettier.resolveConfig(REPORT)) ?? {};
    writeFileSync(REPORT, await prettier.format(doc, { ...options, filepath: REPORT }));
    process.stdout.write(`\nWrote ${path.relative(root, REPORT)}:\n`);
    for (const r of rows) process.stdout.write(`  ${r.figure}: ${r.measured} [${r.status}]\n`);
    // Targets not met are findings for the report; failing tests and missing figures are not.
    if (outcome.failed > 0 || rows.some((r) => r.status === 'not measured')) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
