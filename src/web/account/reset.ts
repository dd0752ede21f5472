import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { finishPasswordReset, startPasswordReset } from '../../db/people/commands.ts';
import { passwordResetIsValid } from '../../db/people/queries.ts';
import { normaliseEmail } from '../../domain/limits.ts';
import { passwordResetMessage } from '../../mail/account-messages.ts';
import { createMailer } from '../../mail/mailer.ts';
import { flash } from '../flash.ts';
import { field, parseForm } from '../forms/parse.ts';
import { text } from '../forms/validate.ts';
import { limitsOf, takeTurn, tooManyAttempts } from '../limits.ts';
import { paths, type RouteParams } from '../paths.ts';
import { newPasswordForm } from './password-form.ts';

const askForm = z.object({
  email: text('Email address', { max: 320, required: 'Enter your email address' }),
});
const askTitle = 'Reset your password';
const newTitle = 'Set a new password';

/**
 * Forgotten passwords: ask for a link by e-mail address, then set a new password through it. The
 * answer to the ask is the same page, sent at once, whether or not the address has an account: the
 * look-up and the e-mail happen after the answer, so neither the words nor the timing tell.
 */
export function resetPages(app: FastifyInstance): void {
  const pending = new Set<Promise<void>>();
  app.addHook('onClose', async () => {
    await Promise.allSettled(pending);
  });

  const sendLink = async (email: string, log: FastifyRequest['log']) => {
    const resets = await startPasswordReset(app.db, email, app.clock.now());
    if (resets.length === 0) return;
    const mailer = createMailer(app.config);
    if (!mailer) {
      log.warn('password reset asked for, but SMTP_URL is not set: no e-mail sent');
      return;
    }
    try {
      for (const reset of resets) {
        const link = new URL(paths.passwordResetLink(reset.token), app.config.PUBLIC_URL).toString();
        const council = resets.length > 1 ? reset.organisation : undefined;
        await mailer.send({ to: reset.email, ...passwordResetMessage(reset.name, link, council) });
      }
    } finally {
      mailer.close();
    }
  };

  app.get(paths.passwordReset.pattern, (_request, reply) =>
    reply.page('account/reset-ask.njk', { title: askTitle, values: {} }),
  );

  const limits = limitsOf(app.config);
  app.post(paths.passwordReset.pattern, async (request, reply) => {
    const values = { email: field(request.body, 'email') };
    const form = parseForm(askForm, values);
    if (!form.ok)
      return reply.code(400).page('account/reset-ask.njk', { title: askTitle, values, errors: form.errors });
    // Every ask counts, by the address asked about (whether or not it has an account, so the refusal
    // tells nothing) and by the client's address: each one may send an e-mail.
    const turn = await takeTurn(app, [
      { limit: limits.resetAccount, subject: normaliseEmail(form.data.email) },
      { limit: limits.resetAddress, subject: request.ip },
    ]);
    if (!turn.allowed)
      return tooManyAttempts(reply, turn.retryAt, {
        message: 'You have asked for a password reset link too many times.',
      });
    const work = sendLink(form.data.email, request.log)
      .catch((error: unknown) => request.log.error({ err: error }, 'password reset e-mail not sent'))
      .finally(() => pending.delete(work));
    pending.add(work);
    return reply.page('account/reset-sent.njk', { title: 'Check your email', email: form.data.email });
  });

  app.get<{ Params: RouteParams<typeof paths.passwordResetLink> }>(
    paths.passwordResetLink.pattern,
    async (request, reply) => {
      if (!(await passwordResetIsValid(app.db, request.params.token, app.clock.now())))
        return linkNotValid(reply);
      return reply.page('account/reset-new.njk', { title: newTitle, token: request.params.token });
    },
  );

  app.post<{ Params: RouteParams<typeof paths.passwordResetLink> }>(
    paths.passwordResetLink.pattern,
    async (request, reply) => {
      const { token } = request.params;
      const form = parseForm(newPasswordForm, request.body);
      if (!form.ok)
        return reply.code(400).page('account/reset-new.njk', { title: newTitle, token, errors: form.errors });
      const done = await finishPasswordReset(app.db, {
        token,
        newPassword: form.data.newPassword,
        now: app.clock.now(),
      });
      if (!done) return linkNotValid(reply);
      // Every session of the account has ended; this browser starts afresh at sign-in.
      request.session.regenerate();
      flash(request, 'Your new password has been set. Sign in with it.');
      return reply.redirect(paths.signIn(), 303);
    },
  );
}

function linkNotValid(reply: FastifyReply) {
  return reply.code(400).page('account/reset-expired.njk', { title: 'This link has expired' });
}
