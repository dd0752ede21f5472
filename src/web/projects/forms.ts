import { z } from 'zod';
import type { BudgetLineInput, MilestoneInput, ProjectInput } from '../../db/projects/commands.ts';
import type { BudgetLine, Milestone, Project } from '../../db/projects/queries.ts';
import { formatMoney, parseFinancialYear, parseMoney } from '../../domain/projects/money.ts';
import {
  milestoneStatuses,
  milestoneStatusNames,
  projectKindNames,
  projectKinds,
  recurrenceNames,
  recurrences,
} from '../../domain/projects/vocabulary.ts';
import { dateToFormValues, type FieldSpec, type RecordForm } from '../forms/fields.ts';
import { parseForm } from '../forms/parse.ts';
import { choice, date, optionalKnownId, problem, refuse, text } from '../forms/validate.ts';

/* The forms of projects: a project, a milestone and a budget line. GOV.UK wording for every problem. */

const long = 20000;

export interface ProjectFormContext {
  priorities: { id: number; number: number; title: string }[];
  measures: { id: number; name: string }[];
  leads: { id: number; name: string }[];
  /** The council's RAG scale, as priorities use it. */
  scale: { code: string; label: string }[];
}

/** Ticked choices arrive joined by commas (see formValuesFrom); each must be one of those offered. */
function tickedIds(ids: readonly number[], message: string) {
  return z.unknown().transform((raw, ctx): number[] => {
    const given = (typeof raw === 'string' ? raw : '').split(',').filter(Boolean);
    if (given.some((v) => !ids.some((id) => String(id) === v))) {
      refuse(ctx, message);
      return [];
    }
    return [...new Set(given.map(Number))];
  });
}

export const projectForm: RecordForm<ProjectFormContext, ProjectInput, Project> = {
  fields: (ctx) => [
    { kind: 'input', name: 'title', label: 'Title', classes: 'govuk-!-width-full' },
    {
      kind: 'radios',
      name: 'kind',
      label: 'Kind',
      items: projectKinds.map((k) => ({ value: k, text: projectKindNames[k] })),
    },
    {
      kind: 'input',
      name: 'phase',
      label: 'Phase (optional)',
      hint: 'In the council’s words, for example Phase one: sustainability project',
      classes: 'govuk-!-width-two-thirds',
    },
    { kind: 'textarea', name: 'purpose', label: 'Purpose (optional)', hint: 'What it is for', rows: 3 },
    {
      kind: 'select',
      name: 'leadUserId',
      label: 'Lead',
      items: [
        { value: '', text: 'Lead without an account' },
        ...ctx.leads.map((o) => ({ value: String(o.id), text: o.name })),
      ],
    },
    {
      kind: 'input',
      name: 'leadName',
      label: 'Lead’s name, if they have no account (optional)',
      hint: 'For example, a partner agency or a named officer',
      classes: 'govuk-input--width-20',
    },
    ...(ctx.priorities.length > 0
      ? ([
          {
            kind: 'checkboxes',
            name: 'priorityIds',
            label: 'Priorities it serves (optional)',
            items: ctx.priorities.map((p) => ({ value: String(p.id), text: `${p.number}. ${p.title}` })),
          },
        ] satisfies FieldSpec[])
      : []),
    ...(ctx.measures.length > 0
      ? ([
          {
            kind: 'checkboxes',
            name: 'measureIds',
            label: 'Measures that show its effect (optional)',
            items: ctx.measures.map((m) => ({ value: String(m.id), text: m.name })),
          },
        ] satisfies FieldSpec[])
      : []),
    {
      kind: 'radios',
      name: 'rag',
      label: 'RAG status',
      hint: 'The plan’s RAG scale, as highlight reports use it',
      items: [{ value: '', text: 'Not rated' }, ...ctx.scale.map((s) => ({ value: s.code, text: s.label }))],
    },
    { kind: 'textarea', name: 'ragReason', label: 'Reason for RAG (optional)', rows: 3 },
  ],
  read(values, ctx) {
    const schema = z
      .object({
        title: text('Title', { max: 300, required: 'Enter the title' }),
        kind: choice(projectKinds, 'Select whether it is a project or an investable proposition'),
        phase: text('Phase', { max: 200 }),
        purpose: text('Purpose', { max: long }),
        leadUserId: optionalKnownId(
          ctx.leads.map((o) => o.id),
          'Select a lead from the list',
        ),
        leadName: text('Lead’s name', { max: 200 }),
        priorityIds: tickedIds(
          ctx.priorities.map((p) => p.id),
          'Select priorities from the list',
        ),
        measureIds: tickedIds(
          ctx.measures.map((m) => m.id),
          'Select measures from the list',
        ),
        rag: z.unknown().transform((raw, rctx): string | null => {
          const value = typeof raw === 'string' ? raw : '';
          if (value === '') return null;
          if (!ctx.scale.some((s) => s.code === value)) refuse(rctx, 'Select a RAG status from the list');
          return value;
        }),
        ragReason: text('Reason for RAG', { max: long }),
      })
      .superRefine((data, rctx) => {
        if (data.rag !== null && data.ragReason === '')
          problem(rctx, 'ragReason', 'Enter the reason for the RAG status');
      });
    return parseForm(schema, values);
  },
  toValues: (p) => ({
    title: p.title,
    kind: p.kind,
    phase: p.phase,
    purpose: p.purpose,
    leadUserId: p.leadUserId ? String(p.leadUserId) : '',
    leadName: p.leadName,
    priorityIds: p.priorityIds.join(','),
    measureIds: p.measureIds.join(','),
    rag: p.rag ?? '',
    ragReason: p.ragReason,
  }),
};

