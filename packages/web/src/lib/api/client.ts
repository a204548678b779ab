/** A failed API call: the server's error envelope, or `network` when no answer came. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** From a Retry-After header (429, 503): seconds until trying again can succeed. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** No answer from the server: offline, DNS, connection reset. Worth retrying. */
  get isNetwork(): boolean {
    return this.status === 0;
  }

  /** The server is busy or broken rather than refusing: worth retrying later. */
  get isTransient(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500;
  }
}

export interface RequestOptions {
  signal?: AbortSignal;
}

interface Envelope {
  error: { code: string; message: string; details?: unknown };
}

function isEnvelope(value: unknown): value is Envelope {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = value.error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

// The GETs public/early-requests.js may preload. A preloaded answer goes to the first fetch that
// matches it, whenever that comes. The script runs async, so the app's own first request can come
// before the preload exists; the preload's answer then waits unused and would be handed to a
// later request, say the `/me` after a login, as a stale 401. So only the app's first request for
// each of these paths may match a preload; later ones use same-origin mode, which no preload
// (cors mode) matches, and always reach the server.
const PRELOADABLE = new Set(['/me', '/me/feed']);
const preloadOffered = new Set<string>();

function modeFor(method: string, path: string): RequestMode {
  if (method !== 'GET' || !PRELOADABLE.has(path) || preloadOffered.has(path)) return 'same-origin';
  preloadOffered.add(path);
  return 'cors';
}

/** One call to `/api/v1<path>` with the session cookie; JSON in and out. */
export async function request<T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<T> {
  let response: Response;
  try {
    // public/early-requests.js preloads some GETs in cors mode with same-origin credentials:
    // the first request for each uses the same options, or the browser would ask twice.
    response = await fetch(`/api/v1${path}`, {
      method,
      mode: modeFor(method, path),
      credentials: 'same-origin',
      cache: 'no-store',
      // An empty body must not claim to be JSON: the server refuses an empty JSON body.
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ApiError(0, 'network', 'The server could not be reached');
  }
  if (response.status === 204) return undefined as T;
  let payload: unknown;
  try {
    payload = await response.json();
  } catch {
    payload = null;
  }
  if (!response.ok) {
    const retryAfter = Number(response.headers.get('retry-after') ?? Number.NaN);
    const retry = Number.isFinite(retryAfter) ? retryAfter : undefined;
    if (isEnvelope(payload)) {
      const { code, message, details } = payload.error;
      throw new ApiError(response.status, code, message, details, retry);
    }
    throw new ApiError(
      response.status,
      `http_${response.status}`,
      response.statusText,
      undefined,
      retry,
    );
  }
  return payload as T;
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, undefined, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('POST', path, body, options),
  put: <T>(path: string, body: unknown, options?: RequestOptions) =>
    request<T>('PUT', path, body, options),
  patch: <T>(path: string, body: unknown, options?: RequestOptions) =>
    request<T>('PATCH', path, body, options),
  delete: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('DELETE', path, body, options),
};
