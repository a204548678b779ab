import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deviceKey } from './helpers/identity';

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../bin/tocsin.js');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(
  args: string[],
  env: Record<string, string>,
): { child: ChildProcess; done: Promise<Run> } {
  const child = spawn(process.execPath, [bin, ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const done = new Promise<Run>((resolve) =>
    child.on('exit', (code) => resolve({ code, stdout, stderr })),
  );
  return { child, done };
}

describe('tocsin command', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'tocsin-cli-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('prints help for the command and each subcommand', async () => {
    const top = await run(['--help'], {}).done;
    expect(top.code).toBe(0);
    expect(top.stdout).toContain('start');
    expect(top.stdout).toContain('migrate');
    const start = await run(['start', '--help'], {}).done;
    expect(start.code).toBe(0);
    expect(start.stdout).toContain('--port');
  });

  it('migrates an empty embedded database, then finds it up to date', async () => {
    const first = await run(['migrate'], { TOCSIN_DATA_DIR: dataDir }).done;
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/Applied \d+ migration/);
    const second = await run(['migrate'], { TOCSIN_DATA_DIR: dataDir }).done;
    expect(second.stdout).toContain('up to date');
  });

  it('prints an operator invite link', async () => {
    const result = await run(['invite', '--role', 'admin'], { TOCSIN_DATA_DIR: dataDir }).done;
    expect(result.code, result.stderr).toBe(0);
    // With no public URL, a link a browser can use for passkeys and the session cookie.
    expect(result.stdout).toMatch(
      /Single-use admin invite.*\nhttp:\/\/localhost:\d+\/join#[A-Za-z0-9_-]{22}\n/,
    );
    const bad = await run(['invite', '--role', 'king'], { TOCSIN_DATA_DIR: dataDir }).done;
    expect(bad.code).toBe(64);
  });

  it('lists role grants waiting for a countersign and refuses an unknown or malformed id', async () => {
    const env = { TOCSIN_DATA_DIR: dataDir };
    const list = await run(['grants'], env).done;
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toBe('No role grant is waiting for a countersign.\n');
    const malformed = await run(['countersign', 'not-an-id'], env).done;
    expect(malformed.code).toBe(64);
    const unknown = await run(['countersign', '00000000-0000-4000-8000-000000000000'], env).done;
    expect(unknown.code).toBe(65);
    expect(unknown.stderr).toContain('No such role grant');
  });

  it('refuses to start on invalid configuration, naming the variable', async () => {
    const result = await run(['start'], { TOCSIN_DATA_DIR: dataDir, PORT: 'eighty' }).done;
    expect(result.code).toBe(78);
    expect(result.stderr).toContain('PORT:');
  });

  it('starts, serves, and shuts down gracefully on SIGTERM', async () => {
    const { child, done } = run(['start', '--port', '0'], {
      TOCSIN_DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
    });
    let out = '';
    child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
    const waitFor = async (pattern: RegExp): Promise<RegExpExecArray> => {
      for (let i = 0; i < 600; i++) {
        const match = pattern.exec(out);
        if (match) return match;
        if (child.exitCode !== null) throw new Error(`exited: ${out}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`no ${String(pattern)} in: ${out}`);
    };
    const url = (await waitFor(/listening on (http:\/\/\S+)/))[1]!;
    const ready = await fetch(`${url}/api/v1/ready`);
    expect(ready.status).toBe(200);

    // First start: one admin invite printed; it makes the first admin.
    const printed = (await waitFor(/http:\/\/localhost:\d+\/join#([A-Za-z0-9_-]+)/))[1]!;
    const admin = await fetch(`${url}/api/v1/auth/device/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ invite: printed, publicKey: deviceKey().publicKey }),
    });
    expect(admin.status).toBe(201);
    const { token } = (await admin.json()) as { token: string };
    const me = await fetch(`${url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(
      ((await me.json()) as { status: string; roles: { role: string }[] }).roles.map((r) => r.role),
    ).toContain('admin');

    child.kill('SIGTERM');
    const result = await done;
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('"msg":"shutting down"');
    expect(result.stdout).toContain('"msg":"stopped"');
    // The plate key was made in the data dir (the zero-config default), and the start says so.
    expect((await stat(path.join(dataDir, 'plate.key'))).mode & 0o777).toBe(0o600);
    expect(result.stdout).toContain('the plate key sits in or beside the data dir');
  });
});
