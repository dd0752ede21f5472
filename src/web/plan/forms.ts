import {
  commitmentStatuses,
  planKinds,
  planStatuses,
  type CommitmentStatus,
  type EvidenceLink,
  type PlanKind,
  type PlanStatus,
} from '../../domain/plan.ts';
import { z } from 'zod';
import { parseForm, type FormResult } from '../forms/parse.ts';
import { choice, date, optionalKnownId, problem, text, whole } from '../forms/validate.ts';
import { dateToFormValues, type FieldSpec } from '../forms/fields.ts';
import { commitmentStatusNames, planKindNames, planStatusNames } from './labels.ts';
import type { FrameworkTag } from '../../domain/national-framework.ts';
import {
  frameworkOutcomeField,
  frameworkOutcomeFormValue,
  frameworkOutcomeValue,
} from '../forms/framework-outcome.ts';

/*
 * The plan's forms: which fields each record has, how a submitted form is read, and how a stored
 * record fills the form for editing. Messages follow the GOV.UK Design System's wording.
 */

const short = 300;
const long = 20000;

export type { RecordForm } from '../forms/fields.ts';
import type { RecordForm } from '../forms/fields.ts';

type Options = { value: string; text: string }[];

/**
 * An optional select among known records. The select is only on the page when there is something
 * to choose; without it, none is chosen.
 */
const knownId = (ids: readonly number[], message: string) => optionalKnownId(ids, message).default(null);

/** Evidence as typed, one link per line: a title, then a space and the web address. */
function evidenceLinks() {
  return text('Evidence', { max: long }).transform((value, ctx) => {
    const evidence: EvidenceLink[] = [];
    for (const [index, line] of value
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .entries()) {
      const match = /^(.*?)\s*(https?:\/\/\S+)$/.exec(line);
      if (!match) {
        ctx.addIssue({
          code: 'custom',
          message: `Evidence line ${index + 1} must end with a web address starting http:// or https://`,
          continue: true,
        });
        break;
      }
      evidence.push({ title: match[1] || match[2]!, url: match[2]! });
    }
    return evidence;
  });
}

export const planForm: RecordForm<
  unknown,
  { title: string; period: string; kind: PlanKind; status: PlanStatus; adoptedOn: string | null },
  { title: string; period: string; kind: string; status: string; adoptedOn: string | null }
> = {
  fields: () => [
    { kind: 'input', name: 'title', label: 'Title' },
    {
      kind: 'radios',
      name: 'kind',
      label: 'Kind of plan',
      hint: 'A reform programme, such as the Families First Partnership, runs beside the improvement plan with its own checklist of expectations',
      items: planKinds.map((k) => ({ value: k, text: planKindNames[k] })),
    },
    {
      kind: 'input',
      name: 'period',
      label: 'Period',
      hint: 'For example, 2024 to 2026',
      classes: 'govuk-input--width-20',
    },
    {
      kind: 'radios',
      name: 'status',
      label: 'Status',
      items: planStatuses.map((s) => ({ value: s, text: planStatusNames[s] })),
    },
    {
      kind: 'date',
      name: 'adoptedOn',
      label: 'Date adopted',
      hint: 'For example, 22 3 2017. Leave blank if not yet adopted.',
    },
  ],
  read(values) {
    // Boxes left with only spaces count as typed, as they always have: then no date is asked for.
    const typedDate = ['day', 'month', 'year'].some((part) => values[`adoptedOn-${part}`]);
    const schema = z
      .object({
        title: text('Title', { max: short, required: 'Enter a title' }),
        period: text('Period', { max: 100 }),
        // Left out (a form from before kinds), the plan is an improvement plan, as every earlier one is.
        kind: z.preprocess(
          (raw) => (raw === undefined || raw === '' ? 'improvement-plan' : raw),
          choice(planKinds, 'Select the kind of plan'),
        ),
        status: choice(planStatuses, 'Select the status of the plan'),
        adoptedOn: date('Date adopted'),
      })
      .superRefine((data, ctx) => {
        if (data.status === 'adopted' && !data.adoptedOn && !typedDate)
          problem(ctx, 'adoptedOn', 'Enter the date the plan was adopted', 'day');
      });
    return parseForm(schema, values);
  },
  toValues: (plan) => ({
    title: plan.title,
    period: plan.period,
    kind: plan.kind,
    status: plan.status,
    ...dateToFormValues('adoptedOn', plan.adoptedOn),
  }),
};

export interface PriorityFormContext {
  /**
   * Whether the person arranges the plan (numbers its priorities, names their sponsors): the
   * programme office. A sponsor edits only their priority's wording (issue 14: a sponsor renumbered one).
   */
  canChooseSponsor: boolean;
  sponsors: { id: number; name: string }[];
}

