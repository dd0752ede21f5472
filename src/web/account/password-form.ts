import { z } from 'zod';
import { problem } from '../forms/validate.ts';

/* The rules for a new password, shared by the change and the reset pages. */

const minLength = 10;
// argon2 hashes whatever it is given: a cap keeps a huge "password" from costing the server.
const maxLength = 200;

const newPasswordFields = {
  newPassword: z.unknown().transform((raw) => (typeof raw === 'string' ? raw : '')),
  confirmPassword: z.unknown().transform((raw) => (typeof raw === 'string' ? raw : '')),
};

function checkNewPassword(
  form: { newPassword: string; confirmPassword: string },
  ctx: z.RefinementCtx,
): void {
  if (form.newPassword === '') problem(ctx, 'newPassword', 'Enter a new password');
  else if (form.newPassword.length < minLength)
    problem(ctx, 'newPassword', `Password must be ${minLength} characters or more`);
  else if (form.newPassword.length > maxLength)
    problem(ctx, 'newPassword', `Password must be ${maxLength} characters or fewer`);
  else if (form.confirmPassword !== form.newPassword)
    problem(ctx, 'confirmPassword', 'Enter the same password twice');
}

export const newPasswordForm = z.object(newPasswordFields).superRefine(checkNewPassword);

export const changePasswordForm = z
  .object({
    currentPassword: z.unknown().transform((raw) => (typeof raw === 'string' ? raw : '')),
    ...newPasswordFields,
  })
  .superRefine((form, ctx) => {
    if (form.currentPassword === '') problem(ctx, 'currentPassword', 'Enter your current password');
    else if (form.currentPassword.length > 1000)
      problem(ctx, 'currentPassword', 'Password must be 1,000 characters or fewer');
    checkNewPassword(form, ctx);
  });
