import type { FastifyPluginCallback } from 'fastify';
import { z } from 'zod';
import { checkPassword } from '../../db/people/queries.ts';
import { rules } from '../../domain/policies.ts';
import { requireUser } from '../auth.ts';
import { parseForm, toFormErrors, field } from '../forms/parse.ts';
import { paths } from '../paths.ts';
import { roleNames } from './labels.ts';
import { beginSession, finishSession } from './session-cookie.ts';
import { passwordPages } from './password.ts';
import { resetPages } from './reset.ts';
import { sessionPages } from './sessions.ts';
import { tokenPages } from './tokens.ts';
import { userPages } from './users.ts';

const signInForm = z.object({
  email: z
    .string()
    .trim()
    .min(1, 'Enter your email address')
    .max(320, 'Email address must be 320 characters or fewer'),
  password: z.string().min(1, 'Enter your password').max(1000, 'Password must be 1,000 characters or fewer'),
});

/** Only a path on this service: never an absolute URL, so sign-in cannot be used to send people elsewhere. */
function safeReturnTo(value: unknown): string | undefined {
  return typeof value === 'string' && /^\/(?!\/)[^\s\\]*$/.test(value) ? value : undefined;
}

export const accountRoutes: FastifyPluginCallback = (app, _options, done) => {
  app.get<{ Querystring: { returnTo?: string } }>(paths.signIn.pattern, (request, reply) => {
    if (request.user) return reply.redirect(paths.home());
    return reply.page('account/sign-in.njk', {
      title: 'Sign in',
      values: {},
      returnTo: safeReturnTo(request.query.returnTo),
    });
  });

  app.post<{ Querystring: { returnTo?: string } }>(
    paths.signIn.pattern,
    {
      config: {
        rateLimit: {
          max: app.config.SIGN_IN_LIMIT,
          timeWindow: '15 minutes',
          // Per address and account, so one person's typos do not lock out a shared office network.
          keyGenerator: (request) => `${request.ip}|${field(request.body, 'email').trim().toLowerCase()}`,
          errorResponseBuilder: () => ({
            statusCode: 429,
            message: 'You have tried to sign in too many times. Wait 15 minutes, then try again.',
          }),
        },
      },
    },
    async (request, reply) => {
      const returnTo = safeReturnTo(request.query.returnTo);
      const form = parseForm(signInForm, request.body);
      const values = { email: field(request.body, 'email') };
      if (!form.ok)
        return reply
          .code(400)
          .page('account/sign-in.njk', { title: 'Sign in', errors: form.errors, values, returnTo });
      const user = await checkPassword(app.db, form.data.email, form.data.password);
      if (!user) {
        const errors = toFormErrors([
          { field: 'email', message: 'Enter a correct email address and password' },
        ]);
        return reply.code(400).page('account/sign-in.njk', { title: 'Sign in', errors, values, returnTo });
      }
      await beginSession(app, request, user.id);
      request.log.info({ userId: user.id }, 'signed in');
      return reply.redirect(returnTo ?? paths.home(), 303);
    },
  );

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
