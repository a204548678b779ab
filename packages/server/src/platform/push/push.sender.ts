import webpush from 'web-push';
import type { PushTransport } from './push.transport';
import type { VapidKeys } from '../config';

export interface PushTarget {
  id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
}

export interface PushSettings {
  vapid: VapidKeys;
  /** VAPID `sub`: the contact push services see. */
  subject: string;
  transport: PushTransport;
  /** How long the push service keeps an undelivered push. */
  ttlSeconds: number;
  /** A socket silent this long fails the push. */
  timeoutMs: number;
  /** Pushes in flight at once. */
  concurrency: number;
}

/** Sent (2xx), gone (404/410: the browser unsubscribed, delete it) or failed (try next time). */
export type PushOutcome = 'sent' | 'gone' | 'failed';

// Every push of a deployment shares one topic, so a phone that was offline gets the latest
// wake-up, not a queue of them: it fetches everything it missed when opened anyway.
const TOPIC = 'tocsin-alert';

/**
 * Sends one push without a payload (nothing about the incident leaves the server; the app fetches
 * what happened when it is opened), signed with VAPID. Resolves with the outcome, never throws.
 */
export async function sendContentFree(
  target: PushTarget,
  settings: PushSettings,
): Promise<PushOutcome> {
  let url: URL;
  try {
    url = new URL(target.endpoint);
  } catch {
    return 'gone';
  }
  if (!settings.transport.allows(url)) return 'gone';
  try {
    await webpush.sendNotification(
      { endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } },
      null,
      {
        vapidDetails: {
          subject: settings.subject,
          publicKey: settings.vapid.publicKey,
          privateKey: settings.vapid.privateKey,
        },
        TTL: settings.ttlSeconds,
        urgency: 'high',
        topic: TOPIC,
        agent: settings.transport.agent,
        timeout: settings.timeoutMs,
      },
    );
    return 'sent';
  } catch (error) {
    const status = error instanceof webpush.WebPushError ? error.statusCode : 0;
    return status === 404 || status === 410 ? 'gone' : 'failed';
  }
}

/** Sends to every target, at most `concurrency` at a time; stops starting new ones on abort. */
export async function sendAll(
  targets: readonly PushTarget[],
  settings: PushSettings,
  signal: AbortSignal,
): Promise<Map<string, PushOutcome>> {
  const outcomes = new Map<string, PushOutcome>();
  let next = 0;
  const worker = async () => {
    for (let target = targets[next++]; target && !signal.aborted; target = targets[next++]) {
      outcomes.set(target.id, await sendContentFree(target, settings));
    }
  };
  await Promise.all(Array.from({ length: Math.min(settings.concurrency, targets.length) }, worker));
  return outcomes;
}
