import { hostname } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { TocsinEnv } from './env';

const DAY_MS = 86_400_000;
const REPO_ROOT = path.resolve(fileURLToPath(import.meta.url), '../../../../../..');

export const DEFAULT_WEB_DIR = path.join(REPO_ROOT, 'packages/web/dist');
export const DEFAULT_CITY_PACK = path.join(REPO_ROOT, 'cities/minneapolis');

const urlWithProtocols = (protocols: string[]) =>
  z.url().refine((value) => protocols.some((p) => value.startsWith(`${p}://`)), {
    message: `must start with ${protocols.map((p) => `${p}://`).join(' or ')}`,
  });

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('127.0.0.1'),
  TOCSIN_DATA_DIR: z.string().default('./data'),
  DATABASE_URL: urlWithProtocols(['postgres', 'postgresql']).optional(),
  NATS_URL: urlWithProtocols(['nats', 'tls']).optional(),
  TOCSIN_NATS_STREAM: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only')
    .default('TOCSIN'),
  TOCSIN_NODE_ID: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only')
    .optional(),
  TOCSIN_PUBLIC_URL: urlWithProtocols(['http', 'https']).optional(),
  TOCSIN_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  TOCSIN_BODY_LIMIT: z.coerce
    .number()
    .int()
    .min(1024)
    .max(64 * 1024 * 1024)
    .default(64 * 1024),
  TOCSIN_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(300),
  TOCSIN_WEB_DIR: z.string().default(DEFAULT_WEB_DIR),
  TOCSIN_CITY_PACK: z.string().default(DEFAULT_CITY_PACK),
  TOCSIN_SESSION_IDLE_DAYS: z.coerce.number().min(1).max(365).default(30),
  TOCSIN_SESSION_MAX_DAYS: z.coerce.number().min(1).max(3650).default(180),
  TOCSIN_VAPID_SUBJECT: z
    .string()
    .refine(
      (v) => /^mailto:[^@\s]+@[^@\s]+$/.test(v) || (v.startsWith('https://') && URL.canParse(v)),
      'must be a mailto: address or an https:// URL',
    )
    .optional(),
  TOCSIN_PLATE_KEY_FILE: z.string().optional(),
  TOCSIN_STREAM_WORKERS: z.coerce.number().int().min(0).max(64).default(0),
  TOCSIN_STREAM_WORKER_NICENESS: z.coerce.number().int().min(0).max(19).default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** scrypt parameters of the plate hash (N a power of two). */
export interface PlateHashCost {
  N: number;
  r: number;
  p: number;
}

/**
 * What every deployment uses: 32 MiB of memory and about 50–90 ms of one core per plate, so a
 * copy of the database and the key still costs that much per guessed plate (SECURITY-REPORT.md).
 * Not configurable by environment: only a context built by hand (tests) can lower it.
 */
export const PRODUCTION_PLATE_HASH: PlateHashCost = { N: 2 ** 15, r: 8, p: 1 };

export type DatabaseConfig =
  { kind: 'pglite'; dataDir: string | null } | { kind: 'postgres'; url: string; schema?: string };

export interface TocsinConfig {
  port: number;
  host: string;
  dataDir: string;
  database: DatabaseConfig;
  nats: { url: string; stream: string } | null;
  nodeId: string;
  publicUrl: string | null;
  /** HSTS is only sent when the public URL is https: a plain-http install must stay reachable. */
  behindTls: boolean;
  trustProxy: boolean;
  bodyLimit: number;
  /** Requests per minute per client key. */
  rateLimitPerMinute: number;
  webDir: string;
  /** The city pack loaded on first start when the database has none. */
  cityPack: string;
  sessions: { idleMs: number; maxMs: number };
  /** The contact push services see in every web push (VAPID `sub`). */
  vapidSubject: string;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  /** The plate hash's cost: PRODUCTION_PLATE_HASH from the environment, always. */
  plateHash: PlateHashCost;
  /** Where the plate key is kept when TOCSIN_PLATE_KEY is unset (default: the data dir). */
  plateKeyFile: string;
  /**
   * Processes that hold the stream's sockets beside the one that answers the API (0: this
   * process holds them). Each is a node of its own on the shared PostgreSQL and NATS (ADR 0038).
   */
  streamWorkers: number;
  /** How much lower than this process's the workers' CPU priority is (0: the same). */
  streamWorkerNiceness: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Validates the environment and fills defaults; a bad value throws naming the variable. */
export function envToConfig(env: TocsinEnv): TocsinConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || '(environment)'}: ${issue.message}`,
    );
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  if (e.TOCSIN_STREAM_WORKERS > 0 && (!e.DATABASE_URL || !e.NATS_URL)) {
    // A worker is a node of its own: it needs the database and the bus every node shares.
    throw new ConfigError(
      'Invalid configuration:\n  TOCSIN_STREAM_WORKERS: needs DATABASE_URL and NATS_URL (each worker is a node on the shared PostgreSQL and NATS)',
    );
  }
  const dataDir = path.resolve(e.TOCSIN_DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'pglite', dataDir: path.join(dataDir, 'pg') },
    nats: e.NATS_URL ? { url: e.NATS_URL, stream: e.TOCSIN_NATS_STREAM } : null,
    nodeId: e.TOCSIN_NODE_ID ?? `${hostname().replace(/[^A-Za-z0-9_-]/g, '-')}-${e.PORT}`,
    publicUrl: e.TOCSIN_PUBLIC_URL ?? null,
    behindTls: e.TOCSIN_PUBLIC_URL?.startsWith('https://') ?? false,
    trustProxy: e.TOCSIN_TRUST_PROXY === 'true',
    bodyLimit: e.TOCSIN_BODY_LIMIT,
    rateLimitPerMinute: e.TOCSIN_RATE_LIMIT,
    webDir: path.resolve(e.TOCSIN_WEB_DIR),
    cityPack: path.resolve(e.TOCSIN_CITY_PACK),
    sessions: {
      idleMs: e.TOCSIN_SESSION_IDLE_DAYS * DAY_MS,
      maxMs: Math.max(e.TOCSIN_SESSION_MAX_DAYS, e.TOCSIN_SESSION_IDLE_DAYS) * DAY_MS,
    },
    // Apple refuses a localhost subject; the https public URL is the usual contact.
    vapidSubject:
      e.TOCSIN_VAPID_SUBJECT ??
      (e.TOCSIN_PUBLIC_URL?.startsWith('https://')
        ? new URL(e.TOCSIN_PUBLIC_URL).origin
        : 'mailto:tocsin@localhost'),
    logLevel: e.LOG_LEVEL,
    plateHash: PRODUCTION_PLATE_HASH,
    plateKeyFile: path.resolve(e.TOCSIN_PLATE_KEY_FILE ?? path.join(dataDir, 'plate.key')),
    streamWorkers: e.TOCSIN_STREAM_WORKERS,
    streamWorkerNiceness: e.TOCSIN_STREAM_WORKER_NICENESS,
  };
}
