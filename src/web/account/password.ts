import type { FastifyInstance } from 'fastify';
import { changePassword, WrongPasswordError } from '../../db/people/commands.ts';
import { authorize } from '../auth.ts';
import { flash } from '../flash.ts';
import { parseForm, toFormErrors } from '../forms/parse.ts';
import { paths } from '../paths.ts';
import { changePasswordForm } from './password-form.ts';

const title = 'Change your password';

/** A signed-in person changes their password; their other sessions end (this one carries on). */
export function passwordPages(app: FastifyInstance): void {
  app.get(paths.changePassword.pattern, (request, reply) => {
    authorize(request, reply, 'edit', { type: 'own-account' });
    return reply.page('account/password.njk', { title });
  });

  app.post(paths.changePassword.pattern, async (request, reply) => {
    const user = authorize(request, reply, 'edit', { type: 'own-account' });
    const form = parseForm(changePasswordForm, request.body);
    if (!form.ok) return reply.code(400).page('account/password.njk', { title, errors: form.errors });
    try {
      await changePassword(
        app.db,
        {
          userId: user.id,
          currentPassword: form.data.currentPassword,
          newPassword: form.data.newPassword,
          keepSessionId: request.sessionId ?? 0,
        },
        { userId: user.id, name: user.name },
      );
    } catch (error) {
      if (!(error instanceof WrongPasswordError)) throw error;
      const errors = toFormErrors([
        { field: 'currentPassword', message: 'Your current password is not right' },
      ]);
      return reply.code(400).page('account/password.njk', { title, errors });
    }
    request.log.info({ userId: user.id }, 'password changed');
    flash(request, 'Your password has been changed. You have been signed out everywhere else.');
    return reply.redirect(paths.account(), 303);
  });
}
