import { sessionStream, streamAuthenticator } from './membership/auth';
import type { AppContext } from './platform/context';
import { RealtimeGateway, type StreamSetup } from './platform/realtime';
import { AlertStream } from './rapid-response/alerts';
import { ConsoleStream, dispatchStream } from './rapid-response/dispatch';
import { CampaignStream, MandateStream, MeetingFeed, meetingStream } from './organizing';

/**
 * The stream's topics, registered at composition: membership authenticates hellos and keeps
 * sockets' roles current, rapid-response sends alerts, dispatch offers and the dispatcher console's incident moves, organizing sends a
 * meeting's live state to the sockets that follow it (`meetings`, the feed its routes tell of
 * changes). A new topic is one more handler in this list (docs/ARCHITECTURE.md).
 */
export function streamSetup(
  ctx: AppContext,
  meetings: MeetingFeed = new MeetingFeed(ctx),
): StreamSetup {
  return {
    authenticator: streamAuthenticator(ctx),
    handlers: [
      sessionStream(ctx),
      new AlertStream(ctx),
      dispatchStream,
      new ConsoleStream(ctx),
      meetingStream(meetings),
      new CampaignStream(ctx),
      new MandateStream(ctx),
    ],
  };
}

/** This node's stream gateway with every topic registered. */
export function createGateway(
  ctx: AppContext,
  options: { pingIntervalMs?: number; meetings?: MeetingFeed } = {},
): RealtimeGateway {
  const { meetings, ...rest } = options;
  return new RealtimeGateway(ctx, { ...streamSetup(ctx, meetings), ...rest });
}
