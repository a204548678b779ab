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
    return this.recordMany([{ alert, memberIds }]);
  }

  /**
   * `record` for several alerts in one statement (a replay batch's). It waits for the writes in
   * flight of every incident among them, and each of those incidents' next reads wait for it.
   */
  recordMany(deliveries: readonly { alert: AlertCreated; memberIds: string[] }[]): Promise<void> {
    const incidents = [...new Set(deliveries.map((d) => d.alert.incident.id))];
    const previous = incidents.flatMap((id) => {
      const recording = this.#recording.get(id);
      return recording ? [recording.catch(() => undefined)] : [];
    });
    const write = async () => {
      await Promise.all(previous);
      const at = this.ctx.clock.now();
      const rows = deliveries.map(({ alert, memberIds }) => ({
        alert: {
          alertId: alert.alertId,
          incidentId: alert.incident.id,
          kind: alert.kind,
          seq: alert.seq,
        },
        memberIds,
      }));
      for (let attempt = 1; ; attempt++) {
        try {
          await recordDeliveries(this.ctx.db, rows, at);
          return;
        } catch (error) {
          if (attempt >= RECORD_ATTEMPTS) {
            const alertIds = deliveries.map((d) => d.alert.alertId);
            this.logger.error({ err: error, alertIds }, 'deliveries not recorded');
            throw error;
          }
          await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
        }
      }
    };
    const recording = write();
    for (const id of incidents) this.#recording.set(id, recording);
    void recording
      .catch(() => undefined)
      .finally(() => {
        for (const id of incidents)
          if (this.#recording.get(id) === recording) this.#recording.delete(id);
      });
    return recording;
  }
}
