/*
 * The "You said, We did" feedback form (feedback-pages.ts), as a field list for the shared form
 * template (src/web/forms/record-form.njk). Messages follow the GOV.UK Design System's wording.
 */
import { z } from 'zod';
import type { FeedbackData } from '../../db/publishing/commands.ts';
import {
  consentNames,
  consents,
  feedbackKindNames,
  feedbackKinds,
  feedbackSourceNames,
  feedbackSources,
} from '../../domain/publishing/feedback.ts';
import { parseForm } from '../forms/parse.ts';
import { choice, date, text } from '../forms/validate.ts';
import { dateToFormValues, type RecordForm } from '../forms/fields.ts';
import { long } from './form-parts.ts';

export const feedbackForm: RecordForm<unknown, FeedbackData, FeedbackData> = {
  fields: () => [
    {
      kind: 'radios',
      name: 'kind',
      label: 'What kind of feedback is it?',
      items: feedbackKinds.map((k) => ({ value: k, text: feedbackKindNames[k] })),
    },
    {
      kind: 'select',
      name: 'source',
      label: 'Who said it?',
      items: feedbackSources.map((s) => ({ value: s, text: feedbackSourceNames[s] })),
    },
    {
      kind: 'textarea',
      name: 'said',
      label: 'What they said',
      hint: 'As they said or wrote it. This is never published as it is if it names anyone who has not agreed.',
      rows: 5,
    },
    {
      kind: 'textarea',
      name: 'publicWording',
      label: 'Draft words to publish (optional)',
      hint: 'A first draft of the public wording. Nothing is published until a person approves the public wording on the approval page.',
      rows: 5,
    },
    {
      kind: 'textarea',
      name: 'response',
      label: 'What we did (optional)',
      hint: 'The response and what changed, for “You said, We did”',
      rows: 5,
    },
    {
      kind: 'input',
      name: 'attribution',
      label: 'Name or signature (optional)',
      hint: 'Published only if they agreed to be named',
    },
    { kind: 'date', name: 'receivedOn', label: 'Date received (optional)', hint: 'For example, 7 2 2017' },
    {
      kind: 'radios',
      name: 'consent',
      label: 'Did they agree to it being published?',
      items: consents.map((c) => ({ value: c, text: consentNames[c] })),
    },
  ],
  read: (values) =>
    parseForm(
      z.object({
        kind: choice(feedbackKinds, 'Select what kind of feedback it is'),
        source: choice(feedbackSources, 'Select who said it'),
        said: text('What they said', { max: long, required: 'Enter what they said' }),
        publicWording: text('Words to publish', { max: long }),
        response: text('What we did', { max: long }),
        attribution: text('Name or signature', { max: 300 }),
        receivedOn: date('Date received'),
        consent: choice(consents, 'Select whether they agreed to it being published'),
      }),
      values,
    ),
  toValues: (f) => ({
    kind: f.kind,
    source: f.source,
    said: f.said,
    publicWording: f.publicWording,
    response: f.response,
    attribution: f.attribution,
    ...dateToFormValues('receivedOn', f.receivedOn),
    consent: f.consent,
  }),
};
