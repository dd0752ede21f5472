/*
 * The programme office's publishing forms, described as field lists for the shared form template
 * (src/web/forms/record-form.njk). Messages follow the GOV.UK Design System's wording.
 */
import type { CommitteeReportData, FeedbackData } from '../../db/publishing/commands.ts';
import {
  coverFieldNames,
  coverFields,
  type CommitteeCover,
  type CoverFieldName,
} from '../../domain/publishing/committee-cover.ts';
import {
  consentNames,
  consents,
  feedbackKindNames,
  feedbackKinds,
  feedbackSourceNames,
  feedbackSources,
} from '../../domain/publishing/feedback.ts';
import { consultationStatuses } from '../../domain/workflows/publication.ts';
import { quarterByKey, quarterOf, recentQuarters } from '../../domain/publishing/quarters.ts';
import { z } from 'zod';
import { parseForm } from '../forms/parse.ts';
import { choice, date, problem, text, whole } from '../forms/validate.ts';
import type { RecordForm } from '../plan/forms.ts';
import { dateToFormValues, type FieldSpec } from '../forms/fields.ts';

const long = 20000;

/** What a browser sent for a select, as typed (anything that is not text reads as empty). */
const selected = (raw: unknown): string => (typeof raw === 'string' ? raw : '');

/** A select among known ids (a plan, a consultation): the id as a number. */
function knownId(ids: readonly number[], message: string) {
  return z.unknown().transform((raw, ctx) => {
    const value = selected(raw);
    if (!ids.some((id) => String(id) === value)) ctx.addIssue({ code: 'custom', message, continue: true });
    return Number(value);
  });
}

/** An optional select among known ids: '' (None) is null. */
function optionalKnownId(ids: readonly number[], message: string) {
  return z.unknown().transform((raw, ctx): number | null => {
    const value = selected(raw);
    if (value === '') return null;
    if (!ids.some((id) => String(id) === value)) ctx.addIssue({ code: 'custom', message, continue: true });
    return Number(value);
  });
}

/** A quarter chosen by its key ('2024-25-q1'). A wrong key never reaches the caller: the form is refused. */
function quarterField(message: string) {
  return z.unknown().transform((raw, ctx) => {
    const quarter = quarterByKey(selected(raw));
    if (!quarter) ctx.addIssue({ code: 'custom', message, continue: true });
    return quarter!;
  });
}

/** Yes or no radios, as a boolean; anything else is refused (and reads as no for cross-field rules). */
function yesNoChoice(message: string) {
  return z.unknown().transform((raw, ctx) => {
    const value = selected(raw);
    if (value !== 'yes' && value !== 'no') ctx.addIssue({ code: 'custom', message, continue: true });
    return value === 'yes';
  });
}

export const plainForm = (
  label: string,
): RecordForm<{ original: string }, { plain: string }, { plain: string }> => ({
  fields: ({ original }) => [
    {
      kind: 'textarea',
      name: 'plain',
      label,
      hint: `Short sentences and everyday words, for children and young people. Leave blank to show the original. The original: “${original.length > 400 ? original.slice(0, 397) + '…' : original}”`,
      rows: 5,
    },
  ],
  read: (values) => parseForm(z.object({ plain: text(label, { max: 5000 }) }), values),
  toValues: (r) => ({ plain: r.plain }),
});

export interface GlossaryData {
  acronym: string;
  expansion: string;
  plural: string;
  explain: boolean;
  confirmed: boolean;
  note: string;
}

const yesNo = [
  { value: 'yes', text: 'Yes' },
  { value: 'no', text: 'No' },
];

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

export type { CommitteeReportData, FeedbackData };

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
      label: 'Words to publish (optional)',
      hint: 'The same words with any names of children, families or staff taken out. Leave blank to have names removed automatically; check the preview before publishing.',
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

export interface CommitteeReportContext {
  plans: { id: number; title: string }[];
  consultations: { id: number; title: string }[];
  /** Today, for the quarters offered. */
  today: string;
}

type StoredReport = Omit<CommitteeReportData, 'quarter'> & { quarterStart: string };

export const committeeReportForm: RecordForm<CommitteeReportContext, CommitteeReportData, StoredReport> = {
  fields: (ctx) => [
    {
      kind: 'select',
      name: 'planId',
      label: 'Plan',
      items: ctx.plans.map((p) => ({ value: String(p.id), text: p.title })),
    },
    {
      kind: 'select',
      name: 'quarter',
      label: 'Quarter it reports on',
      items: recentQuarters(ctx.today, 24).map((q) => ({ value: q.key, text: q.label })),
    },
    ...coverFields.map((f): FieldSpec => {
      const common = { name: f.name, label: f.formLabel, ...(f.hint ? { hint: f.hint } : {}) };
      return f.kind === 'textarea'
        ? { kind: 'textarea', ...common, rows: f.rows ?? 5 }
        : { kind: f.kind, ...common };
    }),
    {
      kind: 'select',
      name: 'consultationId',
      label: 'Consultation to summarise (optional)',
      items: [
        { value: '', text: 'None' },
        ...ctx.consultations.map((c) => ({ value: String(c.id), text: c.title })),
      ],
    },
  ],
  read(values, ctx) {
    // The summary lists the plan, quarter and consultation first, then the cover in its order.
    const result = parseForm(
      z.object({
        planId: knownId(
          ctx.plans.map((p) => p.id),
          'Select a plan',
        ),
        quarter: quarterField('Select the quarter it reports on'),
        consultationId: optionalKnownId(
          ctx.consultations.map((c) => c.id),
          'Select a consultation from the list',
        ),
        ...coverShape,
      }),
      values,
    );
    if (!result.ok) return result;
    const { planId, quarter, consultationId, ...cover } = result.data;
    return { ok: true, data: { planId, quarter, consultationId, ...coverOf(cover) } };
  },
  toValues: (r) => ({
    planId: String(r.planId),
    quarter: quarterOf(r.quarterStart).key,
    consultationId: r.consultationId ? String(r.consultationId) : '',
    ...Object.fromEntries(
      coverFields.flatMap((f) =>
        f.kind === 'date' ? Object.entries(dateToFormValues(f.name, r[f.name])) : [[f.name, r[f.name]]],
      ),
    ),
  }),
};

/** The cover fields' checks, by the one list of cover fields. */
const coverShape = Object.fromEntries(
  coverFields.map((f) => {
    const label = f.shortLabel ?? f.formLabel;
    const field: z.ZodType<string | null> =
      f.kind === 'date'
        ? f.required
          ? date(label, { required: f.required })
          : date(label)
        : text(label, { max: f.max ?? long, ...(f.required ? { required: f.required } : {}) });
    return [f.name, field];
  }),
) as Record<CoverFieldName, z.ZodType<string | null>>;

/** The cover as stored: an optional date left blank is ''. */
const coverOf = (cover: Record<CoverFieldName, string | null>): CommitteeCover =>
  Object.fromEntries(coverFieldNames.map((name) => [name, cover[name] ?? ''])) as CommitteeCover;

export const recipientForm: RecordForm<unknown, { meeting: string }, { meeting: string }> = {
  fields: () => [
    {
      kind: 'input',
      name: 'meeting',
      label: 'Meeting',
      hint: 'For example, Tameside Health and Wellbeing Board',
    },
  ],
  read: (values) =>
    parseForm(z.object({ meeting: text('Meeting', { max: 300, required: 'Enter the meeting' }) }), values),
  toValues: (r) => ({ meeting: r.meeting }),
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

export type { FieldSpec };
