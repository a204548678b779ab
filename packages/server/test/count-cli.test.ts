// `tocsin count`, run as a user runs it (the bin, a real process): the JSON contract, the stage
// table, malformed files, seeds, and that it touches nothing but the file.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
const bin = path.resolve(here, '../bin/tocsin.js');
const fixtures = path.resolve(here, '../../core/src/elections/fixtures');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function tocsin(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const child = spawn(process.execPath, [bin, ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

interface CountJson {
  method: string;
  seats: number;
  quota: string;
  elected: string[];
  stages: {
    action: string;
    candidate?: string;
    votes: Record<string, string>;
    exhausted: string;
  }[];
  seed: string;
  lots: { stage: number; decides: string; between: string[]; drawn: string }[];
}

describe('tocsin count', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'tocsin-count-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('prints one JSON object that agrees with the reference count, touching no database', async () => {
    const dataDir = path.join(dir, 'never-created');
    const run = await tocsin(
      ['count', '--method', 'scottish-stv', '--json', path.join(fixtures, 'Calton-2007.blt')],
      // A data folder and a database that must not be opened: the command reads only the file.
      { TOCSIN_DATA_DIR: dataDir, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    expect(existsSync(dataDir)).toBe(false);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    const result = JSON.parse(run.stdout) as CountJson;
    const expected = JSON.parse(
      await readFile(path.join(fixtures, 'Calton-2007.expected.json'), 'utf8'),
    ) as { quota: string; electedByStage: string[][]; stages: CountJson['stages'] };
    expect(Object.keys(result)).toEqual([
      'method',
      'seats',
      'quota',
      'elected',
      'stages',
      'seed',
      'lots',
    ]);
    expect(result).toMatchObject({ method: 'scottish-stv', seats: 3, quota: expected.quota });
    expect(result.elected).toEqual(expected.electedByStage.flat());
    // The fixture also keeps droop's surplus amounts and tie notes, which the contract does not carry.
    expect(result.stages).toEqual(
      expected.stages.map(({ action, candidate, votes, exhausted }) => ({
        action,
        ...(candidate === undefined ? {} : { candidate }),
        votes,
        exhausted,
      })),
    );
    expect(result.stages[0]!.action).toBe('first');
    expect(result.stages[0]).not.toHaveProperty('candidate');
    expect(result.seed).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('prints a readable stage table without --json', async () => {
    const run = await tocsin(['count', path.join(fixtures, 'Calton-2007.blt')]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('CALTON');
    expect(run.stdout).toContain('quota 1300.00000');
    expect(run.stdout).toContain('Stage 2: Surplus of George Redmond');
    expect(run.stdout).toMatch(/^Ruth Simpson +628\.00000 +1035\.05847 /m);
    expect(run.stdout).toContain(
      'Elected, in order: George Redmond, Alison E Thewliss, Ruth Simpson',
    );
  });

  it('refuses a malformed file with its line number, exit status 2 and nothing on stdout', async () => {
    const file = path.join(dir, 'bad.blt');
    await writeFile(file, '\uFEFF3 1\r\n1 1 0\r\n1 2 x 0\r\n0\r\n"A"\r\n"B"\r\n"C"\r\n');
    const run = await tocsin(['count', '--method', 'scottish-stv', '--json', file]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/line 3: expected a ballot line/);
    const missing = await tocsin(['count', '--json', path.join(dir, 'missing.blt')]);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe('');
  });

  it('draws lots from --seed, records it, and redraws the same from the same seed', async () => {
    // Four candidates level at every stage: every exclusion is by lot.
    const file = path.join(dir, 'level.blt');
    await writeFile(file, '4 1\n2 1 0\n2 2 0\n2 3 0\n2 4 0\n0\n"A"\n"B"\n"C"\n"D"\n"Level"\n');
    const runs = await Promise.all(
      ['one', 'one', 'two'].map((seed) => tocsin(['count', '--json', file, '--seed', seed])),
    );
    const [one, again, two] = runs.map((r) => JSON.parse(r.stdout) as CountJson);
    expect(again).toEqual(one);
    expect(one!.seed).toBe('one');
    expect(two!.seed).toBe('two');
    expect(one!.lots).toHaveLength(3);
    expect(one!.lots[0]).toMatchObject({ stage: 1, decides: 'exclusion' });
    expect(one!.lots[0]!.between).toEqual(['A', 'B', 'C', 'D']);
    // The last one standing is the one no lot drew.
    expect(one!.elected).toEqual(
      ['A', 'B', 'C', 'D'].filter((c) => !one!.lots.some((l) => l.drawn === c)),
    );
  }, 60_000);
});
