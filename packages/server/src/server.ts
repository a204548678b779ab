import type { FastifyInstance } from 'fastify';
import { createApp } from './app';
import { createContext } from './context';
import { closeContext, type AppContext, type ContextOptions } from './platform/context';
import { ensureCity } from './membership/city/city.service';
import { rehashClearPlates } from './rapid-response/plates';
import { startSweeper } from './rapid-response/retention/retention.scheduler';
import { startElectionSweeper, startOrganizingSweeper } from './organizing';

export interface RunningServer {
  ctx: AppContext;
  app: FastifyInstance;
  url: string;
  /** Stop accepting, finish in-flight requests, flush the outbox, close the bus and database. */
  close(): Promise<void>;
}

/** Builds the context and app, listens, and starts the outbox relay. */
export async function startServer(options: ContextOptions): Promise<RunningServer> {
  const ctx = await createContext(options);
  let app: FastifyInstance;
  try {
    await ensureCity(ctx);
    const rehashed = await rehashClearPlates(ctx);
    if (rehashed > 0) ctx.logger.info({ rehashed }, 'plates stored in clear are now hashed');
    app = await createApp(ctx);
    await app.listen({ port: ctx.config.port, host: ctx.config.host });
  } catch (error) {
    await closeContext(ctx);
    throw error;
  }
  ctx.relay.start();
  const sweeper = startSweeper(ctx);
  const elections = startElectionSweeper(ctx);
  const organizingSweeper = startOrganizingSweeper(ctx);
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : ctx.config.port;
  const host = ctx.config.host.includes(':') ? `[${ctx.config.host}]` : ctx.config.host;
  return {
    ctx,
    app,
    url: `http://${host}:${port}`,
    close: async () => {
      await sweeper.stop();
      await elections.stop();
      await organizingSweeper.stop();
      await app.close();
      await closeContext(ctx);
    },
  };
}
