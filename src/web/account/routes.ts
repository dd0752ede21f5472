import type { FastifyPluginCallback } from 'fastify';
import { z } from 'zod';
import { checkPassword, passwordSignInAllowed } from '../../db/people/queries.ts';
import { normaliseEmail } from '../../domain/limits.ts';
import { rules } from '../../domain/policies.ts';
import { requireUser } from '../auth.ts';
import { parseForm, toFormErrors, field } from '../forms/parse.ts';
import { limitsOf, takeTurn, tooManyAttempts } from '../limits.ts';
import { paths } from '../paths.ts';
import { roleNames } from './labels.ts';
import { safeReturnTo } from './return-to.ts';
import { beginSession, finishSession } from './session-cookie.ts';
import { passwordPages } from './password.ts';
import { resetPages } from './reset.ts';
import { sessionPages } from './sessions.ts';
import { tokenPages } from './tokens.ts';
import { oidcSignInRoutes } from './oidc.ts';
import { signInSettingsRoutes } from './sign-in-settings.ts';
import { signInButtons } from './oidc-providers.ts';
import { userPages } from './users.ts';

const signInForm = z.object({
  email: z
    .string()
    .trim()
    .min(1, 'Enter your email address')
    .max(320, 'Email address must be 320 characters or fewer'),
  password: z.string().min(1, 'Enter your password').max(1000, 'Password must be 1,000 characters or fewer'),
});

export const accountRoutes: FastifyPluginCallback = (app, _options, done) => {
  app.get<{ Querystring: { returnTo?: string } }>(paths.signIn.pattern, async (request, reply) => {
    if (request.user) return reply.redirect(paths.home());
    const returnTo = safeReturnTo(request.query.returnTo);
    return reply.page('account/sign-in.njk', {
      title: 'Sign in',
      values: {},
      returnTo,
      providerButtons: await signInButtons(app, returnTo),
    });
  });

  const limits = limitsOf(app.config);
  app.post<{ Querystring: { returnTo?: string } }>(paths.signIn.pattern, async (request, reply) => {
    const returnTo = safeReturnTo(request.query.returnTo);
    const form = parseForm(signInForm, request.body);
    const values = { email: field(request.body, 'email') };
    const again = async (errors: ReturnType<typeof toFormErrors>) =>
      reply.code(400).page('account/sign-in.njk', {
        title: 'Sign in',
        errors,
        values,
        returnTo,
        providerButtons: await signInButtons(app, returnTo),
      });
    if (!form.ok) return again(form.errors);
    // Counted now the body is read: by the account asked for, from anywhere, and by the client's
    // address (TRUSTED_PROXIES says whose X-Forwarded-For to believe). Once either is used up even
    // the right password is refused, so a guess that would have been right tells nothing.
    const turn = await takeTurn(app, [
      { limit: limits.signInAccount, subject: normaliseEmail(form.data.email) },
      { limit: limits.signInAddress, subject: request.ip },
    ]);
    if (!turn.allowed)
      return tooManyAttempts(reply, turn.retryAt, {
        message: 'You have tried to sign in too many times with a wrong email address or password.',
      });
    const user = await checkPassword(app.db, form.data.email, form.data.password);
    if (!user)
      return again(toFormErrors([{ field: 'email', message: 'Enter a correct email address and password' }]));
    // Only failed attempts use up the allowance: people signing in day after day never reach it.
    await turn.giveBack();
    // Said only after the right password: it tells nothing to someone guessing.
    if (!(await passwordSignInAllowed(app.db, user)))
      return again(
        toFormErrors([
          {
            field: 'email',
            message: 'Your council signs you in through its identity provider: use the button below',
          },
        ]),
      );
    await beginSession(app, request, user.id);
    request.log.info({ userId: user.id }, 'signed in');
    return reply.redirect(returnTo ?? paths.home(), 303);
  });

  app.get(paths.signOut.pattern, (_request, reply) =>
    reply.page('account/sign-out.njk', { title: 'Sign out' }),
  );

  app.post(paths.signOut.pattern, async (request, reply) => {
    await finishSession(app, request);
    return reply.redirect(paths.signIn(), 303);
  });

  userPages(app);
  sessionPages(app);
  passwordPages(app);
  resetPages(app);
  tokenPages(app);
  oidcSignInRoutes(app);
  signInSettingsRoutes(app);

  app.get(paths.account.pattern, (request, reply) => {
    const user = requireUser(request, reply);
    const roleAbilities = rules
      .filter((rule) => rule.roles.includes(user.role))
      .map((rule) => rule.description);
    return reply.page('account/account.njk', {
      title: 'Your account',
      roleName: roleNames[user.role],
      roleAbilities,
    });
  });
  done();
};