export interface PriorityData {
  /** Absent when the person may not renumber priorities. */
  number?: number;
  title: string;
  ambition: string;
  impactForChildren: string;
  whatWeWillDo: string;
  sponsorUserId?: number | null;
  sponsorName?: string;
  frameworkOutcome: FrameworkTag;
}

export const priorityForm: RecordForm<
  PriorityFormContext,
  PriorityData,
  PriorityData & { sponsorUserId: number | null; sponsorName: string }
> = {
  fields: (ctx) => [
    ...(ctx.canChooseSponsor
      ? ([
          {
            kind: 'input',
            name: 'number',
            label: 'Number',
            classes: 'govuk-input--width-3',
            inputmode: 'numeric',
          },
        ] satisfies FieldSpec[])
      : []),
    { kind: 'input', name: 'title', label: 'Title' },
    {
      kind: 'textarea',
      name: 'ambition',
      label: 'Ambition',
      hint: 'What success looks like, in a sentence or two',
    },
    {
      kind: 'textarea',
      name: 'impactForChildren',
      label: 'What will the impact be for children?',
      hint: 'One point per line',
    },
    {
      kind: 'textarea',
      name: 'whatWeWillDo',
      label: 'What will we do?',
      hint: 'One point per line',
      rows: 8,
    },
    frameworkOutcomeField('Its commitments are read under it unless they name their own'),
    ...(ctx.canChooseSponsor
      ? ([
          {
            kind: 'select',
            name: 'sponsorUserId',
            label: 'Sponsor',
            hint: 'The person who reports on this priority to the board',
            items: [
              { value: '', text: 'No sponsor with an account' },
              ...ctx.sponsors.map((s) => ({ value: String(s.id), text: s.name })),
            ] as Options,
          },
          {
            kind: 'input',
            name: 'sponsorName',
            label: 'Sponsor’s name, if they have no account',
            classes: 'govuk-input--width-20',
          },
        ] satisfies FieldSpec[])
      : []),
  ],
  read(values, ctx): FormResult<PriorityData> {
    const fields = z.object({
      number: whole({
        min: 1,
        max: 999,
        required: 'Enter the priority number',
        invalid: 'Priority number must be a whole number from 1 to 999',
      }),
      title: text('Title', { max: short, required: 'Enter a title' }),
      ambition: text('Ambition', { max: long }),
      impactForChildren: text('What will the impact be for children', { max: long }),
      whatWeWillDo: text('What will we do', { max: long }),
      frameworkOutcome: frameworkOutcomeValue(),
    });
    if (!ctx.canChooseSponsor) return parseForm(fields.omit({ number: true }), values);
    const withSponsor = fields.extend({
      sponsorUserId: knownId(
        ctx.sponsors.map((s) => s.id),
        'Select a sponsor from the list',
      ),
      sponsorName: text('Sponsor’s name', { max: 200 }),
    });
    return parseForm(withSponsor, values);
  },
  toValues: (p) => ({
    number: String(p.number),
    title: p.title,
    ambition: p.ambition,
    impactForChildren: p.impactForChildren,
    whatWeWillDo: p.whatWeWillDo,
    sponsorUserId: p.sponsorUserId ? String(p.sponsorUserId) : '',
    sponsorName: p.sponsorName,
    frameworkOutcome: frameworkOutcomeFormValue(p.frameworkOutcome),
  }),
};

export const areaForm: RecordForm<
  unknown,
  { title: string; source: string; frameworkOutcome: FrameworkTag },
  { title: string; source: string; frameworkOutcome: FrameworkTag }
> = {
  fields: () => [
    { kind: 'textarea', name: 'title', label: 'What needs to improve', rows: 3 },
    {
      kind: 'input',
      name: 'source',
      label: 'Source (optional)',
      hint: 'For example, Ofsted inspection December 2023, recommendation 2',
    },
    frameworkOutcomeField('Leave as None to read it under its priority’s'),
  ],
  read(values) {
    const schema = z.object({
      title: text('What needs to improve', { max: 2000, required: 'Enter what needs to improve' }),
      source: text('Source', { max: short }),
      frameworkOutcome: frameworkOutcomeValue(),
    });
    return parseForm(schema, values);
  },
  toValues: (a) => ({
    title: a.title,
    source: a.source,
    frameworkOutcome: frameworkOutcomeFormValue(a.frameworkOutcome),
  }),
};

/** Resolving a needs-review flag: the note is required, because it is what the history keeps. */
export const reviewNoteForm: RecordForm<unknown, { note: string }, unknown> = {
  fields: () => [
    {
      kind: 'textarea',
      name: 'note',
      label: 'How was this resolved?',
      hint: 'For example, checked against the plan: both paragraphs answer this commitment',
      rows: 4,
    },
  ],
  read(values) {
    const schema = z.object({
      note: text('How it was resolved', { max: 2000, required: 'Enter how the review was resolved' }),
    });
    return parseForm(schema, values);
  },
  toValues: () => ({ note: '' }),
};

