import { z } from 'zod';
import type { CaseAuditInput, FindingInput, ProgrammeInput } from '../../db/case-audits/commands.ts';
import type { CaseAudit, CaseAuditProgramme } from '../../db/case-audits/queries.ts';
import { caseAuditGrades, gradeNames, type CaseAuditSettings } from '../../domain/case-audits/grades.ts';
import { caseReferenceProblem } from '../../domain/case-audits/reference.ts';
import type { Quarter } from '../../domain/case-audits/quarters.ts';
import { dateToFormValues, type RecordForm } from '../forms/fields.ts';
import { parseForm } from '../forms/parse.ts';
import { choice, date, problem, refuse, text, whole } from '../forms/validate.ts';

/* A quarter's audit programme, and a case audit (with its first finding). GOV.UK wording throughout. */

const lines = (raw: string) =>
  raw
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/** A percentage, optional: blank is none (null). */
function optionalPercent(label: string) {
  return z.unknown().transform((raw, ctx): number | null => {
    const value = typeof raw === 'string' ? raw.trim().replace(/%$/, '') : '';
    if (value === '') return null;
    if (!/^\d+(\.\d)?$/.test(value) || Number(value) > 100)
      refuse(ctx, `${label} must be a number from 0 to 100`);
    return Number(value);
  });
}

export const programmeForm: RecordForm<{ rise: number }, ProgrammeInput, CaseAuditProgramme> = {
  fields: (ctx) => [
    {
      kind: 'textarea',
      name: 'themes',
      label: 'Themes',
      hint: 'One on each line, for example Neglect',
      rows: 4,
    },
    {
      kind: 'input',
      name: 'plannedCount',
      label: 'Number of audits planned',
      classes: 'govuk-input--width-3',
      inputmode: 'numeric',
    },
    { kind: 'textarea', name: 'auditors', label: 'Auditors', hint: 'Their names, one on each line', rows: 4 },
    {
      kind: 'textarea',
      name: 'moderationNote',
      label: 'Moderation (optional)',
      hint: 'Who moderates, and how many',
      rows: 3,
    },
    {
      kind: 'input',
      name: 'targetPercent',
      label: 'Target for audits good or better, per cent (optional)',
      hint: `Leave blank to aim for the previous quarter’s share plus ${ctx.rise}%, up to 100%`,
      classes: 'govuk-input--width-4',
      inputmode: 'decimal',
    },
  ],
  read(values) {
    const schema = z.object({
      themes: text('Themes', { max: 4000, required: 'Enter at least one theme' }).transform(lines),
      plannedCount: whole({
        min: 1,
        max: 1000,
        required: 'Enter the number of audits planned',
        invalid: 'Number of audits planned must be a whole number from 1 to 1,000',
      }),
      auditors: text('Auditors', { max: 4000, required: 'Enter the names of the auditors' }).transform(lines),
      moderationNote: text('Moderation', { max: 4000 }),
      targetPercent: optionalPercent('Target'),
    });
    return parseForm(schema, values);
  },
  toValues: (p) => ({
    themes: p.themes.join('\n'),
    plannedCount: String(p.plannedCount),
    auditors: p.auditors.join('\n'),
    moderationNote: p.moderationNote,
    targetPercent: p.targetPercent === null ? '' : String(p.targetPercent),
  }),
};

export interface AuditFormContext {
  quarter: Quarter;
  settings: CaseAuditSettings;
  programme: CaseAuditProgramme | null;
  /** Findings the audit already has: with none, the form asks for the first. */
  findings: number;
}

export interface AuditFormData {
  audit: CaseAuditInput;
  finding: FindingInput | null;
}

const caseReference = z.unknown().transform((raw, ctx) => {
  const value = typeof raw === 'string' ? raw.trim() : '';
  const wrong = caseReferenceProblem(value);
  if (wrong) refuse(ctx, wrong);
  return value;
});

/** 'For example, 30 9 2024', as GOV.UK date hints are written. */
const exampleDay = (iso: string) => iso.split('-').reverse().map(Number).join(' ');

const listed = (what: string, names: string[] | undefined) =>
  names && names.length > 0 ? `This quarter’s ${what}: ${names.join(', ')}` : undefined;

