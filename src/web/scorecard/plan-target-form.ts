/*
 * One plan's own target for a measure it shares with other plans: the value, when it is to be
 * reached (a date, or a period as the plan writes it), a note, and, when the measure does not yet
 * evidence a priority of this plan, which priority it is to evidence.
 */
import { z } from 'zod';
import { parseForm } from '../forms/parse.ts';
import { date, text } from '../forms/validate.ts';
import { dateToFormValues, type FieldSpec } from '../forms/fields.ts';
import type { RecordForm } from '../plan/forms.ts';
import type { PlanTargetInput } from '../../db/measures/commands.ts';
import { decimal } from './measure-form.ts';

export interface PlanTargetFormContext {
  /** The plan's priorities the measure could evidence; empty when it already evidences one. */
  priorities: { id: number; text: string }[];
}

export type PlanTargetData = PlanTargetInput & { priorityId: number | null };

interface Stored {
  target: number | null;
  targetDate: string | null;
  period: string;
  note: string;
}

export const planTargetForm: RecordForm<PlanTargetFormContext, PlanTargetData, Stored> = {
  fields: (ctx) => [
    {
      kind: 'input',
      name: 'target',
      label: 'Target for this plan',
      hint: 'A number in the measure’s unit, for example 90 for 90%',
      classes: 'govuk-input--width-5',
      inputmode: 'decimal',
    },
    {
      kind: 'date',
      name: 'targetDate',
      label: 'Date to reach it by (optional)',
      hint: 'For example, 31 3 2026',
    },
    {
      kind: 'input',
      name: 'period',
      label: 'Or the period, as the plan writes it (optional)',
      hint: 'For example, by the end of 2025/26',
      classes: 'govuk-input--width-20',
    },
    { kind: 'textarea', name: 'note', label: 'Note (optional)', rows: 3 },
    ...(ctx.priorities.length === 0
      ? []
      : [
          {
            kind: 'select',
            name: 'priorityId',
            label: 'Priority of this plan the measure evidences (optional)',
            hint: 'The measure is not yet linked to a priority of this plan',
            items: [
              { value: '', text: 'Not linked' },
              ...ctx.priorities.map((p) => ({ value: String(p.id), text: p.text })),
            ],
          } satisfies FieldSpec,
        ]),
  ],
  read(values, ctx) {
    const schema = z.object({
      target: decimal('Target for this plan', { required: 'Enter the target for this plan' }).transform(
        (v) => v ?? 0,
      ),
      targetDate: date('Date to reach it by'),
      period: text('Period', { max: 100 }),
      note: text('Note', { max: 2000 }),
      priorityId: z
        .unknown()
        .transform((raw) => ctx.priorities.find((p) => String(p.id) === raw)?.id ?? null),
    });
    return parseForm(schema, values);
  },
  toValues: (t) => ({
    target: t.target === null ? '' : String(t.target),
    ...dateToFormValues('targetDate', t.targetDate),
    period: t.period,
    note: t.note,
  }),
};
