import { Agent } from 'node:https';

/**
 * Where pushes may go and how they travel. Endpoints come from members' browsers, so sending to
 * any URL would let a member point the server at internal hosts (SSRF) or at someone else's
 * server; only the browsers' push services are allowed. Tests swap in a transport that trusts a
 * local push service (AppContext.pushTransport).
 */
export interface PushTransport {
  /** Whether the server may POST to this endpoint. */
  allows(endpoint: URL): boolean;
  /** The agent requests go through; kept alive between pushes. */
  agent: Agent;
}

/** The push services of Chrome/Edge/Opera/Brave (FCM), Firefox, Safari and Edge on Windows. */
export const PUSH_SERVICE_HOSTS = [
  'fcm.googleapis.com',
  'push.services.mozilla.com',
  'push.apple.com',
  'notify.windows.com',
];

/** Whether a URL is https on the default port at one of `hosts` or a subdomain of one. */
export function isPushServiceUrl(url: URL, hosts: readonly string[] = PUSH_SERVICE_HOSTS): boolean {
  if (url.protocol !== 'https:' || url.port !== '' || url.username || url.password) return false;
  return hosts.some((host) => url.hostname === host || url.hostname.endsWith(`.${host}`));
}

/** The production transport: known push services only, a bounded keep-alive agent. */
export function defaultPushTransport(): PushTransport {
  return {
    allows: (url) => isPushServiceUrl(url),
    agent: new Agent({ keepAlive: true, maxSockets: 32 }),
  };
}
