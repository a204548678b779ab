import type { TocsinConfig } from '../platform/config/config';

const LOCAL_HOSTS = new Set(['127.0.0.1', '::1', '0.0.0.0', '::', 'localhost']);

/**
 * The address the operator opens in a browser for links the CLI prints: the public URL when one
 * is set; otherwise this server's, with `localhost` in place of a loopback or wildcard address.
 * Passkeys and the `__Host-` session cookie need a host name and a secure context, and browsers
 * treat `http://localhost` as one; `http://127.0.0.1` gets neither a passkey nor the cookie.
 */
export function browserBaseUrl(config: Pick<TocsinConfig, 'publicUrl' | 'host'>, port: number) {
  if (config.publicUrl) return config.publicUrl;
  const host = LOCAL_HOSTS.has(config.host)
    ? 'localhost'
    : config.host.includes(':')
      ? `[${config.host}]`
      : config.host;
  return `http://${host}:${port}`;
}
