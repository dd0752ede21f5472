/*
 * The field pieces more than one publishing form uses (the *-forms.ts files beside this one), so a
 * yes or no question and a select read the same way on every publishing page.
 */
import { z } from 'zod';

/** The most a free-text answer may hold. */
export const long = 20000;

/** What a browser sent for a select, as typed (anything that is not text reads as empty). */
export const selected = (raw: unknown): string => (typeof raw === 'string' ? raw : '');

/** Yes or no radios, as a boolean; anything else is refused (and reads as no for cross-field rules). */
export function yesNoChoice(message: string) {
  return z.unknown().transform((raw, ctx) => {
    const value = selected(raw);
    if (value !== 'yes' && value !== 'no') ctx.addIssue({ code: 'custom', message, continue: true });
    return value === 'yes';
  });
}

/** The items of a yes or no question's radios. */
export const yesNo = [
  { value: 'yes', text: 'Yes' },
  { value: 'no', text: 'No' },
];
