/*
 * The measure form: its fields, how a submitted form is read, and how a stored measure fills it.
 * Rendered by the plan's shared form template, so errors and conflicts look the same everywhere.
 */
import { frequencies, polarities, units, type Frequency } from '../../domain/measures/index.ts';
import { z } from 'zod';
import type { MeasureInput } from '../../db/measures/commands.ts';
import type { MeasureRow } from '../../db/measures/queries.ts';
import { monthNames } from '../../domain/format.ts';
import { parseForm } from '../forms/parse.ts';
import { choice, problem, text } from '../forms/validate.ts';
import type { FieldSpec, FormValues } from '../forms/fields.ts';
import type { RecordForm } from '../plan/forms.ts';
import { readTargets, targetsText } from './targets-text.ts';
import { frequencyNames, polarityNames, unitNames } from './view.ts';
import {
  frameworkOutcomeField,
  frameworkOutcomeFormValue,
  frameworkOutcomeValue,
} from '../forms/framework-outcome.ts';

export interface MeasureFormContext {
  /** Only the priorities the person may attach a measure to: a sponsor's own. */
  priorities: { id: number; text: string }[];
  areas: { id: number; priorityId: number; text: string }[];
  /** Whether the person may leave a measure under no priority (a sponsor may not: it would leave their care). */
  mayLeaveUnlinked: boolean;
}

/** The link the form edits: one priority, and optionally one area of what needs to improve. */
export interface LinkChoice {
  priorityId: number | null;
  improvementAreaId: number | null;
}

export type MeasureData = MeasureInput & LinkChoice;
type Stored = MeasureRow & LinkChoice;

const NUMBER = /^-?\d+(\.\d+)?$/;

/** A problem with the field being read (the summary links to it). */
const refuse = (ctx: z.RefinementCtx, message: string) =>
  ctx.addIssue({ code: 'custom', message, continue: true });

/** A decimal number such as 90 or 12.5; null when empty and not required. */
export function decimal(label: string, options: { required?: string; negative?: string } = {}) {
  return z.unknown().transform((raw, ctx): number | null => {
    const value = typeof raw === 'string' ? raw.trim() : '';
    if (value === '') {
      if (options.required) refuse(ctx, options.required);
      return null;
    }
    if (!NUMBER.test(value)) refuse(ctx, `${label} must be a number, like 90 or 12.5`);
    else if (options.negative && Number(value) < 0) refuse(ctx, options.negative);
    return Number(value);
  });
}

/** An optional select among known records: the id chosen, or null for none (or one not offered). */
const knownId = (options: readonly { id: number }[]) =>
  z.unknown().transform((raw) => options.find((o) => String(o.id) === raw)?.id ?? null);

/** The month an annual reporting year ends, 1 to 11; null for December (the calendar year). */
const yearEndingMonth = z
  .unknown()
  .transform((raw) => (typeof raw === 'string' && /^(1[01]?|[2-9])$/.test(raw) ? Number(raw) : null));

/** Targets over time, one per line, read for the measure's frequency. */
const targetsOverTime = (frequency: Frequency) =>
  z.unknown().transform((raw, ctx) => {
    const read = readTargets(typeof raw === 'string' ? raw : '', frequency);
    if (read.ok) return read.targets;
    refuse(ctx, read.message);
    return [];
  });

