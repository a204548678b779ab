/** The raw environment variables Tocsin reads; every one is documented in README.md. */
export interface TocsinEnv {
  PORT?: string;
  HOST?: string;
  TOCSIN_DATA_DIR?: string;
  DATABASE_URL?: string;
  NATS_URL?: string;
  TOCSIN_NATS_STREAM?: string;
  TOCSIN_NODE_ID?: string;
  TOCSIN_PUBLIC_URL?: string;
  TOCSIN_TRUST_PROXY?: string;
  TOCSIN_BODY_LIMIT?: string;
  TOCSIN_RATE_LIMIT?: string;
  TOCSIN_WEB_DIR?: string;
  TOCSIN_SECRET?: string;
  TOCSIN_PLATE_KEY?: string;
  TOCSIN_PLATE_KEY_FILE?: string;
  TOCSIN_CITY_PACK?: string;
  TOCSIN_SESSION_IDLE_DAYS?: string;
  TOCSIN_SESSION_MAX_DAYS?: string;
  TOCSIN_VAPID_PUBLIC_KEY?: string;
  TOCSIN_VAPID_PRIVATE_KEY?: string;
  TOCSIN_VAPID_SUBJECT?: string;
  TOCSIN_STREAM_WORKERS?: string;
  TOCSIN_STREAM_WORKER_NICENESS?: string;
  LOG_LEVEL?: string;
}

const KEYS: (keyof TocsinEnv)[] = [
  'PORT',
  'HOST',
  'TOCSIN_DATA_DIR',
  'DATABASE_URL',
  'NATS_URL',
  'TOCSIN_NATS_STREAM',
  'TOCSIN_NODE_ID',
  'TOCSIN_PUBLIC_URL',
  'TOCSIN_TRUST_PROXY',
  'TOCSIN_BODY_LIMIT',
  'TOCSIN_RATE_LIMIT',
  'TOCSIN_WEB_DIR',
  'TOCSIN_SECRET',
  'TOCSIN_PLATE_KEY',
  'TOCSIN_PLATE_KEY_FILE',
  'TOCSIN_CITY_PACK',
  'TOCSIN_SESSION_IDLE_DAYS',
  'TOCSIN_SESSION_MAX_DAYS',
  'TOCSIN_VAPID_PUBLIC_KEY',
  'TOCSIN_VAPID_PRIVATE_KEY',
  'TOCSIN_VAPID_SUBJECT',
  'TOCSIN_STREAM_WORKERS',
  'TOCSIN_STREAM_WORKER_NICENESS',
  'LOG_LEVEL',
];

/** Picks Tocsin's variables out of a process environment; empty strings count as unset. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): TocsinEnv {
  const env: TocsinEnv = {};
  for (const key of KEYS) {
    const value = source[key];
    if (value !== undefined && value.trim() !== '') env[key] = value.trim();
  }
  return env;
}
