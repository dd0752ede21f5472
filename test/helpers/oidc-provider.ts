import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestContext } from 'node:test';
import Provider from 'oidc-provider';

/*
 * A real OpenID Connect provider (the `oidc-provider` package) on 127.0.0.1 and a port of its own,
 * with one client registered for Wesaid (authorization code, PKCE required, a client secret) and
 * accounts kept in memory. Its own login and consent pages (the package's development pages)
 * sign anyone in as the account named in the login box.
 */

export interface ProviderAccount {
  email: string;
  name?: string;
  groups?: string[];
  emailVerified?: boolean;
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Accounts by login name; add to it while the test runs. */
  accounts: Map<string, ProviderAccount>;
}

export async function startTestProvider(
  t: TestContext,
  options: { redirectUri: string; accounts?: Record<string, ProviderAccount> },
): Promise<TestProvider> {
  // The issuer names the port, so the provider is made once the server listens.
  const handler: { handle?: (request: IncomingMessage, response: ServerResponse) => void } = {};
  const server = createServer((request, response) => handler.handle!(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;
  const accounts = new Map(Object.entries(options.accounts ?? {}));
  const clientId = 'wesaid-test';
  const clientSecret = 'a-client-secret-for-the-tests-only';
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    pkce: { required: () => true },
    // The ID token carries the scopes' claims, as Entra ID's does, rather than only the userinfo endpoint.
    conformIdTokenClaims: false,
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'groups'] },
    cookies: { keys: ['a-cookie-key-for-the-tests-only'] },
    features: { devInteractions: { enabled: true } },
    findAccount: (_ctx: unknown, id: string) => {
      const account = accounts.get(id);
      if (!account) return undefined;
      return {
        accountId: id,
        claims: () => ({
          sub: id,
          email: account.email,
          email_verified: account.emailVerified ?? true,
          name: account.name ?? id,
          ...(account.groups ? { groups: account.groups } : {}),
        }),
      };
    },
  });
  handler.handle = provider.callback();
  return { issuer, clientId, clientSecret, accounts };
}

/** Cookies by name and path, sent where a browser would send them (the provider's are path-scoped). */
class CookieJar {
  private readonly cookies = new Map<string, { name: string; value: string; path: string }>();

  take(headers: Headers) {
    for (const header of headers.getSetCookie()) {
      const [pair = '', ...attributes] = header.split(';').map((p) => p.trim());
      const at = pair.indexOf('=');
      const name = pair.slice(0, at);
      const value = pair.slice(at + 1);
      const path = attributes.find((a) => /^path=/i.test(a))?.slice(5) ?? '/';
      const expired = attributes.some((a) => /^expires=Thu, 01 Jan 1970/i.test(a)) || value === '';
      if (expired) this.cookies.delete(`${name}|${path}`);
      else this.cookies.set(`${name}|${path}`, { name, value, path });
    }
  }

  header(url: URL): string {
    return [...this.cookies.values()]
      .filter((c) => url.pathname.startsWith(c.path))
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }
}

/**
 * Goes through the provider as a person would, from the authorization URL Wesaid sent them to:
 * follows its redirects, fills its login page with `login` and agrees on its consent page (or
 * presses Cancel there, with `cancel`), and stops at the first redirect back to Wesaid, returned
 * as a path with its query, to inject into the app.
 */
export async function throughProvider(
  authorizationUrl: string,
  options: { login: string; appBase: string; cancel?: boolean },
): Promise<string> {
  const jar = new CookieJar();
  let url = new URL(authorizationUrl);
  let body: URLSearchParams | undefined;
  for (let step = 0; step < 20; step++) {
    if (url.href.startsWith(options.appBase)) return url.pathname + url.search;
    const response = await fetch(url, {
      method: body ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        cookie: jar.header(url),
        ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(body ? { body: body.toString() } : {}),
    });
    jar.take(response.headers);
    body = undefined;
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      url = new URL(location, url);
      continue;
    }
    const html = await response.text();
    if (response.status !== 200) throw new Error(`The provider answered ${response.status}: ${html}`);
    if (options.cancel) {
      const abort = /<a href="([^"]+)">\[ Cancel \]<\/a>/.exec(html);
      if (!abort) throw new Error(`No cancel link on the provider's page: ${html}`);
      url = new URL(abort[1]!.replace(/&amp;/g, '&'), url);
      continue;
    }
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const prompt = /name="prompt" value="([^"]+)"/.exec(html)?.[1];
    if (!action || !prompt) throw new Error(`Not a page of the provider's sign-in: ${html}`);
    url = new URL(action.replace(/&amp;/g, '&'), url);
    body = new URLSearchParams(
      prompt === 'login' ? { prompt, login: options.login, password: 'any password' } : { prompt },
    );
  }
  throw new Error('Too many steps at the provider');
}
