import type { AppContext, Logger } from '../../../platform';
import type { AlertCreated } from '../../incidents';
import { recordDeliveries } from '../deliveries.repository';

const RECORD_ATTEMPTS = 5;

/**
 * Delivery-log writes in flight, by incident (a live fan-out's, and replays' to one member each):
 * an alert of the same incident reads its log only after them, and a retraction, all-clear or
 * merge update (audience `delivered`) after all of them. Acks wait for all too, or they could
 * refer to rows not written yet.
 */
export class DeliveryRecorder {
  readonly #recording = new Map<string, Promise<void>>();

  constructor(
    private readonly ctx: AppContext,
    private readonly logger: Logger,
  ) {}

  /** The writes in flight for one incident, settled, failed or not (nothing when none). */
  async forIncident(incidentId: string): Promise<void> {
    await this.#recording.get(incidentId)?.catch(() => undefined);
  }

  /** Every delivery-log write in flight, settled, failed or not. */
  async recorded(): Promise<void> {
    await Promise.allSettled(this.#recording.values());
  }

  /**
   * Writes deliveries to the log, retrying a failed write (5 tries over ~3 s); then rejects, so the
   * event is not acknowledged and comes again (the log is read anew and the alert resent).
   */
  record(alert: AlertCreated, memberIds: string[]): Promise<void> {
    const incidentId = alert.incident.id;
    const previous = this.#recording.get(incidentId) ?? Promise.resolve();
    const write = async () => {
      await previous.catch(() => undefined);
      const at = this.ctx.clock.now();
      for (let attempt = 1; ; attempt++) {
        try {
          await recordDeliveries(
            this.ctx.db,
            { alertId: alert.alertId, incidentId, kind: alert.kind, seq: alert.seq },
            memberIds,
            at,
          );
          return;
        } catch (error) {
          if (attempt >= RECORD_ATTEMPTS) {
            this.logger.error({ err: error, alertId: alert.alertId }, 'deliveries not recorded');
            throw error;
          }
          await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
        }
      }
    };
    const recording = write().finally(() => {
      if (this.#recording.get(incidentId) === recording) this.#recording.delete(incidentId);
    });
    this.#recording.set(incidentId, recording);
    return recording;
  }
}
