import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

/**
 * Fastify's default request log records the URL (with its query: coordinates, plates) and the
 * client address. Ours records the method, the route pattern, the status and the duration only.
 */
export class RequestLogController extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? '(unmatched)',
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
        ...(error ? { failed: true } : {}),
      },
      'request',
    );
  }

  override routeNotFound(): void {}
}
