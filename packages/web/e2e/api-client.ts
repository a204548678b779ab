import { generateKeyPairSync } from 'node:crypto';

export interface ApiAnswer<T = unknown> {
  status: number;
  body: T;
}

/** Calls the API from the test process, as a member's other device or a bot would (bearer). */
export class ApiClient {
  constructor(
    readonly baseUrl: string,
    readonly token: string | null = null,
  ) {}

  async call<T = unknown>(method: string, path: string, body?: unknown): Promise<ApiAnswer<T>> {
    const response = await fetch(`${this.baseUrl}/api/v1${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      },
      body: body === undefined ? null : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
  }

  /** Like call, but fails the test unless the answer is 2xx. */
  async ok<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const answer = await this.call<T>(method, path, body);
    if (answer.status >= 300) {
      throw new Error(
        `${method} ${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`,
      );
    }
    return answer.body;
  }

  /** Joins with an invite and a fresh Ed25519 key; returns a client signed in as the new member. */
  static async join(baseUrl: string, invite: string): Promise<{ client: ApiClient; id: string }> {
    const { publicKey } = generateKeyPairSync('ed25519');
    const x = publicKey.export({ format: 'jwk' }).x ?? '';
    const anonymous = new ApiClient(baseUrl);
    const joined = await anonymous.ok<{ member: { id: string }; token: string }>(
      'POST',
      '/auth/device/register',
      { invite, publicKey: x },
    );
    return { client: new ApiClient(baseUrl, joined.token), id: joined.member.id };
  }

  /** A new invite code from this member. */
  async invite(body: { areaId?: string; role?: string } = {}): Promise<string> {
    return (await this.ok<{ code: string }>('POST', '/invites', body)).code;
  }
}
