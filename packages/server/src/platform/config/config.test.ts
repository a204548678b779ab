import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, envToConfig } from './config';
import { readEnv } from './env';
import { envToSecrets } from './secrets';

describe('configuration', () => {
  it('runs with zero configuration: PGlite in ./data, memory bus, 127.0.0.1:8080', () => {
    const config = envToConfig(readEnv({}));
    expect(config.port).toBe(8080);
    expect(config.host).toBe('127.0.0.1');
    expect(config.dataDir).toBe(path.resolve('./data'));
    expect(config.database).toEqual({ kind: 'pglite', dataDir: path.resolve('./data/pg') });
    expect(config.nats).toBeNull();
    expect(config.bodyLimit).toBe(64 * 1024);
    expect(config.behindTls).toBe(false);
  });

  it('reads PostgreSQL and NATS from their URLs', () => {
    const config = envToConfig(
      readEnv({
        DATABASE_URL: 'postgres://postgres@127.0.0.1/tocsin',
        NATS_URL: 'nats://127.0.0.1:4222',
        TOCSIN_PUBLIC_URL: 'https://tocsin.example.org',
      }),
    );
    expect(config.database).toEqual({
      kind: 'postgres',
      url: 'postgres://postgres@127.0.0.1/tocsin',
    });
    expect(config.nats).toEqual({ url: 'nats://127.0.0.1:4222', stream: 'TOCSIN' });
    expect(config.behindTls).toBe(true);
  });

  it('treats empty variables as unset', () => {
    expect(readEnv({ PORT: '', HOST: '  ' })).toEqual({});
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://localhost/tocsin'],
    ['NATS_URL', 'http://localhost:4222'],
    ['TOCSIN_BODY_LIMIT', '10'],
    ['LOG_LEVEL', 'loud'],
    ['TOCSIN_TRUST_PROXY', 'yes'],
    ['TOCSIN_VAPID_SUBJECT', 'admin@example.org'],
  ])('fails naming %s when it is %s', (name, value) => {
    expect(() => envToConfig(readEnv({ [name]: value }))).toThrow(ConfigError);
    expect(() => envToConfig(readEnv({ [name]: value }))).toThrow(new RegExp(`${name}:`));
  });
});

describe('secrets', () => {
  it('creates a server key on first start and reuses it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'tocsin-secrets-'));
    try {
      const first = await envToSecrets({}, dir);
      const second = await envToSecrets({}, dir);
      expect(first.serverKey.length).toBe(32);
      expect(second.serverKey.equals(first.serverKey)).toBe(true);
      expect((await readFile(path.join(dir, 'server.key'), 'utf8')).trim()).toBe(
        first.serverKey.toString('base64url'),
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('takes TOCSIN_SECRET when given and refuses a short one', async () => {
    const key = Buffer.alloc(32, 7).toString('base64url');
    expect((await envToSecrets({ TOCSIN_SECRET: key }, '/nonexistent')).serverKey.length).toBe(32);
    await expect(envToSecrets({ TOCSIN_SECRET: 'c2hvcnQ' }, '/nonexistent')).rejects.toThrow(
      /TOCSIN_SECRET:/,
    );
  });
});
