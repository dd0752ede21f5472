import type { FastifyInstance } from 'fastify';
import { saveSignInSettings } from '../../db/people/commands.ts';
import { getSignInSettings } from '../../db/people/queries.ts';
import type { SignInSettings } from '../../domain/sign-in/oidc.ts';
import { requireUser } from '../auth.ts';
import { editRoute } from '../forms/record-routes.ts';
import { paths } from '../paths.ts';
import { signInSettingsForm } from './sign-in-settings-form.ts';

/** A council that has saved nothing signs in with the service's defaults and keeps passwords. */
const unsaved: SignInSettings = {
  providerName: '',
  issuer: '',
  clientId: '',
  secretVariable: '',
  emailClaim: '',
  groupsClaim: '',
  groupRoles: [],
  allowPasswords: true,
};

/*
 * How the council's people sign in is the administrators' to set, like who has an account: the
 * same permission guards both. Saved at the version loaded, with history, like any edit.
 */
export function signInSettingsRoutes(app: FastifyInstance) {
  editRoute(app, {
    path: paths.signInSettings.pattern,
    action: 'manage-users',
    load: async (request, reply) => {
      const user = requireUser(request, reply);
      return { user, ...(await getSignInSettings(app.db, user.organisationId)) };
    },
    resource: () => ({ type: 'user' }),
    form: signInSettingsForm,
    formContext: () => ({
      defaultIssuer: app.config.OIDC_ISSUER,
      defaultClientId: app.config.OIDC_CLIENT_ID,
      defaultEmailClaim: app.config.OIDC_EMAIL_CLAIM,
      defaultGroupsClaim: app.config.OIDC_GROUPS_CLAIM,
      secretVariables: Object.keys(app.config.oidcSecrets),
    }),
    record: (ctx) => ({
      ...(ctx.settings ?? unsaved),
      version: ctx.row?.version ?? 1,
      // Only a saved row can be newer than the form, so the epoch never reaches a conflict panel.
      updatedAt: ctx.row?.updatedAt ?? new Date(0),
    }),
    historyKey: (ctx) => ({
      organisationId: ctx.user.organisationId,
      recordType: 'council-sign-in',
      recordId: ctx.row?.id ?? 0,
    }),
    page: () => ({
      title: 'How people sign in',
      caption: 'Settings',
      cancelLink: paths.account(),
      section: 'account',
    }),
    doneMessage: 'Sign-in settings saved',
    save: (ctx, data, version, actor) =>
      saveSignInSettings(app.db, ctx.user.organisationId, ctx.row, version, data, actor),
    done: () => paths.signInSettings(),
  });
}
