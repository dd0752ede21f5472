import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { and, eq } from 'drizzle-orm';
import { recordChange } from '../../db/changes.ts';
import { roles, users, type Role } from '../../db/schema.ts';
import { addUser, DuplicateEmailError } from '../../db/people/accounts.ts';
import { authorize } from '../auth.ts';
import { NotFoundError, parseId } from '../errors/http-errors.ts';
import { FormReader } from '../forms/reader.ts';
import { field, toFormErrors } from '../forms/parse.ts';
import { paths } from '../paths.ts';
import { roleNames } from '../plan/labels.ts';

const roleItems = roles.map((r) => ({ value: r, text: roleNames[r] }));

/** Administrators add people, set their roles and turn accounts off; nobody's account is deleted. */
export async function userPages(app: FastifyInstance) {
  app.get(paths.users(), async (request, reply) => {
    const admin = authorize(request, reply, 'manage-users', { type: 'user' });
    const people = await app.db
      .select({
        id: users.id,
        name: users.name,
        email: users.email,
        role: users.role,
        disabled: users.disabled,
      })
      .from(users)
      .where(eq(users.organisationId, admin.organisationId))
      .orderBy(users.name);
    return reply.page('account/users.njk', { title: 'People', people, roleNames });
  });

  app.get(paths.newUser(), async (request, reply) => {
    authorize(request, reply, 'manage-users', { type: 'user' });
    return reply.page('account/new-user.njk', {
      title: 'Add a person',
      values: { role: 'viewer' },
      roleItems,
    });
  });

  app.post(paths.newUser(), async (request, reply) => {
    const admin = authorize(request, reply, 'manage-users', { type: 'user' });
    const values = {
      name: field(request.body, 'name'),
      email: field(request.body, 'email'),
      role: field(request.body, 'role'),
    };
    const form = new FormReader(values);
    const name = form.text('name', { label: 'Name', max: 200, required: 'Enter the person’s name' });
    const email = form.text('email', {
      label: 'Email address',
      max: 320,
      required: 'Enter the person’s email address',
    });
    if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
      form.problem('email', 'Enter an email address in the correct format, like name@council.gov.uk');
    const role = form.choice('role', roles, 'Select the person’s role');
    const result = form.result({ name, email, role: role });
    if (!result.ok)
      return reply
        .code(400)
        .page('account/new-user.njk', { title: 'Add a person', values, errors: result.errors, roleItems });
    const password = randomBytes(12).toString('base64url');
    try {
      const added = await addUser(app.db, { organisationId: admin.organisationId, ...result.data, password });
      await recordChange(app.db, {
        organisationId: admin.organisationId,
        recordType: 'user',
        recordId: added.id,
        action: 'create',
        actor: { userId: admin.id, name: admin.name },
        before: null,
        after: { name: added.name, email: added.email, role: added.role },
      });
      return reply.page('account/user-added.njk', { title: 'Person added', added, password, roleNames });
    } catch (error) {
      if (!(error instanceof DuplicateEmailError)) throw error;
      const errors = toFormErrors([
        { field: 'email', message: 'Someone with this email address already has an account' },
      ]);
      return reply
        .code(400)
        .page('account/new-user.njk', { title: 'Add a person', values, errors, roleItems });
    }
  });

  app.post<{ Params: { userId: string } }>('/users/:userId', async (request, reply) => {
    const admin = authorize(request, reply, 'manage-users', { type: 'user' });
    const id = parseId(request.params.userId, 'Person');
    const [person] = await app.db
      .select()
      .from(users)
      .where(and(eq(users.id, id), eq(users.organisationId, admin.organisationId)));
    if (!person) throw new NotFoundError('Person');
    const role = field(request.body, 'role');
    const disabled = field(request.body, 'disabled') === 'yes';
    if (!(roles as readonly string[]).includes(role)) throw new NotFoundError('Role');
    // An administrator cannot lock themselves out, or leave the council with no administrator.
    if (person.id === admin.id && (role !== 'administrator' || disabled)) {
      return reply.code(400).page('errors/error.njk', {
        title: 'You cannot change your own role',
        status: 400,
        detail: 'Ask another administrator to change your role or turn off your account.',
      });
    }
    await app.db.transaction(async (tx) => {
      await tx
        .update(users)
        .set({ role: role as Role, disabled })
        .where(eq(users.id, person.id));
      await recordChange(tx, {
        organisationId: admin.organisationId,
        recordType: 'user',
        recordId: person.id,
        action: 'update',
        actor: { userId: admin.id, name: admin.name },
        before: { role: person.role, disabled: person.disabled },
        after: { role, disabled },
      });
    });
    return reply.redirect(paths.users(), 303);
  });
}
