import { defaultPushTransport, sendAll, type AppContext, type PushSettings } from '../../platform';
import { subscriptionsOf } from '../../membership';
import { logPushes } from './bulletin.repository';

export type PushKind = 'posts' | 'digest' | 'reminder';

/** Bulletin pushes wake the phone about calm news: one that could not arrive in 12 h is stale. */
const SETTINGS = { ttlSeconds: 12 * 3_600, timeoutMs: 10_000, concurrency: 8 };

/**
 * Sends the bulletin's content-free pushes (the app fetches the bulletin or the digest when
 * opened, and words the notification in the member's language) and logs who was buzzed when,
 * with no content, for the calm rules' checks. Without VAPID keys only the log is written.
 */
export class Notifier {
  readonly #settings: PushSettings | null;
  readonly #ownTransport: boolean;
  readonly #abort = new AbortController();

  constructor(private readonly ctx: AppContext) {
    const vapid = ctx.secrets.vapid;
    this.#ownTransport = vapid !== undefined && !ctx.pushTransport;
    this.#settings = vapid
      ? {
          ...SETTINGS,
          vapid,
          subject: ctx.config.vapidSubject,
          transport: ctx.pushTransport ?? defaultPushTransport(),
        }
      : null;
  }

  async push(memberIds: readonly string[], kind: PushKind, at: Date): Promise<void> {
    if (memberIds.length === 0) return;
    await logPushes(this.ctx.db, memberIds, kind, at);
    if (!this.#settings) return;
    const targets = await subscriptionsOf(this.ctx.db, memberIds);
    await sendAll(targets, this.#settings, this.#abort.signal);
  }

  close(): void {
    this.#abort.abort();
    if (this.#ownTransport) this.#settings?.transport.agent.destroy();
  }
}
