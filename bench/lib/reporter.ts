// A report generator process: POSTs reports on a fixed schedule (open loop: a slow answer never
// delays the next report) and timestamps each one's sending and its HTTP answer.
import { nowMs, serve } from './ipc';

export interface ScheduledReport {
  token: string;
  lat: number;
  lng: number;
}

export interface SentReport {
  /** Monotonic ms (see nowMs) when the POST left and when its answer was read. */
  sentAt: number;
  ackAt: number;
  status: number;
  incident: { id: string; state: string } | null;
}

async function post(url: string, report: ScheduledReport): Promise<SentReport> {
  const sentAt = nowMs();
  try {
    const response = await fetch(`${url}/api/v1/reports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${report.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        salute: {
          activity: 'agents detaining people',
          location: { lat: report.lat, lng: report.lng },
        },
      }),
      signal: AbortSignal.timeout(30_000),
    });
    const body = (await response.json()) as { incident?: { id: string; state: string } };
    return { sentAt, ackAt: nowMs(), status: response.status, incident: body.incident ?? null };
  } catch {
    return { sentAt, ackAt: nowMs(), status: 0, incident: null };
  }
}

serve({
  /** Sends report i at start + i / perSecond seconds; answers when every one has its answer. */
  surge: async (message) => {
    const url = message.url as string;
    const reports = message.reports as ScheduledReport[];
    const perSecond = message.perSecond as number;
    const start = nowMs();
    const sent: Promise<SentReport>[] = [];
    for (let i = 0; i < reports.length; i++) {
      const due = start + (i * 1000) / perSecond;
      const wait = due - nowMs();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      sent.push(post(url, reports[i]!));
    }
    return Promise.all(sent);
  },
});
