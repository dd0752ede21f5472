import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

/**
 * A minimal browser over `app.inject()`: keeps the session cookie, and sends the CSRF token of
 * the last page it loaded with every form, as a person's browser would.
 */
export class TestClient {
  private cookie = '';
  csrfToken = '';
  last?: LightMyRequestResponse;

  constructor(private readonly app: FastifyInstance) {}

  /** The session cookie, for a request the client does not make itself (a file upload). */
  get cookieHeader(): string {
    return this.cookie;
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return this.remember(
      await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookie, ...headers } }),
    );
  }

  /** Posts a form; `_csrf` is added unless the test gives its own (or `null` to leave it out). */
  /** `headers` and `remoteAddress` (the connection's address) for a test of who the client is. */
  async post(
    url: string,
    form: Record<string, string | string[] | null>,
    { headers = {}, remoteAddress }: { headers?: Record<string, string>; remoteAddress?: string } = {},
  ): Promise<LightMyRequestResponse> {
    const fields: [string, string][] = [];
    if (!('_csrf' in form)) fields.push(['_csrf', this.csrfToken]);
    for (const [key, value] of Object.entries(form)) {
      if (value === null) continue;
      for (const v of Array.isArray(value) ? value : [value]) fields.push([key, v]);
    }
    return this.remember(
      await this.app.inject({
        method: 'POST',
        url,
        headers: { ...headers, cookie: this.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams(fields).toString(),
        ...(remoteAddress ? { remoteAddress } : {}),
      }),
    );
  }

  async signIn(email: string, password: string): Promise<LightMyRequestResponse> {
    await this.get('/sign-in');
    const response = await this.post('/sign-in', { email, password });
    if (response.statusCode !== 303) throw new Error(`Sign-in failed with ${response.statusCode}`);
    return response;
  }

  private remember(response: LightMyRequestResponse): LightMyRequestResponse {
    const setCookie = response.headers['set-cookie'];
    for (const header of Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []) {
      const pair = header.split(';')[0]!;
      if (pair.startsWith('wesaid-session=')) this.cookie = pair;
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(response.body);
    if (token) this.csrfToken = token[1]!;
    this.last = response;
    return response;
  }
}
