import { sessionStream, streamAuthenticator } from './membership/auth';
import type { AppContext } from './platform/context';
import { RealtimeGateway, type StreamSetup } from './platform/realtime';
import { AlertStream } from './rapid-response/alerts';
import { dispatchStream } from './rapid-response/dispatch';

/**
 * The stream's topics, registered at composition: membership authenticates hellos and keeps
 * sockets' roles current, rapid-response sends alerts and dispatch offers. A new topic (an
 * assembly's meeting, ...) is one more handler in this list (docs/ARCHITECTURE.md).
 */
export function streamSetup(ctx: AppContext): StreamSetup {
  return {
    authenticator: streamAuthenticator(ctx),
    handlers: [sessionStream(ctx), new AlertStream(ctx), dispatchStream],
  };
}

/** This node's stream gateway with every topic registered. */
export function createGateway(
  ctx: AppContext,
  options: { pingIntervalMs?: number } = {},
): RealtimeGateway {
  return new RealtimeGateway(ctx, { ...streamSetup(ctx), ...options });
}
