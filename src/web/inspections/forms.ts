import { z } from 'zod';
import type { FindingInput, InspectionInput, JudgementInput } from '../../db/inspections/commands.ts';
import type { Finding, Inspection, Judgement } from '../../db/inspections/queries.ts';
import {
  findingKindNames,
  findingKinds,
  frameworkByCode,
  frameworkInForce,
  frameworkVersions,
  gradeNames,
  inspectionKindNames,
  inspectionKinds,
  type FrameworkVersion,
} from '../../domain/inspections/index.ts';
import {
  frameworkOutcomeLabel,
  frameworkOutcomes,
  type FrameworkOutcome,
} from '../../domain/national-framework.ts';
import { dateToFormValues, type FieldSpec, type RecordForm } from '../forms/fields.ts';
import { parseForm } from '../forms/parse.ts';
import { choice, date, problem, refuse, text } from '../forms/validate.ts';

/* The inspection record's forms: an inspection or visit, a judgement, a finding and what answers it. */

const long = 20000;

/** Ticked boxes arrive joined by commas (see formValuesFrom); each must be one offered. */
function idsFrom(ids: readonly number[], message: string) {
  return z.unknown().transform((raw, ctx): number[] => {
    const given = (typeof raw === 'string' ? raw : '').split(',').filter(Boolean);
    if (given.some((v) => !ids.some((id) => String(id) === v))) {
      refuse(ctx, message);
      return [];
    }
    return [...new Set(given.map(Number))];
  });
}

export interface InspectionFormContext {
  priorities: { id: number; number: number; title: string; planTitle: string }[];
}

export const inspectionForm: RecordForm<InspectionFormContext, InspectionInput, Inspection> = {
  fields: (ctx) => [
    {
      kind: 'radios',
      name: 'kind',
      label: 'What kind of inspection or visit',
      items: inspectionKinds.map((k) => ({ value: k, text: inspectionKindNames[k] })),
    },
    { kind: 'date', name: 'startDate', label: 'First day', hint: 'For example, 4 12 2023' },
    { kind: 'date', name: 'endDate', label: 'Last day (optional)', hint: 'For example, 15 12 2023' },
    {
      kind: 'date',
      name: 'publishedDate',
      label: 'Date the letter or report was published (optional)',
      hint: 'For example, 9 2 2024',
    },
    {
      kind: 'select',
      name: 'frameworkVersion',
      label: 'Framework',
      hint: 'Which judgement areas and grades apply. Leave it to be worked out from the first day unless Ofsted said otherwise',
      items: [
        { value: '', text: 'The framework in force on the first day' },
        ...frameworkVersions.map((f) => ({ value: f.code, text: f.name })),
      ],
    },
    {
      kind: 'textarea',
      name: 'focus',
      label: 'Focus (optional)',
      hint: 'For a visit, its declared focus as the letter states it, for example “Care leavers” or “The front door”',
      rows: 2,
    },
    { kind: 'textarea', name: 'summary', label: 'Summary (optional)', rows: 4 },
    {
      kind: 'input',
      name: 'link',
      label: 'Link to the letter or report (optional)',
      hint: 'The address of the published letter or report on Ofsted’s website',
      classes: 'govuk-!-width-full',
    },
    ...(ctx.priorities.length > 0
      ? ([
          {
            kind: 'checkboxes',
            name: 'priorityIds',
            label: 'Priorities its focus falls under (optional)',
            hint: 'Their commitments, measures and highlight reports are gathered on its page as evidence',
            items: ctx.priorities.map((p) => ({
              value: String(p.id),
              text: `${p.number}. ${p.title} (${p.planTitle})`,
            })),
          },
        ] satisfies FieldSpec[])
      : []),
  ],
  read(values, ctx) {
    const schema = z
      .object({
        kind: choice(inspectionKinds, 'Select what kind of inspection or visit it was'),
        startDate: date('First day', { required: 'Enter the first day of the inspection or visit' }),
        endDate: date('Last day'),
        publishedDate: date('Date published'),
        frameworkVersion: z.unknown().transform((raw) => (typeof raw === 'string' ? raw : '')),
        focus: text('Focus', { max: 2000 }),
        summary: text('Summary', { max: long }),
        link: text('Link', { max: 2000 }),
        priorityIds: idsFrom(
          ctx.priorities.map((p) => p.id),
          'Select priorities from the list',
        ),
      })
      .superRefine((data, rctx) => {
        if (data.endDate && data.startDate && data.endDate < data.startDate)
          problem(rctx, 'endDate', 'Last day must be the same as or after the first day', 'day');
        if (data.publishedDate && data.startDate && data.publishedDate < data.startDate)
          problem(rctx, 'publishedDate', 'Date published must be the same as or after the first day', 'day');
        if (data.frameworkVersion !== '' && !frameworkByCode(data.frameworkVersion))
          problem(rctx, 'frameworkVersion', 'Select a framework from the list');
        else if (data.frameworkVersion === '' && data.startDate && !frameworkInForce(data.startDate))
          problem(rctx, 'frameworkVersion', 'No framework was in force on that day: select one');
        if (data.link !== '' && !/^https?:\/\/[^\s]+$/i.test(data.link))
          problem(rctx, 'link', 'Enter a link that starts with https://');
      });
    const result = parseForm(schema, values);
    if (!result.ok) return result;
    const data = result.data;
    return {
      ok: true,
      data: {
        ...data,
        frameworkVersion: data.frameworkVersion || frameworkInForce(data.startDate)?.code || '',
      },
    };
  },
  toValues: (i) => ({
    kind: i.kind,
    ...dateToFormValues('startDate', i.startDate),
    ...dateToFormValues('endDate', i.endDate),
    ...dateToFormValues('publishedDate', i.publishedDate),
    frameworkVersion: i.frameworkVersion,
    focus: i.focus,
    summary: i.summary,
    link: i.link,
    priorityIds: i.priorityIds.join(','),
  }),
};

