import { z } from 'zod';
import type { FindingInput } from '../../db/case-audits/commands.ts';
import type { CaseAuditFinding } from '../../db/case-audits/queries.ts';
import { settingsProblems, type CaseAuditSettings } from '../../domain/case-audits/grades.ts';
import { dateToFormValues, type FieldSpec, type RecordForm } from '../forms/fields.ts';
import { parseForm } from '../forms/parse.ts';
import { date, problem, refuse, text } from '../forms/validate.ts';

/* A finding, closing it, and the council's case audit scale. */

export const findingForm: RecordForm<unknown, FindingInput, CaseAuditFinding> = {
  fields: () => [
    {
      kind: 'textarea',
      name: 'description',
      label: 'Finding',
      hint: 'The action that follows the audit',
      rows: 4,
    },
    {
      kind: 'input',
      name: 'ownerName',
      label: 'Owner',
      hint: 'Their name or role',
      classes: 'govuk-input--width-20',
    },
    { kind: 'date', name: 'dueOn', label: 'Due date', hint: 'For example, 31 10 2024' },
  ],
  read(values) {
    const schema = z.object({
      description: text('Finding', { max: 4000, required: 'Enter the finding' }),
      ownerName: text('Owner', { max: 200, required: 'Enter the name of the owner' }),
      dueOn: date('Due date', { required: 'Enter the date the finding is due' }),
    });
    return parseForm(schema, values);
  },
  toValues: (f) => ({
    description: f.description,
    ownerName: f.ownerName,
    ...dateToFormValues('dueOn', f.dueOn),
  }),
};

export const closeFindingForm: RecordForm<unknown, { closedOn: string }, CaseAuditFinding> = {
  fields: () => [{ kind: 'date', name: 'closedOn', label: 'Date closed', hint: 'For example, 20 9 2024' }],
  read(values) {
    return parseForm(
      z.object({ closedOn: date('Date closed', { required: 'Enter the date the finding was closed' }) }),
      values,
    );
  },
  toValues: (f) => dateToFormValues('closedOn', f.closedOn),
};

const nameField = (name: keyof CaseAuditSettings, label: string): FieldSpec => ({
  kind: 'input',
  name,
  label,
  classes: 'govuk-input--width-20',
});

const percentField = (name: keyof CaseAuditSettings, label: string, hint: string): FieldSpec => ({
  kind: 'input',
  name,
  label,
  hint,
  classes: 'govuk-input--width-4',
  inputmode: 'decimal',
});

function percent(label: string) {
  return z.unknown().transform((raw, ctx): number => {
    const value = typeof raw === 'string' ? raw.trim().replace(/%$/, '') : '';
    if (value === '') refuse(ctx, `Enter the ${label.toLowerCase()}`);
    else if (!/^\d+(\.\d)?$/.test(value)) refuse(ctx, `${label} must be a number from 0 to 100`);
    return Number(value);
  });
}

export const caseAuditSettingsForm: RecordForm<unknown, CaseAuditSettings, CaseAuditSettings> = {
  fields: () => [
    nameField('outstandingName', 'Name for outstanding'),
    nameField('goodName', 'Name for good'),
    nameField('requiresImprovementName', 'Name for requires improvement'),
    nameField('inadequateName', 'Name for inadequate'),
    percentField(
      'inadequateCeiling',
      'Ceiling for inadequate audits, per cent',
      'A quarter should have no more than this share graded inadequate; 10 is usual',
    ),
    percentField(
      'quarterlyRise',
      'Rise asked for each quarter, per cent',
      'Without a target of its own, a quarter aims for the previous quarter’s share good or better raised by this much; the board set 20',
    ),
  ],
  read(values) {
    const name = (label: string) => text(label, { max: 100, required: `Enter the ${label.toLowerCase()}` });
    const schema = z
      .object({
        outstandingName: name('Name for outstanding'),
        goodName: name('Name for good'),
        requiresImprovementName: name('Name for requires improvement'),
        inadequateName: name('Name for inadequate'),
        inadequateCeiling: percent('Ceiling'),
        quarterlyRise: percent('Rise each quarter'),
      })
      .superRefine((data, ctx) => {
        for (const p of settingsProblems(data)) problem(ctx, p.field, p.message);
      });
    return parseForm(schema, values);
  },
  toValues: (s) => ({
    outstandingName: s.outstandingName,
    goodName: s.goodName,
    requiresImprovementName: s.requiresImprovementName,
    inadequateName: s.inadequateName,
    inadequateCeiling: String(s.inadequateCeiling),
    quarterlyRise: String(s.quarterlyRise),
  }),
};
