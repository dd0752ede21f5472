import type { FastifyInstance } from 'fastify';
import { listSignInCouncils } from '../../db/people/queries.ts';
import { effectiveProvider, type OidcProvider } from '../../domain/sign-in/oidc.ts';
import { paths } from '../paths.ts';

/** A council whose people can sign in through an identity provider, and that provider. */
export interface CouncilProvider {
  organisationId: number;
  name: string;
  slug: string;
  provider: OidcProvider;
}

/** The service's OIDC_* settings: every council's provider unless its own settings say otherwise. */
export const oidcDefaults = (app: FastifyInstance) => ({
  issuer: app.config.OIDC_ISSUER,
  clientId: app.config.OIDC_CLIENT_ID,
  clientSecret: app.config.OIDC_CLIENT_SECRET,
  emailClaim: app.config.OIDC_EMAIL_CLAIM,
  groupsClaim: app.config.OIDC_GROUPS_CLAIM,
});

/** Every council that has an identity provider, from its own settings over the service's. */
export async function councilProviders(app: FastifyInstance): Promise<CouncilProvider[]> {
  const defaults = oidcDefaults(app);
  const councils = await listSignInCouncils(app.db);
  return councils.flatMap((council) => {
    const provider = effectiveProvider(council.settings, defaults, app.config.oidcSecrets);
    return provider
      ? [{ organisationId: council.organisationId, name: council.name, slug: council.slug, provider }]
      : [];
  });
}

/** The sign-in page's buttons: one per council with a provider, named for the council when there are several. */
export async function signInButtons(app: FastifyInstance, returnTo: string | undefined) {
  const providers = await councilProviders(app);
  return providers.map((p) => ({
    text:
      providers.length === 1
        ? `Sign in with ${p.provider.name}`
        : `Sign in with ${p.provider.name} (${p.name})`,
    href: paths.signInOidc({ council: p.slug, returnTo }),
  }));
}
