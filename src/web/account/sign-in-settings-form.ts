import { z } from 'zod';
import {
  claimPattern,
  formatGroupRoles,
  parseGroupRoles,
  secretVariablePattern,
  type GroupRole,
  type SignInSettings,
} from '../../domain/sign-in/oidc.ts';
import { roleNames } from './labels.ts';
import type { RecordForm } from '../forms/fields.ts';
import { parseForm } from '../forms/parse.ts';
import { choice, refuse, text } from '../forms/validate.ts';

/** What the form says about the service's own settings, which blank fields fall back to. */
export interface SignInFormContext {
  defaultIssuer: string | undefined;
  defaultClientId: string | undefined;
  defaultEmailClaim: string;
  defaultGroupsClaim: string | undefined;
  /** Names of the secret variables set on the server (never their values). */
  secretVariables: readonly string[];
}

const isLoopback = (url: URL) => ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);

const issuerField = text('Issuer URL', { max: 500 }).transform((value, ctx) => {
  if (value === '') return value;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    refuse(
      ctx,
      'Enter the issuer URL as a web address, like https://login.microsoftonline.com/<tenant>/v2.0',
    );
    return value;
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url)))
    refuse(ctx, 'The issuer URL must start with https://');
  return value;
});

const claimField = (label: string) =>
  text(label, { max: 200 }).transform((value, ctx) => {
    if (value !== '' && !claimPattern.test(value))
      refuse(ctx, `${label} must be a claim’s name, like email or preferred_username`);
    return value;
  });

const notSetText = (value: string | undefined) => (value ? `currently ${value}` : 'not set on this server');

export const signInSettingsForm: RecordForm<SignInFormContext, SignInSettings, SignInSettings> = {
  fields: (ctx) => [
    {
      kind: 'input',
      name: 'providerName',
      label: 'Name of the identity provider',
      hint: 'The sign-in button says “Sign in with” and this name, like “Tameside Council account”.',
    },
    {
      kind: 'input',
      name: 'issuer',
      label: 'Issuer URL (optional)',
      hint: `For Microsoft Entra ID: https://login.microsoftonline.com/<tenant ID>/v2.0. Leave blank to use OIDC_ISSUER (${notSetText(ctx.defaultIssuer)}).`,
    },
    {
      kind: 'input',
      name: 'clientId',
      label: 'Client ID (optional)',
      hint: `The application (client) ID the provider gave this service. Leave blank to use OIDC_CLIENT_ID (${notSetText(ctx.defaultClientId)}).`,
    },
    {
      kind: 'input',
      name: 'secretVariable',
      label: 'Name of the variable holding the client secret (optional)',
      hint: 'The secret is never kept here: the server’s administrator sets it in a variable named like OIDC_TAMESIDE_SECRET. Leave blank to use OIDC_CLIENT_SECRET, which is sent only to the issuer in OIDC_ISSUER.',
    },
    {
      kind: 'input',
      name: 'emailClaim',
      label: 'Claim that carries the email address (optional)',
      hint: `Leave blank for ${ctx.defaultEmailClaim}. Microsoft Entra ID may need preferred_username or upn.`,
    },
    {
      kind: 'input',
      name: 'groupsClaim',
      label: 'Claim that lists the person’s groups (optional)',
      hint: `Leave blank for ${ctx.defaultGroupsClaim ?? 'groups'}.`,
    },
    {
      kind: 'textarea',
      name: 'groupRoles',
      label: 'Groups whose members get an account when they first sign in (optional)',
      hint: 'One a line: the group as the provider names it, an equals sign and a role, like “Children’s services leads = Programme manager”. The first line that matches gives the role. Anyone else needs an account added by an administrator.',
      rows: 5,
    },
    {
      kind: 'radios',
      name: 'allowPasswords',
      label: 'Can people also sign in with a password?',
      hint: 'The council’s first administrator can always sign in with a password, so a fault at the provider cannot lock the council out.',
      items: [
        { value: 'yes', text: 'Yes' },
        { value: 'no', text: 'No, only through the identity provider' },
      ],
    },
  ],
  read(values, ctx) {
    let groupRoles: GroupRole[] = [];
    const schema = z.object({
      providerName: text('Name of the identity provider', { max: 100 }),
      issuer: issuerField,
      clientId: text('Client ID', { max: 500 }),
      secretVariable: text('Name of the variable', { max: 100 }).transform((value, ctx2) => {
        if (value === '') return value;
        if (!secretVariablePattern.test(value))
          refuse(
            ctx2,
            'The variable’s name must start with OIDC_ and contain SECRET, like OIDC_TAMESIDE_SECRET',
          );
        else if (!ctx.secretVariables.includes(value)) refuse(ctx2, `${value} is not set on this server`);
        return value;
      }),
      emailClaim: claimField('Claim that carries the email address'),
      groupsClaim: claimField('Claim that lists the groups'),
      groupRoles: text('Groups', { max: 10000 }).transform((value, ctx2) => {
        const parsed = parseGroupRoles(value, roleNames);
        if (parsed.ok) groupRoles = parsed.rows;
        else refuse(ctx2, parsed.problem);
        return value;
      }),
      allowPasswords: choice(['yes', 'no'], 'Select whether people can also sign in with a password'),
    });
    const result = parseForm(schema, values);
    if (!result.ok) return result;
    return {
      ok: true,
      data: { ...result.data, groupRoles, allowPasswords: result.data.allowPasswords === 'yes' },
    };
  },
  toValues: (s) => ({
    providerName: s.providerName,
    issuer: s.issuer,
    clientId: s.clientId,
    secretVariable: s.secretVariable,
    emailClaim: s.emailClaim,
    groupsClaim: s.groupsClaim,
    groupRoles: formatGroupRoles(s.groupRoles, roleNames),
    allowPasswords: s.allowPasswords ? 'yes' : 'no',
  }),
};
