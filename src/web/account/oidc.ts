import type { FastifyInstance, FastifyReply } from 'fastify';
import { addPersonFromProvider, DuplicateEmailError } from '../../db/people/commands.ts';
import { findCouncilAccount, type CurrentUser } from '../../db/people/queries.ts';
import { systemActor } from '../../domain/changes.ts';
import {
  emailFrom,
  groupsFrom,
  nameFrom,
  roleForGroups,
  type OidcProvider,
} from '../../domain/sign-in/oidc.ts';
import { beginSession } from './session-cookie.ts';
import { safeReturnTo } from './return-to.ts';
import { paths } from '../paths.ts';
import { councilProviders, type CouncilProvider } from './oidc-providers.ts';
import { authorizationCodeGrant, buildAuthorizationUrl, oidcClients, pkce } from './oidc-client.ts';

/** What is kept in the encrypted cookie between sending a person to the provider and their return. */
interface PendingSignIn {
  organisationId: number;
  state: string;
  nonce: string;
  verifier: string;
  returnTo?: string;
}

declare module '@fastify/secure-session' {
  interface SessionData {
    oidc: PendingSignIn;
  }
}

/** Why a sign-in through the provider did not sign the person in: the page's heading and text. */
class Refusal {
  constructor(
    readonly status: number,
    readonly heading: string,
    readonly detail: string,
  ) {}
}

const refusals = {
  noPending: new Refusal(
    400,
    'Your sign-in could not be finished',
    'The sign-in was started in another browser or tab, has already been used, or has expired. Start again from the sign-in page.',
  ),
  badState: new Refusal(
    400,
    'Your sign-in could not be finished',
    'The answer from the identity provider did not match the sign-in this browser started, so it was not used. Start again from the sign-in page.',
  ),
  denied: new Refusal(
    403,
    'You were not signed in',
    'The identity provider did not sign you in: you may have cancelled, or not agreed to share your details with this service.',
  ),
  providerError: new Refusal(
    502,
    'Sign-in through your council’s identity provider is not working',
    'The identity provider could not be reached, or its answer could not be checked. Try again in a few minutes. If it keeps happening, tell your council’s administrator.',
  ),
  noEmail: new Refusal(
    403,
    'You were not signed in',
    'The identity provider did not give an email address for you, so this service cannot tell which account is yours. Tell your council’s administrator.',
  ),
  disabled: new Refusal(
    403,
    'Your account is turned off',
    'Your account on this service has been turned off, so you cannot sign in. If you think this is wrong, ask your council’s administrator.',
  ),
  unknown: (email: string) =>
    new Refusal(
      403,
      'You do not have an account on this service',
      `There is no account for ${email}. Ask your council’s administrator to add you.`,
    ),
};

const callbackUrl = (app: FastifyInstance) =>
  new URL(paths.signInOidcCallback(), app.config.PUBLIC_URL.replace(/\/+$/, '') + '/');

/**
 * Sign-in through the council's identity provider: authorization code with PKCE, state and nonce
 * kept in the encrypted session cookie, the ID token checked by openid-client; then a database
 * session exactly as a password sign-in starts one.
 */
