import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { BltError, countScottishStv, parseBlt, type StvResult } from '@tocsin/core';

export const COUNT_METHODS = ['scottish-stv'] as const;

export interface CountOptions {
  method: (typeof COUNT_METHODS)[number];
  json?: boolean;
  seed?: string;
}

/** The contract other tools read: `tocsin count --json` prints exactly this object. */
export function countJson(result: StvResult) {
  return {
    method: result.method,
    seats: result.seats,
    quota: result.quota,
    elected: result.elected,
    stages: result.stages.map(({ action, candidate, votes, exhausted }) => ({
      action,
      ...(candidate === undefined ? {} : { candidate }),
      votes,
      exhausted,
    })),
    seed: result.seed,
    lots: result.lots,
  };
}

const ACTION = { first: 'First preferences', surplus: 'Surplus of', exclusion: 'Exclusion of' };

/** The count as a readable stage table: one row per candidate, one column per stage. */
export function formatCountTable(result: StvResult): string {
  const out: string[] = [];
  if (result.title) out.push(result.title);
  out.push(
    `Scottish STV (SSI 2007/42 rules 45-52): ${result.seats} seat${result.seats === 1 ? '' : 's'}, ` +
      `${result.valid.replace(/\.00000$/, '')} valid votes, quota ${result.quota}`,
    `Seed for lots: ${result.seed}`,
    '',
  );
  result.stages.forEach((stage, i) =>
    out.push(
      `Stage ${i + 1}: ${ACTION[stage.action]}${stage.candidate ? ` ${stage.candidate}` : ''}`,
    ),
  );
  out.push('');
  const names = Object.keys(result.stages[0]!.votes);
  const rows: string[][] = [
    ['', ...result.stages.map((_, i) => `${i + 1}`)],
    ...names.map((name) => [
      name,
      ...result.stages.map((stage) => {
        const votes = stage.votes[name];
        return votes === undefined ? '-' : `${votes}${stage.elected.includes(name) ? '*' : ' '}`;
      }),
    ]),
    ['Non-transferable', ...result.stages.map((s) => `${s.exhausted} `)],
    ['Lost to truncation', ...result.stages.map((s) => `${s.lost} `)],
  ];
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((row) => row[col]!.length)));
  for (const row of rows)
    out.push(
      row
        .map((cell, col) => (col === 0 ? cell.padEnd(widths[0]!) : cell.padStart(widths[col]!)))
        .join('  ')
        .trimEnd(),
    );
  out.push('', '* elected at this stage', `Elected, in order: ${result.elected.join(', ')}`);
  for (const lot of result.lots)
    out.push(
      `Lot at stage ${lot.stage + 1} (${lot.decides}): ${lot.drawn} drawn from ${lot.between.join(', ')}`,
    );
  return `${out.join('\n')}\n`;
}

/**
 * `tocsin count FILE.blt`: counts a BLT ballot file and prints the result. Reads the file and
 * nothing else (no database, no configuration). A file it cannot read or count: the reason on
 * stderr, nothing on stdout, exit status 2.
 */
export async function countCommand(file: string, options: CountOptions): Promise<number> {
  let result: StvResult;
  try {
    const bytes = await readFile(file);
    const election = parseBlt(bytes.toString('utf8'));
    // Without --seed, lots are drawn from the file itself: anyone recounting it draws the same.
    const seed = options.seed ?? `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
    result = countScottishStv(election, { seed });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    process.stderr.write(
      `tocsin count: ${file}: ${error instanceof BltError ? `malformed BLT file, ${reason}` : reason}\n`,
    );
    return 2;
  }
  process.stdout.write(
    options.json ? `${JSON.stringify(countJson(result))}\n` : formatCountTable(result),
  );
  return 0;
}