export const measureForm: RecordForm<MeasureFormContext, MeasureData, Stored> = {
  fields: (ctx): FieldSpec[] => [
    {
      kind: 'input',
      name: 'name',
      label: 'Name',
      hint: 'As the board reads it, for example Cared for children seen within timescales',
    },
    { kind: 'textarea', name: 'definition', label: 'Definition', hint: 'What is counted, and when', rows: 3 },
    {
      kind: 'input',
      name: 'numeratorDescription',
      label: 'Numerator (optional)',
      hint: 'For a percentage or rate: what is counted on top',
    },
    {
      kind: 'input',
      name: 'denominatorDescription',
      label: 'Denominator (optional)',
      hint: 'What it is divided by',
    },
    {
      kind: 'radios',
      name: 'unit',
      label: 'Unit',
      items: units.map((u) => ({ value: u, text: unitNames[u] })),
    },
    {
      kind: 'radios',
      name: 'polarity',
      label: 'Which way is better?',
      items: polarities.map((p) => ({ value: p, text: polarityNames[p] })),
    },
    {
      kind: 'radios',
      name: 'frequency',
      label: 'How often is it reported?',
      items: frequencies.map((f) => ({ value: f, text: frequencyNames[f] })),
    },
    {
      kind: 'select',
      name: 'yearEnding',
      label: 'For annual measures, the month the reporting year ends',
      hint: 'DfE children looked after and children in need years end in March; the workforce census in September',
      items: [
        { value: '', text: 'December (calendar year)' },
        ...monthNames.slice(0, 11).map((m, i) => ({ value: String(i + 1), text: m })),
      ],
    },
    {
      kind: 'radios',
      name: 'rolling12Months',
      label: 'Should monthly counts be read as rolling 12-month totals?',
      hint: 'Only for events in the month, such as contacts or admissions; never for month-end snapshots',
      items: [
        { value: 'no', text: 'No' },
        { value: 'yes', text: 'Yes' },
      ],
    },
    { kind: 'input', name: 'sourceSystem', label: 'Source system', classes: 'govuk-input--width-20' },
    { kind: 'input', name: 'owner', label: 'Owner', classes: 'govuk-input--width-20' },
    {
      kind: 'input',
      name: 'target',
      label: 'Target (optional)',
      hint: 'A number in the measure’s unit, for example 90 for 90%',
      classes: 'govuk-input--width-5',
      inputmode: 'decimal',
    },
    {
      kind: 'radios',
      name: 'toleranceKind',
      label: 'How is amber measured?',
      items: [
        { value: 'relative', text: 'Per cent of the target' },
        { value: 'absolute', text: 'Units of the measure (points for a percentage)' },
      ],
    },
    {
      kind: 'input',
      name: 'toleranceAmber',
      label: 'Amber tolerance',
      hint: 'How far short of target is still amber; further is red. Usually 10',
      classes: 'govuk-input--width-5',
      inputmode: 'decimal',
    },
    {
      kind: 'textarea',
      name: 'targets',
      label: 'Targets over time (optional)',
      hint: 'One per line: a period and a target, such as “2024-04 90”, or a trajectory such as “2024-Q1 50 +20% a quarter until 100”',
      rows: 3,
    },
    frameworkOutcomeField('As DfE’s dashboard files it, for a national indicator'),
    {
      kind: 'select',
      name: 'priorityId',
      label: 'Priority it evidences',
      items: [
        ...(ctx.mayLeaveUnlinked ? [{ value: '', text: 'None' }] : []),
        ...ctx.priorities.map((p) => ({ value: String(p.id), text: p.text })),
      ],
    },
    {
      kind: 'select',
      name: 'improvementAreaId',
      label: 'What needs to improve that it evidences (optional)',
      hint: 'Choosing one links the measure to its priority too',
      items: [
        { value: '', text: 'None in particular' },
        ...ctx.areas.map((a) => ({ value: String(a.id), text: a.text })),
      ],
    },
  ],
  read(values, ctx) {
    // How targets over time are read depends on the frequency chosen in the same form.
    const frequency = (frequencies as readonly string[]).includes(values.frequency ?? '')
      ? (values.frequency as Frequency)
      : 'monthly';
    // Problems are listed in the order this form has always given them.
    const schema = z
      .object({
        frequency: choice(frequencies, 'Select how often the measure is reported'),
        targets: targetsOverTime(frequency),
        toleranceAmber: decimal('Amber tolerance', {
          required: 'Enter the amber tolerance, for example 10',
          negative: 'Amber tolerance must be 0 or more',
        }),
        name: text('Name', { max: 200, required: 'Enter the name of the measure' }),
        definition: text('Definition', { max: 2000 }),
        numeratorDescription: text('Numerator', { max: 300 }),
        denominatorDescription: text('Denominator', { max: 300 }),
        unit: choice(units, 'Select the unit'),
        polarity: choice(polarities, 'Select which way is better'),
        sourceSystem: text('Source system', { max: 200 }),
        owner: text('Owner', { max: 200 }),
        target: decimal('Target'),
        toleranceKind: choice(['relative', 'absolute'], 'Select how amber is measured'),
        yearEnding: yearEndingMonth,
        rolling12Months: z.unknown().transform((raw) => raw === 'yes'),
        frameworkOutcome: frameworkOutcomeValue(),
        priorityId: knownId(ctx.priorities),
        improvementAreaId: knownId(ctx.areas),
      })
      .superRefine((data, check) => {
        if (data.rolling12Months && data.unit !== 'count')
          problem(check, 'rolling12Months', 'Only counts can be read as rolling 12-month totals');
        // An id not offered (another sponsor's priority) reads as none, so this also refuses that.
        if (!ctx.mayLeaveUnlinked && data.priorityId === null && data.improvementAreaId === null)
          problem(check, 'priorityId', 'Select a priority you sponsor');
      })
      .transform(({ yearEnding, toleranceAmber, priorityId, improvementAreaId, ...data }): MeasureData => {
        const area = ctx.areas.find((a) => a.id === improvementAreaId);
        return {
          ...data,
          yearEnding: data.frequency === 'annual' ? yearEnding : null,
          toleranceAmber: toleranceAmber ?? 10,
          // An area belongs to one priority: choosing it settles which priority, whatever else was chosen.
          priorityId: area?.priorityId ?? priorityId,
          improvementAreaId: area?.id ?? null,
        };
      });
    return parseForm(schema, values);
  },
  toValues: (m): FormValues => ({
    name: m.name,
    definition: m.definition,
    numeratorDescription: m.numeratorDescription,
    denominatorDescription: m.denominatorDescription,
    unit: m.unit,
    polarity: m.polarity,
    frequency: m.frequency,
    yearEnding: m.yearEnding === null ? '' : String(m.yearEnding),
    rolling12Months: m.rolling12Months ? 'yes' : 'no',
    sourceSystem: m.sourceSystem,
    owner: m.owner,
    target: m.target === null ? '' : String(m.target),
    toleranceKind: m.toleranceKind,
    toleranceAmber: String(m.toleranceAmber),
    targets: targetsText(m.targets),
    frameworkOutcome: frameworkOutcomeFormValue(m.frameworkOutcome),
    priorityId: m.priorityId === null ? '' : String(m.priorityId),
    improvementAreaId: m.improvementAreaId === null ? '' : String(m.improvementAreaId),
  }),
};
