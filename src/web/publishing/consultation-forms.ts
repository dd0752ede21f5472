/*
 * The consultation, question and theme forms (consultation-pages.ts), as field lists for the shared
 * form template (src/web/forms/record-form.njk). Messages follow the GOV.UK Design System's wording.
 */
import { z } from 'zod';
import { consultationStatuses } from '../../domain/workflows/publication.ts';
import { parseForm } from '../forms/parse.ts';
import { choice, date, text } from '../forms/validate.ts';
import { dateToFormValues, type RecordForm } from '../forms/fields.ts';
import { long, yesNo, yesNoChoice } from './form-parts.ts';

export interface ConsultationData {
  title: string;
  description: string;
  closesOn: string;
  status: 'draft' | 'open';
}

export const consultationForm: RecordForm<unknown, ConsultationData, ConsultationData> = {
  fields: () => [
    { kind: 'input', name: 'title', label: 'Title', hint: 'For example, Help us shape our improvement plan' },
    {
      kind: 'textarea',
      name: 'description',
      label: 'What it is about',
      hint: 'Shown above the questions on the public form',
      rows: 5,
    },
    {
      kind: 'date',
      name: 'closesOn',
      label: 'Closing date',
      hint: 'Responses are accepted until the end of this day. For example, 15 2 2025',
    },
    {
      kind: 'radios',
      name: 'status',
      label: 'Is it open for responses?',
      items: [
        { value: 'draft', text: 'Not yet: it is a draft and is not shown publicly' },
        { value: 'open', text: 'Yes: show it on the public site' },
      ],
    },
  ],
  read: (values) =>
    parseForm(
      z.object({
        title: text('Title', { max: 300, required: 'Enter a title' }),
        description: text('What it is about', { max: long }),
        closesOn: date('Closing date', { required: 'Enter the closing date' }),
        status: choice(consultationStatuses, 'Select whether it is open for responses'),
      }),
      values,
    ),
  toValues: (c) => ({
    title: c.title,
    description: c.description,
    ...dateToFormValues('closesOn', c.closesOn),
    status: c.status,
  }),
};

export const questionForm: RecordForm<
  unknown,
  { text: string; hint: string; required: boolean },
  { text: string; hint: string; required: boolean }
> = {
  fields: () => [
    { kind: 'textarea', name: 'text', label: 'Question', rows: 3 },
    { kind: 'input', name: 'hint', label: 'Hint (optional)', hint: 'Help shown under the question' },
    { kind: 'radios', name: 'required', label: 'Must people answer it?', items: yesNo },
  ],
  read: (values) =>
    parseForm(
      z.object({
        text: text('Question', { max: 1000, required: 'Enter the question' }),
        hint: text('Hint', { max: 500 }),
        required: yesNoChoice('Select yes if people must answer it'),
      }),
      values,
    ),
  toValues: (q) => ({ text: q.text, hint: q.hint, required: q.required ? 'yes' : 'no' }),
};

export const themeForm: RecordForm<
  unknown,
  { name: string; summary: string },
  { name: string; summary: string }
> = {
  fields: () => [
    { kind: 'input', name: 'name', label: 'Theme', hint: 'For example, Information sharing' },
    {
      kind: 'textarea',
      name: 'summary',
      label: 'What respondents said (optional)',
      hint: 'A paragraph for the summary by theme and the committee report',
      rows: 6,
    },
  ],
  read: (values) =>
    parseForm(
      z.object({
        name: text('Theme', { max: 200, required: 'Enter the theme' }),
        summary: text('What respondents said', { max: long }),
      }),
      values,
    ),
  toValues: (t) => ({ name: t.name, summary: t.summary }),
};
