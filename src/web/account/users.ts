import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { addPerson, changeAccess, DuplicateEmailError, OwnAccessError } from '../../db/people/commands.ts';
import { getPerson, listPeople } from '../../db/people/queries.ts';
import { roles, type Role } from '../../domain/policies.ts';
import { authorize } from '../auth.ts';
import { NotFoundError, parseId } from '../errors/http-errors.ts';
import { field, parseForm, toFormErrors } from '../forms/parse.ts';
import { choice, text } from '../forms/validate.ts';
import { paths, type RouteParams } from '../paths.ts';
import { roleNames } from './labels.ts';
import { flash } from '../flash.ts';

const roleItems = roles.map((r) => ({ value: r, text: roleNames[r] }));
const isRole = (value: string): value is Role => (roles as readonly string[]).includes(value);

const newUserForm = z.object({
  name: text('Name', { max: 200, required: 'Enter the person’s name' }),
  email: text('Email address', { max: 320, required: 'Enter the person’s email address' }).transform(
    (email, ctx) => {
      if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
        ctx.addIssue({
          code: 'custom',
          message: 'Enter an email address in the correct format, like name@council.gov.uk',
          continue: true,
        });
      return email;
    },
  ),
  role: choice(roles, 'Select the person’s role'),
});

/** Administrators add people, set their roles and turn accounts off; nobody's account is deleted. */
export function userPages(app: FastifyInstance): void {
  app.get(paths.users.pattern, async (request, reply) => {
    const admin = authorize(request, reply, 'manage-users', { type: 'user' });
    const people = await listPeople(app.db, admin.organisationId);
    return reply.page('account/users.njk', { title: 'People', people, roleNames });
  });

  app.get(paths.newUser.pattern, (request, reply) => {
    authorize(request, reply, 'manage-users', { type: 'user' });
    return reply.page('account/new-user.njk', {
      title: 'Add a person',
      values: { role: 'viewer' },
      roleItems,
    });
  });

  app.post(paths.newUser.pattern, async (request, reply) => {
    const admin = authorize(request, reply, 'manage-users', { type: 'user' });
    const values = {
      name: field(request.body, 'name'),
      email: field(request.body, 'email'),
      role: field(request.body, 'role'),
    };
    const result = parseForm(newUserForm, values);
    if (!result.ok)
      return reply
        .code(400)
        .page('account/new-user.njk', { title: 'Add a person', values, errors: result.errors, roleItems });
    const password = randomBytes(12).toString('base64url');
    try {
      const added = await addPerson(
        app.db,
        { organisationId: admin.organisationId, ...result.data, password },
        { userId: admin.id, name: admin.name },
      );
      return reply.page('account/user-added.njk', { title: 'Person added', added, password, roleNames });
    } catch (error) {
      if (!(error instanceof DuplicateEmailError)) throw error;
      const errors = toFormErrors([
        { field: 'email', message: 'Someone in your council already has an account with this email address' },
      ]);
      return reply
        .code(400)
        .page('account/new-user.njk', { title: 'Add a person', values, errors, roleItems });
    }
  });

  app.post<{ Params: RouteParams<typeof paths.user> }>(paths.user.pattern, async (request, reply) => {
    const admin = authorize(request, reply, 'manage-users', { type: 'user' });
    const person = await getPerson(app.db, admin.organisationId, parseId(request.params.userId, 'Person'));
    if (!person) throw new NotFoundError('Person');
    const role = field(request.body, 'role');
    const disabled = field(request.body, 'disabled') === 'yes';
    if (!isRole(role)) throw new NotFoundError('Role');
    try {
      const changed = await changeAccess(
        app.db,
        { organisationId: admin.organisationId, userId: person.id, role, disabled },
        { userId: admin.id, name: admin.name },
      );
      if (!changed) throw new NotFoundError('Person');
    } catch (error) {
      if (!(error instanceof OwnAccessError)) throw error;
      // An administrator cannot lock themselves out, or leave the council with no administrator.
      return reply.code(400).page('errors/error.njk', {
        title: 'You cannot change your own role',
        status: 400,
        detail: 'Ask another administrator to change your role or turn off your account.',
      });
    }
    flash(request, 'Changes saved');
    return reply.redirect(paths.users(), 303);
  });
}
