// The stream's constants, free of zod so the web app can import them at run time without
// pulling the schema library into its bundle (the message schemas are in ./stream).

/** The one version of the stream protocol this server speaks; a client's hello names it. */
export const STREAM_PROTOCOL_VERSION = 1;

/** WebSocket close codes of the stream (4000–4999 are the application's). */
export const STREAM_CLOSE = {
  badHello: 4400,
  unauthorized: 4401,
  forbiddenOrigin: 4403,
  helloTimeout: 4408,
  suspended: 4409,
  /** The hello named no version, or one this server does not speak. */
  unsupportedVersion: 4426,
  goingAway: 1001,
  /** The database is away (a restart, a failover): reconnect in a while. */
  tryAgainLater: 1013,
} as const;
