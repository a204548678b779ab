// The parent's side of a benchmark: a fresh PostgreSQL database, Tocsin nodes and load
// generators as child processes, members seeded in bulk, and the HTTP calls that drive incidents.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { getPriority, setPriority, tmpdir } from 'node:os';
import path from 'node:path';
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import pg from 'pg';
import {
  AreaDirectory,
  type AreaSnapshot,
} from '../../packages/server/src/membership/areas/area-directory';
import {
  openDatabase,
  type DatabaseHandle,
  type Db,
} from '../../packages/server/src/platform/db/database';
import { keyedHash, randomToken } from '../../packages/server/src/membership/auth/crypto';
import type { Role } from '@tocsin/core';
import { forkChild, type Child } from './ipc';
import type { ArrivalStats, ClientSpec } from './loadgen';
import type { EventTiming } from './node';

export const PG_ADMIN_URL =
  process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** Set it to get CPU profiles of the measured part of each benchmark's Tocsin nodes. */
export const PROFILE_DIR = process.env.BENCH_PROFILE_DIR ?? null;
export const NATS_URL = process.env.BENCH_NATS_URL ?? 'nats://127.0.0.1:4222';

/** A fresh database on the local PostgreSQL; dropped by `drop()`. */
export async function freshDatabase(
  name = 'tocsin_bench',
): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = async (query: string) => {
    const client = new pg.Client({ connectionString: PG_ADMIN_URL });
    await client.connect();
    try {
      await client.query(query);
    } finally {
      await client.end();
    }
  };
  await admin(`drop database if exists ${name} with (force)`);
  await admin(`create database ${name}`);
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}

/** Deletes a JetStream stream the benchmark created. */
export async function deleteStream(stream: string): Promise<void> {
  const nc = await connect({ servers: NATS_URL });
  try {
    await (await jetstreamManager(nc)).streams.delete(stream).catch(() => false);
  } finally {
    await nc.close();
  }
}

// Loopback source addresses 127.0.0.2–127.0.0.254, handed out in turn so no address carries
// more than PER_ADDRESS client sockets at once (~28k ephemeral ports each).
const PER_ADDRESS = 2_000;
let nextAddress = 2;
export function sourceAddresses(sockets: number): string[] {
  const count = Math.max(1, Math.ceil(sockets / PER_ADDRESS));
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    out.push(`127.0.0.${nextAddress}`);
    nextAddress = nextAddress >= 254 ? 2 : nextAddress + 1;
  }
  return out;
}

export interface NodeOptions {
  databaseUrl: string;
  secret: Buffer;
  nats?: { url: string; stream: string };
  nodeId: string;
  execArgv?: string[];
  env?: Record<string, string>;
}

/** A Tocsin node process. */
export class TocsinNode {
  private constructor(
    readonly child: Child,
    readonly url: string,
    readonly dataDir: string,
  ) {}