export const milestoneForm: RecordForm<unknown, MilestoneInput, Milestone> = {
  fields: () => [
    { kind: 'input', name: 'title', label: 'Milestone', classes: 'govuk-!-width-full' },
    { kind: 'date', name: 'dueOn', label: 'Due date (optional)', hint: 'For example, 31 3 2025' },
    {
      kind: 'radios',
      name: 'status',
      label: 'Status',
      items: milestoneStatuses.map((s) => ({ value: s, text: milestoneStatusNames[s] })),
    },
    {
      kind: 'date',
      name: 'completedOn',
      label: 'Date completed (optional)',
      hint: 'When it was done; for example, 14 2 2025',
    },
  ],
  read(values) {
    const schema = z
      .object({
        title: text('Milestone', { max: 500, required: 'Enter the milestone' }),
        dueOn: date('Due date'),
        status: choice(milestoneStatuses, 'Select the status of the milestone'),
        completedOn: date('Date completed'),
      })
      .superRefine((data, ctx) => {
        if (data.status === 'done' && data.completedOn === null)
          problem(ctx, 'completedOn', 'Enter the date the milestone was completed', 'day');
        if (data.status !== 'done' && data.completedOn !== null)
          problem(ctx, 'completedOn', 'Only a milestone that is done has a date completed', 'day');
      });
    return parseForm(schema, values);
  },
  toValues: (m) => ({
    title: m.title,
    ...dateToFormValues('dueOn', m.dueOn),
    status: m.status,
    ...dateToFormValues('completedOn', m.completedOn),
  }),
};

export interface BudgetLineFormContext {
  /** The project the line is for; null for a line of the whole plan. */
  projectId: number | null;
}

const money = (label: string, required: string) =>
  z.unknown().transform((raw, ctx): number => {
    const value = typeof raw === 'string' ? raw.trim() : '';
    if (value === '') {
      refuse(ctx, required);
      return 0;
    }
    const pence = parseMoney(value);
    if (pence === null) {
      refuse(ctx, `${label} must be a sum of money, like 12500 or £12,500.00`);
      return 0;
    }
    return pence;
  });

export const budgetLineForm: RecordForm<BudgetLineFormContext, BudgetLineInput, BudgetLine> = {
  fields: () => [
    {
      kind: 'input',
      name: 'fundingSource',
      label: 'Funding source',
      hint: 'For example, Council budget, or the name of a grant',
      classes: 'govuk-!-width-two-thirds',
    },
    {
      kind: 'radios',
      name: 'recurrence',
      label: 'Recurrent or one-off',
      items: recurrences.map((r) => ({ value: r, text: recurrenceNames[r] })),
    },
    {
      kind: 'input',
      name: 'financialYear',
      label: 'Financial year (optional)',
      hint: 'April to March, for example 2024/25; leave it blank when the papers do not say',
      classes: 'govuk-input--width-5',
    },
    {
      kind: 'input',
      name: 'planned',
      label: 'Planned (£)',
      hint: 'The sum for the year, for example 250000',
      classes: 'govuk-input--width-10',
      inputmode: 'decimal',
    },
    { kind: 'textarea', name: 'description', label: 'What it pays for (optional)', rows: 3 },
  ],
  read(values, ctx) {
    const schema = z.object({
      fundingSource: text('Funding source', { max: 300, required: 'Enter the funding source' }),
      recurrence: choice(recurrences, 'Select whether the money is recurrent or one-off'),
      financialYear: z.unknown().transform((raw, rctx): string => {
        const value = typeof raw === 'string' ? raw.trim() : '';
        if (value === '') return '';
        const year = parseFinancialYear(value);
        if (year === null) refuse(rctx, 'Financial year must be written like 2024/25');
        return year ?? '';
      }),
      planned: money('Planned', 'Enter the sum planned'),
      description: text('What it pays for', { max: long }),
    });
    const result = parseForm(schema, values);
    if (!result.ok) return result;
    const { planned, ...rest } = result.data;
    return { ok: true, data: { ...rest, plannedPence: planned, projectId: ctx.projectId } };
  },
  toValues: (l) => ({
    fundingSource: l.fundingSource,
    recurrence: l.recurrence,
    financialYear: l.financialYear.replace('-', '/'),
    planned: formatMoney(l.plannedPence).replace('£', ''),
    description: l.description,
  }),
};