export interface JudgementFormContext {
  framework: FrameworkVersion;
  /** Areas already judged on this inspection (other than the one being changed). */
  taken: string[];
}

export const judgementForm: RecordForm<JudgementFormContext, JudgementInput, Judgement> = {
  fields: (ctx) => [
    {
      kind: 'radios',
      name: 'area',
      label: `Judgement area (${ctx.framework.name})`,
      items: ctx.framework.areas
        .filter((a) => !ctx.taken.includes(a.code))
        .map((a) => ({ value: a.code, text: a.optional ? `${a.name} (not always given)` : a.name })),
    },
    {
      kind: 'radios',
      name: 'grade',
      label: 'Grade',
      items: ctx.framework.grades.map((g) => ({ value: g, text: gradeNames[g] })),
    },
  ],
  read(values, ctx) {
    const areas = ctx.framework.areas.map((a) => a.code).filter((a) => !ctx.taken.includes(a));
    const schema = z.object({
      area: choice(areas, 'Select the judgement area'),
      grade: choice(ctx.framework.grades, 'Select the grade'),
    });
    return parseForm(schema, values);
  },
  toValues: (j) => ({ area: j.area, grade: j.grade }),
};

export interface FindingFormContext {
  areas: { id: number; title: string; priorityNumber: number; planTitle: string }[];
  commitments: { id: number; text: string; priorityNumber: number; planTitle: string }[];
}

const clip = (s: string, n = 140) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export const findingForm: RecordForm<FindingFormContext, FindingInput, Finding> = {
  fields: (ctx) => [
    {
      kind: 'radios',
      name: 'kind',
      label: 'What it is',
      items: findingKinds.map((k) => ({ value: k, text: findingKindNames[k] })),
    },
    {
      kind: 'input',
      name: 'number',
      label: 'Number (optional)',
      hint: 'As the letter or report numbers it',
      classes: 'govuk-input--width-3',
      inputmode: 'numeric',
    },
    { kind: 'textarea', name: 'text', label: 'What it says', rows: 4 },
    {
      kind: 'select',
      name: 'frameworkOutcome',
      label: 'National Framework outcome or enabler (optional)',
      hint: 'The one the recommendation names, if it names one',
      items: [
        { value: '', text: 'None named' },
        ...frameworkOutcomes.map((o) => ({ value: o, text: frameworkOutcomeLabel(o) })),
      ],
    },
    ...(ctx.areas.length > 0
      ? ([
          {
            kind: 'checkboxes',
            name: 'improvementAreaIds',
            label: 'Improvement areas that answer it (optional)',
            hint: 'The commitments in these areas answer it too',
            items: ctx.areas.map((a) => ({
              value: String(a.id),
              text: `${a.planTitle}, priority ${a.priorityNumber}: ${clip(a.title)}`,
            })),
          },
        ] satisfies FieldSpec[])
      : []),
    ...(ctx.commitments.length > 0
      ? ([
          {
            kind: 'checkboxes',
            name: 'commitmentIds',
            label: 'Commitments that answer it (optional)',
            items: ctx.commitments.map((c) => ({
              value: String(c.id),
              text: `${c.planTitle}, priority ${c.priorityNumber}: ${clip(c.text)}`,
            })),
          },
        ] satisfies FieldSpec[])
      : []),
  ],
  read(values, ctx) {
    const schema = z.object({
      kind: choice(findingKinds, 'Select what it is'),
      number: z.unknown().transform((raw, rctx): number | null => {
        const value = typeof raw === 'string' ? raw.trim() : '';
        if (value === '') return null;
        if (!/^\d{1,4}$/.test(value)) {
          refuse(rctx, 'Number must be a whole number, like 3');
          return null;
        }
        return Number(value);
      }),
      text: text('What it says', { max: long, required: 'Enter what it says' }),
      frameworkOutcome: z.unknown().transform((raw, rctx): FrameworkOutcome | null => {
        const value = typeof raw === 'string' ? raw : '';
        if (value === '') return null;
        if (!(frameworkOutcomes as readonly string[]).includes(value)) {
          refuse(rctx, 'Select an outcome or enabler from the list');
          return null;
        }
        return value as FrameworkOutcome;
      }),
      improvementAreaIds: idsFrom(
        ctx.areas.map((a) => a.id),
        'Select improvement areas from the list',
      ),
      commitmentIds: idsFrom(
        ctx.commitments.map((c) => c.id),
        'Select commitments from the list',
      ),
    });
    return parseForm(schema, values);
  },
  toValues: (f) => ({
    kind: f.kind,
    number: f.number === null ? '' : String(f.number),
    text: f.text,
    frameworkOutcome: f.frameworkOutcome ?? '',
    improvementAreaIds: f.improvementAreaIds.join(','),
    commitmentIds: f.commitmentIds.join(','),
  }),
};
