/*
 * The glossary entry and reading age forms (glossary-pages.ts), as field lists for the shared form
 * template (src/web/forms/record-form.njk). Messages follow the GOV.UK Design System's wording.
 */
import { z } from 'zod';
import { parseForm } from '../forms/parse.ts';
import { problem, text, whole } from '../forms/validate.ts';
import type { RecordForm } from '../forms/fields.ts';
import { yesNo, yesNoChoice } from './form-parts.ts';

export interface GlossaryData {
  acronym: string;
  expansion: string;
  plural: string;
  explain: boolean;
  confirmed: boolean;
  note: string;
}

const glossarySchema = z
  .object({
    acronym: text('Acronym', { max: 20, required: 'Enter the acronym' }).superRefine((acronym, ctx) => {
      if (acronym && !/^[\p{L}\p{N}&-]+$/u.test(acronym))
        ctx.addIssue({
          code: 'custom',
          message: 'Acronym must be letters and numbers only, with no spaces',
          continue: true,
        });
    }),
    expansion: text('What it stands for', { max: 300 }),
    plural: text('Plural', { max: 300 }),
    explain: yesNoChoice('Select yes if it should be spelled out'),
    confirmed: yesNoChoice('Select yes if the council has confirmed it'),
    note: text('Note', { max: 2000 }),
  })
  .superRefine((data, ctx) => {
    if (data.confirmed && data.explain && data.expansion === '')
      problem(ctx, 'expansion', 'Enter what it stands for');
  });

export const glossaryForm: RecordForm<unknown, GlossaryData, GlossaryData> = {
  fields: () => [
    {
      kind: 'input',
      name: 'acronym',
      label: 'Acronym',
      hint: 'As it is written, for example MASH or DfE',
      classes: 'govuk-input--width-10',
    },
    {
      kind: 'input',
      name: 'expansion',
      label: 'What it stands for',
      hint: 'For example, Multi-Agency Safeguarding Hub',
    },
    {
      kind: 'input',
      name: 'plural',
      label: 'Plural (optional)',
      hint: 'Only when adding an s is wrong, for example Children in Need',
    },
    {
      kind: 'radios',
      name: 'explain',
      label: 'Spell it out the first time it appears on a public page?',
      hint: 'Choose no for abbreviations people know better than their meaning, such as NHS',
      items: yesNo,
    },
    {
      kind: 'radios',
      name: 'confirmed',
      label: 'Has the council confirmed what it stands for?',
      hint: 'Unconfirmed meanings are never shown publicly',
      items: yesNo,
    },
    { kind: 'textarea', name: 'note', label: 'Note (optional)', rows: 3 },
  ],
  read: (values) => parseForm(glossarySchema, values),
  toValues: (e) => ({
    acronym: e.acronym,
    expansion: e.expansion,
    plural: e.plural,
    explain: e.explain ? 'yes' : 'no',
    confirmed: e.confirmed ? 'yes' : 'no',
    note: e.note,
  }),
};

export const readingAgeForm: RecordForm<unknown, { targetReadingAge: number }, { targetReadingAge: number }> =
  {
    fields: () => [
      {
        kind: 'input',
        name: 'targetReadingAge',
        label: 'Target reading age',
        hint: 'Public text with a higher reading age is flagged on the easy read page. A whole number from 6 to 18',
        classes: 'govuk-input--width-3',
        inputmode: 'numeric',
      },
    ],
    read: (values) =>
      parseForm(
        z.object({
          targetReadingAge: whole({
            min: 6,
            max: 18,
            required: 'Enter the target reading age',
            invalid: 'Target reading age must be a whole number from 6 to 18',
          }),
        }),
        values,
      ),
    toValues: (s) => ({ targetReadingAge: String(s.targetReadingAge) }),
  };
