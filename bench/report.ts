import { execSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';

export interface BenchResult {
  name: string;
  title: string;
  rows: { label: string; value: string }[];
  note?: string;
}

const START = (name: string) => `<!-- bench:${name}:start -->`;
const END = (name: string) => `<!-- bench:${name}:end -->`;

function machine(): string {
  let commit = 'unknown';
  try {
    commit = execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
  } catch {
    // Not a git checkout: leave it unknown.
  }
  const memGiB = (totalmem() / 2 ** 30).toFixed(0);
  return `commit ${commit}, ${cpus().length} cores, ${memGiB} GiB, Node ${process.version}`;
}

/** Renders one result as a Markdown section. */
export function render(result: BenchResult, command: string): string {
  const lines = [
    `### ${result.title}`,
    '',
    `Command: \`${command}\` — ${new Date().toISOString().slice(0, 10)}, ${machine()}`,
    '',
    '| measure | value |',
    '| --- | --- |',
    ...result.rows.map((row) => `| ${row.label} | ${row.value} |`),
  ];
  if (result.note) lines.push('', result.note);
  return lines.join('\n');
}

/** Replaces (or appends) the section of one benchmark in docs/BENCHMARKS.md. */
export async function writeSection(
  file: string,
  result: BenchResult,
  command: string,
): Promise<void> {
  let doc = await readFile(file, 'utf8').catch(() => '# Benchmarks\n');
  const section = `${START(result.name)}\n${render(result, command)}\n${END(result.name)}`;
  const start = doc.indexOf(START(result.name));
  const end = doc.indexOf(END(result.name));
  if (start >= 0 && end > start) {
    doc = doc.slice(0, start) + section + doc.slice(end + END(result.name).length);
  } else {
    doc = `${doc.trimEnd()}\n\n${section}\n`;
  }
  await writeFile(file, doc);
}