  static async start(options: NodeOptions): Promise<TocsinNode> {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'tocsin-bench-'));
    const child = forkChild('./node.ts', {
      execArgv: options.execArgv ?? [],
      env: {
        PORT: '0',
        HOST: '127.0.0.1',
        DATABASE_URL: options.databaseUrl,
        TOCSIN_DATA_DIR: dataDir,
        TOCSIN_SECRET: options.secret.toString('base64url'),
        TOCSIN_NODE_ID: options.nodeId,
        // Benchmark clients come from a few addresses; the limit is per client key anyway.
        TOCSIN_RATE_LIMIT: '1000000',
        LOG_LEVEL: 'warn',
        ...(options.nats
          ? { NATS_URL: options.nats.url, TOCSIN_NATS_STREAM: options.nats.stream }
          : {}),
        ...options.env,
      },
    });
    const url = await child.request<string>({ op: 'start' }, 120_000);
    return new TocsinNode(child, url, dataDir);
  }

  get wsUrl(): string {
    return `${this.url.replace(/^http/, 'ws')}/api/v1/stream`;
  }

  sockets(): Promise<number> {
    return this.child.request<number>({ op: 'sockets' });
  }

  /** The node's process and its stream workers'. */
  pids(): Promise<number[]> {
    return this.child.request<number[]>({ op: 'pids' });
  }

  /** Every alert event's timing on this node, by `incidentId:kind`. */
  alertTimings(): Promise<Record<string, EventTiming>> {
    return this.child.request<Record<string, EventTiming>>({ op: 'alertTimings' });
  }

  timings(ids: string[]): Promise<EventTiming[]> {
    return this.child.request<EventTiming[]>({ op: 'timings', ids });
  }

  memory(): Promise<NodeJS.MemoryUsage> {
    return this.child.request<NodeJS.MemoryUsage>({ op: 'memory' });
  }

  loopDelay(): Promise<{ p50: number; p99: number; max: number }> {
    return this.child.request({ op: 'loopDelay' });
  }

  cpu(): Promise<NodeJS.CpuUsage> {
    return this.child.request({ op: 'cpu' });
  }

  /** Profiles the node's CPU until profileStop when BENCH_PROFILE_DIR is set. */
  async profileStart(): Promise<void> {
    if (PROFILE_DIR) await this.child.request({ op: 'profileStart' });
  }

  /** Writes the profile to BENCH_PROFILE_DIR/<name>.cpuprofile; returns its path. */
  async profileStop(name: string): Promise<string | null> {
    if (!PROFILE_DIR) return null;
    await mkdir(PROFILE_DIR, { recursive: true });
    const file = path.join(PROFILE_DIR, `${name}.cpuprofile`);
    await this.child.request({ op: 'profileStop', file });
    return file;
  }

  async stop(): Promise<void> {
    await this.child.stop();
    await rm(this.dataDir, { recursive: true, force: true });
  }

  async post<T>(token: string, url: string, body: object): Promise<{ status: number; body: T }> {
    const response = await fetch(`${this.url}/api/v1${url}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as T };
  }

  /** A report at a point; returns the incident it joined or opened. */
  async report(
    token: string,
    location: { lat: number; lng: number },
  ): Promise<{ id: string; state: string }> {
    const r = await this.post<{ incident: { id: string; state: string } }>(token, '/reports', {
      salute: {
        activity: 'agents detaining people',
        location: { lat: location.lat, lng: location.lng },
      },
    });
    if (r.status !== 201) throw new Error(`report: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.incident;
  }

  async verify(token: string, incidentId: string, outcome: string): Promise<void> {
    const r = await this.post(token, `/incidents/${incidentId}/verification`, { outcome });
    if (r.status !== 200) throw new Error(`verify: ${r.status} ${JSON.stringify(r.body)}`);
  }
}

/** A load generator process holding WebSocket clients. */
/** Makes a child `niceness` nicer than this process (a lower CPU priority). */
function lowerPriority(child: Child, niceness: number): void {
  const pid = child.process.pid;
  if (niceness > 0 && pid) setPriority(pid, Math.min(19, getPriority() + niceness));
}

export class LoadGen {
  private constructor(readonly child: Child) {}

  /** `niceness`: how much lower than this process its CPU priority is (0: the same). */
  static start(niceness = 0): LoadGen {
    const child = forkChild('./loadgen.ts');
    lowerPriority(child, niceness);
    return new LoadGen(child);
  }

  /** Opens one client per spec (null: a bare socket with no hello), spread over source addresses. */
  async connect(
    url: string,
    clients: (ClientSpec | null)[],
    options: { concurrency?: number; acks?: boolean } = {},
  ): Promise<{ connected: number; failed: number; ms: number }> {
    const result = await this.child.request<{
      connected: number;
      failed: number;
      ms: number;
      why?: string[];
    }>(
      {
        op: 'connect',
        url,
        clients,
        sources: sourceAddresses(clients.length),
        concurrency: options.concurrency ?? 100,
        acks: options.acks ?? true,
      },
      300_000,
    );
    if (result.failed > 0)
      throw new Error(
        `${result.failed} of ${clients.length} clients failed to connect (${(result.why ?? []).join('; ')})`,
      );
    return result;
  }

  /** Waits for `count` arrivals of an alert (key: `incidentId:kind`). */
  expect(
    key: string,
    count: number,
    options: { timeoutMs?: number; settleMs?: number; clients?: boolean } = {},
  ): Promise<ArrivalStats & { timedOut: boolean }> {
    const timeoutMs = options.timeoutMs ?? 30_000;
    return this.child.request(
      {
        op: 'expect',
        key,
        count,
        timeoutMs,
        settleMs: options.settleMs ?? 0,
        clients: options.clients ?? false,
      },
      timeoutMs + (options.settleMs ?? 0) + 10_000,
    );
  }

  stats(key: string, clients = false): Promise<ArrivalStats> {
    return this.child.request({ op: 'stats', key, clients });
  }

  move(locations: ({ lat: number; lng: number } | null)[]): Promise<number> {
    return this.child.request({ op: 'move', locations });
  }