export function oidcSignInRoutes(app: FastifyInstance) {
  const clients = oidcClients({ clock: app.clock, timeoutSeconds: app.config.OIDC_TIMEOUT_SECONDS });

  const refuse = (reply: FastifyReply, refusal: Refusal) =>
    reply.code(refusal.status).page('account/oidc-refused.njk', {
      title: refusal.heading,
      detail: refusal.detail,
    });

  app.get<{ Querystring: { council?: string; returnTo?: string } }>(
    paths.signInOidc.pattern,
    async (request, reply) => {
      const providers = await councilProviders(app);
      const chosen = chooseCouncil(providers, request.query.council);
      if (!chosen)
        return refuse(
          reply.code(404),
          new Refusal(
            404,
            'Choose how to sign in',
            'There is no identity provider set up for that council. Go back to the sign-in page and choose again.',
          ),
        );
      let authorizationUrl: URL;
      try {
        const configuration = await clients.configurationFor(chosen.provider);
        const pending: PendingSignIn = {
          organisationId: chosen.organisationId,
          state: pkce.state(),
          nonce: pkce.nonce(),
          verifier: pkce.verifier(),
        };
        const returnTo = safeReturnTo(request.query.returnTo);
        if (returnTo) pending.returnTo = returnTo;
        authorizationUrl = buildAuthorizationUrl(configuration, {
          redirect_uri: callbackUrl(app).href,
          scope: 'openid email profile',
          code_challenge: await pkce.challenge(pending.verifier),
          code_challenge_method: 'S256',
          state: pending.state,
          nonce: pending.nonce,
        });
        request.session.set('oidc', pending);
      } catch (error) {
        request.log.warn({ err: error, issuer: chosen.provider.issuer }, 'identity provider unreachable');
        return refuse(reply, refusals.providerError);
      }
      return reply.redirect(authorizationUrl.href, 303);
    },
  );

  app.get<{ Querystring: Record<string, string | undefined> }>(
    paths.signInOidcCallback.pattern,
    async (request, reply) => {
      const pending = request.session.get('oidc');
      // Single use: a second visit to the same answer finds nothing to finish.
      request.session.set('oidc', undefined);
      if (!pending) return refuse(reply, refusals.noPending);
      if (request.query.state !== pending.state) return refuse(reply, refusals.badState);
      if (request.query.error) {
        request.log.info({ error: request.query.error }, 'identity provider refused sign-in');
        return refuse(reply, refusals.denied);
      }
      const chosen = (await councilProviders(app)).find((c) => c.organisationId === pending.organisationId);
      if (!chosen) return refuse(reply, refusals.providerError);
      let claims: Record<string, unknown>;
      try {
        const configuration = await clients.configurationFor(chosen.provider);
        const url = new URL(callbackUrl(app));
        url.search = new URL(request.url, 'http://x').search;
        const tokens = await authorizationCodeGrant(configuration, url, {
          pkceCodeVerifier: pending.verifier,
          expectedState: pending.state,
          expectedNonce: pending.nonce,
          idTokenExpected: true,
        });
        claims = { ...tokens.claims() };
      } catch (error) {
        request.log.warn({ err: error, issuer: chosen.provider.issuer }, 'identity provider answer refused');
        return refuse(reply, refusals.providerError);
      }
      const outcome = await accountFor(app, chosen, claims);
      if (outcome instanceof Refusal) {
        request.log.info(
          { organisationId: chosen.organisationId, reason: outcome.heading },
          'sign-in refused',
        );
        return refuse(reply, outcome);
      }
      await beginSession(app, request, outcome.id);
      request.log.info({ userId: outcome.id, via: 'oidc' }, 'signed in');
      return reply.redirect(pending.returnTo ?? paths.home(), 303);
    },
  );
}

/** The council a sign-in is for: the one named by its slug, or the only one with a provider. */
function chooseCouncil(providers: CouncilProvider[], slug: string | undefined): CouncilProvider | null {
  if (slug) return providers.find((p) => p.slug === slug) ?? null;
  return providers.length === 1 ? providers[0]! : null;
}

/**
 * The account the provider's answer names in this council. A turned-off account is refused; an
 * unknown address is refused unless a group the provider names maps to a role, in which case the
 * account is made with that role. An address with an account in another council is answered as
 * unknown, so this cannot be used to learn about other councils.
 */
async function accountFor(
  app: FastifyInstance,
  council: CouncilProvider,
  claims: Record<string, unknown>,
): Promise<CurrentUser | Refusal> {
  const provider: OidcProvider = council.provider;
  const email = emailFrom(claims, provider.emailClaim);
  if (!email || claims.email_verified === false) return refusals.noEmail;
  const account = await findCouncilAccount(app.db, council.organisationId, email);
  if (account?.disabled) return refusals.disabled;
  if (account) {
    const { disabled: _disabled, ...user } = account;
    return user;
  }
  const groups = groupsFrom(claims, provider.groupsClaim);
  const mapped = roleForGroups(groups, provider.groupRoles);
  if (!mapped) return refusals.unknown(email);
  try {
    return await addPersonFromProvider(
      app.db,
      {
        organisationId: council.organisationId,
        email,
        name: nameFrom(claims, email),
        role: mapped.role,
        group: mapped.group,
        provider: provider.name,
      },
      systemActor(`Sign-in through ${provider.name}`),
    );
  } catch (error) {
    if (error instanceof DuplicateEmailError) return refusals.unknown(email);
    throw error;
  }
}
