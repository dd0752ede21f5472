import * as oidc from 'openid-client';
import type { Clock } from '../../domain/clock.ts';
import type { OidcProvider } from '../../domain/sign-in/oidc.ts';

/*
 * Talking to a council's identity provider with openid-client: discovery, kept per issuer for an
 * hour so a sign-in costs no extra round trip, and every request to the provider given a timeout.
 */

const discoveryKeptMs = 60 * 60 * 1000;

/** Plain HTTP is allowed only for a provider on this machine (the tests' provider, a developer's). */
const isLoopback = (url: URL) => ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);

export interface OidcClients {
  /** The client for a provider, its issuer's metadata discovered (or taken from the cache). */
  configurationFor(provider: OidcProvider): Promise<oidc.Configuration>;
}

export function oidcClients(options: { clock: Clock; timeoutSeconds: number }): OidcClients {
  const discovered = new Map<string, { at: number; metadata: Promise<oidc.ServerMetadata> }>();

  const metadataOf = (issuer: string, clientId: string): Promise<oidc.ServerMetadata> => {
    const now = options.clock.now().getTime();
    const kept = discovered.get(issuer);
    if (kept && now - kept.at < discoveryKeptMs) return kept.metadata;
    const url = new URL(issuer);
    const metadata = oidc
      .discovery(url, clientId, undefined, oidc.None(), {
        timeout: options.timeoutSeconds,
        ...(url.protocol === 'http:' && isLoopback(url) ? { execute: [oidc.allowInsecureRequests] } : {}),
      })
      .then((configuration) => ({ ...configuration.serverMetadata() }));
    // A failed discovery is not kept: the next sign-in tries again.
    metadata.catch(() => discovered.delete(issuer));
    discovered.set(issuer, { at: now, metadata });
    return metadata;
  };

  return {
    async configurationFor(provider) {
      const metadata = await metadataOf(provider.issuer, provider.clientId);
      const configuration = new oidc.Configuration(
        metadata,
        provider.clientId,
        provider.clientSecret ? { client_secret: provider.clientSecret } : undefined,
        provider.clientSecret ? oidc.ClientSecretBasic(provider.clientSecret) : oidc.None(),
      );
      configuration.timeout = options.timeoutSeconds;
      const url = new URL(provider.issuer);
      if (url.protocol === 'http:' && isLoopback(url)) oidc.allowInsecureRequests(configuration);
      return configuration;
    },
  };
}

export const pkce = {
  verifier: () => oidc.randomPKCECodeVerifier(),
  challenge: (verifier: string) => oidc.calculatePKCECodeChallenge(verifier),
  state: () => oidc.randomState(),
  nonce: () => oidc.randomNonce(),
};

export const { buildAuthorizationUrl, authorizationCodeGrant } = oidc;
