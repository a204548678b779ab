import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');

/**
 * Runs a fixture in a child process until it prints its first line, then kills it with SIGKILL
 * (no cleanup, no flush: a crash). Node itself runs it with tsx as a loader — the tsx CLI would
 * put a second process in between that SIGKILL would not reach.
 */
export async function runUntilFirstLineThenKill(
  fixture: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<string> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(fixtures, fixture), ...args],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const line = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const newline = out.indexOf('\n');
      if (newline >= 0) resolve(out.slice(0, newline));
    });
    child.on('exit', (code) => reject(new Error(`${fixture} exited early (${code}): ${stderr}`)));
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
  return line;
}