export interface CommitmentFormContext {
  areas: { id: number; title: string }[];
}

export interface CommitmentData {
  text: string;
  owner: string;
  dueOn: string | null;
  status: CommitmentStatus;
  improvementAreaId: number | null;
  frameworkOutcome: FrameworkTag;
}

export const commitmentForm: RecordForm<CommitmentFormContext, CommitmentData, CommitmentData> = {
  fields: (ctx) => [
    {
      kind: 'textarea',
      name: 'text',
      label: 'We said',
      hint: 'The commitment, as the council will publish it',
      rows: 4,
    },
    {
      kind: 'input',
      name: 'owner',
      label: 'Owner',
      hint: 'The person or team responsible',
      classes: 'govuk-input--width-20',
    },
    { kind: 'date', name: 'dueOn', label: 'Due date', hint: 'For example, 31 3 2025' },
    {
      kind: 'radios',
      name: 'status',
      label: 'Status',
      items: commitmentStatuses.map((s) => ({ value: s, text: commitmentStatusNames[s] })),
    },
    ...(ctx.areas.length > 0
      ? ([
          {
            kind: 'select',
            name: 'improvementAreaId',
            label: 'What needs to improve (optional)',
            items: [
              { value: '', text: 'Not linked to an improvement area' },
              ...ctx.areas.map((a) => ({
                value: String(a.id),
                text: a.title.length > 90 ? a.title.slice(0, 87) + '…' : a.title,
              })),
            ],
          },
        ] satisfies FieldSpec[])
      : []),
    frameworkOutcomeField('Leave as None to read it under its improvement area’s, or else its priority’s'),
  ],
  read(values, ctx) {
    // The area is checked first, so its problem heads the summary as it always has.
    const schema = z.object({
      improvementAreaId: knownId(
        ctx.areas.map((a) => a.id),
        'Select an improvement area from the list',
      ),
      text: text('We said', { max: long, required: 'Enter what we said we would do' }),
      owner: text('Owner', { max: 200 }),
      dueOn: date('Due date'),
      status: choice(commitmentStatuses, 'Select the status of the commitment'),
      frameworkOutcome: frameworkOutcomeValue(),
    });
    return parseForm(schema, values);
  },
  toValues: (c) => ({
    text: c.text,
    owner: c.owner,
    ...dateToFormValues('dueOn', c.dueOn),
    status: c.status,
    improvementAreaId: c.improvementAreaId ? String(c.improvementAreaId) : '',
    frameworkOutcome: frameworkOutcomeFormValue(c.frameworkOutcome),
  }),
};

export interface OutcomeData {
  text: string;
  achievedOn: string | null;
  evidence: EvidenceLink[];
}

export const outcomeForm: RecordForm<unknown, OutcomeData, OutcomeData> = {
  fields: () => [
    {
      kind: 'textarea',
      name: 'text',
      label: 'We did',
      hint: 'What was done, and what difference it made',
      rows: 5,
    },
    { kind: 'date', name: 'achievedOn', label: 'Date achieved (optional)', hint: 'For example, 14 8 2024' },
    {
      kind: 'textarea',
      name: 'evidence',
      label: 'Evidence (optional)',
      hint: 'One link per line: a title, then a space and the web address. For example, Audit report https://intranet.example/audit',
      rows: 4,
    },
  ],
  read(values) {
    const schema = z.object({
      text: text('We did', { max: long, required: 'Enter what we did' }),
      achievedOn: date('Date achieved'),
      evidence: evidenceLinks(),
    });
    return parseForm(schema, values);
  },
  toValues: (o) => ({
    text: o.text,
    ...dateToFormValues('achievedOn', o.achievedOn),
    evidence: o.evidence.map((e) => (e.title === e.url ? e.url : `${e.title} ${e.url}`)).join('\n'),
  }),
};

export const standardForm: RecordForm<
  unknown,
  { groupName: string; name: string; description: string },
  { groupName: string; name: string; description: string }
> = {
  fields: () => [
    {
      kind: 'input',
      name: 'groupName',
      label: 'Group',
      hint: 'For example, Common core, or Safeguarding standards',
      classes: 'govuk-input--width-20',
    },
    { kind: 'input', name: 'name', label: 'Standard' },
    { kind: 'textarea', name: 'description', label: 'Description (optional)', rows: 3 },
  ],
  read(values) {
    const schema = z.object({
      groupName: text('Group', { max: 200 }),
      name: text('Standard', { max: 1000, required: 'Enter the standard' }),
      description: text('Description', { max: long }),
    });
    return parseForm(schema, values);
  },
  toValues: (s) => ({ groupName: s.groupName, name: s.name, description: s.description }),
};
