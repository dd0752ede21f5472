/*
 * The programme office's publishing forms, described as field lists for the shared form template
 * (src/web/forms/record-form.njk). Messages follow the GOV.UK Design System's wording.
 */
import type { CommitteeReportData, FeedbackData } from '../../db/publishing/commands.ts';
import { coverFields, type CommitteeCover } from '../../domain/publishing/committee-cover.ts';
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
import { FormReader } from '../forms/reader.ts';
import type { RecordForm } from '../plan/forms.ts';
import { dateToFormValues, type FieldSpec } from '../forms/fields.ts';

const long = 20000;

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
  read(values) {
    const form = new FormReader(values);
    return form.result({ plain: form.text('plain', { label, max: 5000 }) });
  },
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
  read(values) {
    const form = new FormReader(values);
    const acronym = form.text('acronym', { label: 'Acronym', max: 20, required: 'Enter the acronym' });
    if (acronym && !/^[\p{L}\p{N}&-]+$/u.test(acronym))
      form.problem('acronym', 'Acronym must be letters and numbers only, with no spaces');
    const data = {
      acronym,
      expansion: form.text('expansion', { label: 'What it stands for', max: 300 }),
      plural: form.text('plural', { label: 'Plural', max: 300 }),
      explain: form.choice('explain', ['yes', 'no'], 'Select yes if it should be spelled out') === 'yes',
      confirmed:
        form.choice('confirmed', ['yes', 'no'], 'Select yes if the council has confirmed it') === 'yes',
      note: form.text('note', { label: 'Note', max: 2000 }),
    };
    if (data.confirmed && data.explain && data.expansion === '')
      form.problem('expansion', 'Enter what it stands for');
    return form.result(data);
  },
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
  read(values) {
    const form = new FormReader(values);
    return form.result({
      kind: form.choice('kind', feedbackKinds, 'Select what kind of feedback it is'),
      source: form.choice('source', feedbackSources, 'Select who said it'),
      said: form.text('said', { label: 'What they said', max: long, required: 'Enter what they said' }),
      publicWording: form.text('publicWording', { label: 'Words to publish', max: long }),
      response: form.text('response', { label: 'What we did', max: long }),
      attribution: form.text('attribution', { label: 'Name or signature', max: 300 }),
      receivedOn: form.date('receivedOn', { label: 'Date received' }),
      consent: form.choice('consent', consents, 'Select whether they agreed to it being published'),
    });
  },
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
  read(values) {
    const form = new FormReader(values);
    return form.result({
      title: form.text('title', { label: 'Title', max: 300, required: 'Enter a title' }),
      description: form.text('description', { label: 'What it is about', max: long }),
      closesOn: form.date('closesOn', { label: 'Closing date', required: 'Enter the closing date' }) ?? '',
      status: form.choice('status', consultationStatuses, 'Select whether it is open for responses'),
    });
  },
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
  read(values) {
    const form = new FormReader(values);
    return form.result({
      text: form.text('text', { label: 'Question', max: 1000, required: 'Enter the question' }),
      hint: form.text('hint', { label: 'Hint', max: 500 }),
      required: form.choice('required', ['yes', 'no'], 'Select yes if people must answer it') === 'yes',
    });
  },
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
  read(values) {
    const form = new FormReader(values);
    return form.result({
      name: form.text('name', { label: 'Theme', max: 200, required: 'Enter the theme' }),
      summary: form.text('summary', { label: 'What respondents said', max: long }),
    });
  },
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
    const form = new FormReader(values);
    const planId = values.planId ?? '';
    if (!ctx.plans.some((p) => String(p.id) === planId)) form.problem('planId', 'Select a plan');
    const quarter = quarterByKey(values.quarter ?? '');
    if (!quarter) form.problem('quarter', 'Select the quarter it reports on');
    const consultation = values.consultationId ?? '';
    if (consultation !== '' && !ctx.consultations.some((c) => String(c.id) === consultation))
      form.problem('consultationId', 'Select a consultation from the list');
    const data = {
      planId: Number(planId),
      quarter: quarter!,
      consultationId: consultation === '' ? null : Number(consultation),
      ...readCover(form),
    };
    return form.result(data);
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

/** The cover fields as typed, by the one list of cover fields. */
function readCover(form: FormReader): CommitteeCover {
  return Object.fromEntries(
    coverFields.map((f) => {
      const label = f.shortLabel ?? f.formLabel;
      const value =
        f.kind === 'date'
          ? (form.date(f.name, { label, ...(f.required ? { required: f.required } : {}) }) ?? '')
          : form.text(f.name, { label, max: f.max ?? long, ...(f.required ? { required: f.required } : {}) });
      return [f.name, value];
    }),
  ) as CommitteeCover;
}

export const recipientForm: RecordForm<unknown, { meeting: string }, { meeting: string }> = {
  fields: () => [
    {
      kind: 'input',
      name: 'meeting',
      label: 'Meeting',
      hint: 'For example, Tameside Health and Wellbeing Board',
    },
  ],
  read(values) {
    const form = new FormReader(values);
    return form.result({
      meeting: form.text('meeting', { label: 'Meeting', max: 300, required: 'Enter the meeting' }),
    });
  },
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
    read(values) {
      const form = new FormReader(values);
      return form.result({
        targetReadingAge: form.whole('targetReadingAge', {
          min: 6,
          max: 18,
          required: 'Enter the target reading age',
          invalid: 'Target reading age must be a whole number from 6 to 18',
        }),
      });
    },
    toValues: (s) => ({ targetReadingAge: String(s.targetReadingAge) }),
  };

export type { FieldSpec };