  setAcks(acks: boolean): Promise<boolean> {
    return this.child.request({ op: 'setAcks', acks });
  }

  /** Drops every client at once, without a close handshake (a network blip). */
  drop(): Promise<boolean> {
    return this.child.request({ op: 'close' });
  }

  ordering(): Promise<{
    clients: number;
    messages: number;
    outOfOrder: number;
    duplicates: number;
  }> {
    return this.child.request({ op: 'ordering' });
  }

  stop(): Promise<void> {
    return this.child.stop();
  }
}

/** The bare `ws` baseline server process. */
export class BareServer {
  private constructor(
    readonly child: Child,
    readonly url: string,
  ) {}

  static async start(execArgv: string[] = [], niceness = 0): Promise<BareServer> {
    const child = forkChild('./bare-server.ts', { execArgv });
    lowerPriority(child, niceness);
    return new BareServer(child, await child.request<string>({ op: 'listen' }));
  }

  broadcast(payload: string): Promise<{ start: number; sendMs: number; sockets: number }> {
    return this.child.request({ op: 'broadcast', payload });
  }

  memory(): Promise<NodeJS.MemoryUsage> {
    return this.child.request<NodeJS.MemoryUsage>({ op: 'memory' });
  }

  stop(): Promise<void> {
    return this.child.stop();
  }
}

export interface SeededMember {
  id: string;
  token: string;
}

/** Direct database access for seeding and checks, with the deployment's server key. */
export class Seeder {
  constructor(
    readonly db: Db,
    readonly secret: Buffer,
    private readonly database: DatabaseHandle | null = null,
  ) {}

  static async open(url: string, secret: Buffer): Promise<Seeder> {
    const database = await openDatabase({ kind: 'postgres', url });
    return new Seeder(database.db, secret, database);
  }

  areas(): Promise<AreaSnapshot> {
    return new AreaDirectory(this.db).get();
  }

  /**
   * Inserts members in bulk, each with an open session and roles, and saved alert preferences
   * when given (otherwise they follow the neighborhoods of their roles, the default).
   */
  async members(
    count: number,
    options: {
      roles?: (i: number) => { areaId: string; role: Role }[];
      prefs?: (i: number) => {
        areaIds: string[];
        placeCells?: string[];
        radiusMeters: number;
        minLevel: 'unconfirmed' | 'confirmed';
      };
      sponsorId?: string | null;
    } = {},
  ): Promise<SeededMember[]> {
    const now = new Date();
    const out: SeededMember[] = [];
    const CHUNK = 1_000;
    for (let start = 0; start < count; start += CHUNK) {
      const members = [];
      const sessions = [];
      const roles = [];
      const prefs = [];
      for (let i = start; i < Math.min(count, start + CHUNK); i++) {
        const id = randomUUID();
        const token = randomToken(32);
        out.push({ id, token });
        members.push({
          id,
          handle: `bench-${id}`,
          display_name: null,
          status: 'active' as const,
          sponsor_id: options.sponsorId ?? null,
          language: null,
          created_at: now,
        });
        sessions.push({
          id: randomUUID(),
          token_hash: keyedHash(this.secret, 'session', token),
          member_id: id,
          method: 'device_key' as const,
          created_at: now,
          last_seen_at: now,
          expires_at: new Date(now.getTime() + 30 * 86_400_000),
        });
        for (const r of options.roles?.(i) ?? [])
          roles.push({
            member_id: id,
            area_id: r.areaId,
            role: r.role,
            granted_by: null,
            granted_at: now,
          });
        const p = options.prefs?.(i);
        if (p)
          prefs.push({
            member_id: id,
            area_ids: JSON.stringify(p.areaIds),
            place_cells: JSON.stringify(p.placeCells ?? []),
            radius_meters: p.radiusMeters,
            min_level: p.minLevel,
            updated_at: now,
          });
      }
      await this.db.insertInto('members').values(members).execute();
      await this.db.insertInto('sessions').values(sessions).execute();
      if (roles.length) await this.db.insertInto('area_roles').values(roles).execute();
      if (prefs.length) await this.db.insertInto('alert_preferences').values(prefs).execute();
    }
    return out;
  }

  async close(): Promise<void> {
    await this.database?.close();
  }
}

export function newSecret(): Buffer {
  return randomBytes(32);
}

/** Stops everything given, ignoring errors, in order. */
export async function stopAll(
  things: ({ stop: () => Promise<void> } | null | undefined)[],
): Promise<void> {
  for (const thing of things) await thing?.stop().catch(() => undefined);
}
