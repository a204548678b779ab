import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { createContext } from './context';
import type { AppContext } from './platform/context';
import { createLogger } from './platform/logger';
import {
  streamUpgrades,
  type FromStreamWorker,
  type RealtimeGateway,
  type ToStreamWorker,
  type UpgradeHandler,
} from './platform/realtime';
import { createGateway } from './stream';

/**
 * A stream worker (ADR 0038, platform/realtime/stream-workers.ts): a node that holds the stream's
 * sockets for the process that forked it and serves nothing else. It builds its own context on
 * the shared PostgreSQL and NATS under its own node id, runs the gateway with every topic, and
 * makes the WebSocket handshake of each upgrade passed to it. It runs no outbox relay and no
 * sweeper: the process that answers the API does. It ends when told to stop, or when that
 * process is gone.
 */

let ctx: AppContext | null = null;
let gateway: RealtimeGateway | null = null;
let serve: UpgradeHandler | null = null;
let stopping: Promise<void> | null = null;

function tell(message: FromStreamWorker): void {
  process.send?.(message);
}

async function init(message: Extract<ToStreamWorker, { kind: 'init' }>): Promise<void> {
  const config = { ...message.config, nodeId: `${message.config.nodeId}-s${message.index}` };
  const logger = createLogger(config.logLevel).child({ streamWorker: message.index });
  ctx = await createContext({ config, secrets: message.secrets, logger });
  gateway = createGateway(ctx);
  await gateway.start();
  serve = streamUpgrades(ctx, gateway);
  tell({ kind: 'ready' });
}

function stop(): Promise<void> {
  stopping ??= (async () => {
    await gateway?.stop();
    // The sockets were told 1001 (going away); their close handshakes end before the process.
    const deadline = Date.now() + 5_000;
    while (gateway && gateway.size > 0 && Date.now() < deadline) await sleep(50);
    // No relay ran here, so there is no outbox of its own to flush (closeContext would work on
    // the shared one): the bus and the database are all it opened.
    await ctx?.bus.close();
    await ctx?.database.close();
  })().finally(() => process.exit(0));
  return stopping;
}

// A terminal's Ctrl-C and a service manager's SIGTERM reach the whole process group; the worker
// waits for its parent's word (or its parent's end), so that it never closes its sockets while
// the parent still counts on it.
process.on('SIGINT', () => undefined);
process.on('SIGTERM', () => undefined);
process.on('disconnect', () => void stop());
process.on('message', (message: ToStreamWorker, handle?: Socket) => {
  switch (message.kind) {
    case 'init':
      init(message).catch((error: unknown) => {
        const failed: FromStreamWorker = {
          kind: 'failed',
          message: error instanceof Error ? error.message : String(error),
        };
        // Ends once the parent has the reason.
        if (process.send) process.send(failed, () => process.exit(1));
        else process.exit(1);
      });
      return;
    case 'upgrade': {
      if (!handle) return;
      // The request line and headers the parent read, over the socket they came on: what the
      // handshake and the origin check read of an IncomingMessage.
      const request = {
        method: message.method,
        url: message.url,
        headers: message.headers,
        socket: handle,
      } as unknown as IncomingMessage;
      if (!serve) {
        handle.destroy();
        return;
      }
      serve(request, handle, Buffer.from(message.head));
      return;
    }
    case 'size':
      tell({ kind: 'size', id: message.id, size: gateway?.size ?? 0 });
      return;
    case 'stop':
      void stop();
      return;
  }
});