export const auditForm: RecordForm<AuditFormContext, AuditFormData, CaseAudit> = {
  fields: (ctx) => [
    {
      kind: 'input',
      name: 'caseReference',
      label: 'Case reference',
      hint: 'The council’s case number, such as CA-2024-017. Never the child’s name, NHS number, date of birth or contact details',
      classes: 'govuk-input--width-20',
    },
    {
      kind: 'input',
      name: 'theme',
      label: 'Theme',
      hint: listed('themes', ctx.programme?.themes),
      classes: 'govuk-input--width-20',
    },
    {
      kind: 'radios',
      name: 'grade',
      label: 'Grade',
      items: caseAuditGrades.map((g) => ({ value: g, text: gradeNames(ctx.settings)[g] })),
    },
    {
      kind: 'input',
      name: 'auditor',
      label: 'Auditor',
      hint: listed('auditors', ctx.programme?.auditors),
      classes: 'govuk-input--width-20',
    },
    {
      kind: 'radios',
      name: 'moderated',
      label: 'Moderated',
      items: [
        { value: 'yes', text: 'Yes' },
        { value: 'no', text: 'No' },
      ],
    },
    {
      kind: 'textarea',
      name: 'learning',
      label: 'Learning (optional)',
      hint: 'What the audit found, for practice to learn from',
      rows: 5,
    },
    {
      kind: 'date',
      name: 'auditedOn',
      label: 'Date audited',
      hint: `A day in ${ctx.quarter.label}, for example ${exampleDay(ctx.quarter.end)}`,
    },
    ...(ctx.findings === 0
      ? ([
          {
            kind: 'textarea',
            name: 'findingDescription',
            label: 'Finding (needed when the grade is inadequate)',
            hint: 'The action that follows the audit',
            rows: 3,
          },
          {
            kind: 'input',
            name: 'findingOwner',
            label: 'Finding owner',
            hint: 'Their name or role',
            classes: 'govuk-input--width-20',
          },
          { kind: 'date', name: 'findingDueOn', label: 'Finding due date' },
        ] as const)
      : []),
  ],
  read(values, ctx) {
    const grades = gradeNames(ctx.settings);
    const schema = z
      .object({
        caseReference,
        theme: text('Theme', { max: 200, required: 'Enter the theme' }),
        grade: choice(caseAuditGrades, 'Select the grade'),
        auditor: text('Auditor', { max: 200, required: 'Enter the name of the auditor' }),
        moderated: choice(['yes', 'no'], 'Select whether the audit was moderated'),
        learning: text('Learning', { max: 20000 }),
        auditedOn: date('Date audited', { required: 'Enter the date of the audit' }),
        findingDescription: text('Finding', { max: 4000 }),
        findingOwner: text('Finding owner', { max: 200 }),
        findingDueOn: date('Finding due date'),
      })
      .superRefine((d, rctx) => {
        const { start, end, label } = ctx.quarter;
        if (d.auditedOn && (d.auditedOn < start || d.auditedOn > end))
          problem(rctx, 'auditedOn', `Date audited must be in ${label}`, 'day');
        if (ctx.findings > 0) return;
        if (d.grade === 'inadequate' && d.findingDescription === '')
          problem(
            rctx,
            'findingDescription',
            `Enter a finding: an audit graded ${grades.inadequate.toLowerCase()} needs at least one action`,
          );
        if (d.findingDescription !== '' && d.findingOwner === '')
          problem(rctx, 'findingOwner', 'Enter the name of the finding’s owner');
        if (d.findingDescription !== '' && d.findingDueOn === null)
          problem(rctx, 'findingDueOn', 'Enter the date the finding is due', 'day');
      });
    const parsed = parseForm(schema, values);
    if (!parsed.ok) return parsed;
    const d = parsed.data;
    return {
      ok: true,
      data: {
        audit: {
          caseReference: d.caseReference,
          theme: d.theme,
          grade: d.grade,
          auditor: d.auditor,
          moderated: d.moderated === 'yes',
          learning: d.learning,
          auditedOn: d.auditedOn,
        },
        finding:
          d.findingDescription === '' || d.findingDueOn === null
            ? null
            : { description: d.findingDescription, ownerName: d.findingOwner, dueOn: d.findingDueOn },
      },
    };
  },
  toValues: (a) => ({
    caseReference: a.caseReference,
    theme: a.theme,
    grade: a.grade,
    auditor: a.auditor,
    moderated: a.moderated ? 'yes' : 'no',
    learning: a.learning,
    ...dateToFormValues('auditedOn', a.auditedOn),
  }),
};
