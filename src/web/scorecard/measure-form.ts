/*
 * The measure form: its fields, how a submitted form is read, and how a stored measure fills it.
 * Rendered by the plan's shared form template, so errors and conflicts look the same everywhere.
 */
import {
  frequencies,
  polarities,
  units,
  type Frequency,
  type Polarity,
  type Unit,
} from '../../domain/measures/index.ts';
import type { MeasureInput } from '../../db/measures/commands.ts';
import type { MeasureRow } from '../../db/measures/queries.ts';
import { FormReader } from '../forms/reader.ts';
import type { FieldSpec, FormValues } from '../forms/fields.ts';
import type { RecordForm } from '../plan/forms.ts';
import { readTargets, targetsText } from './targets-text.ts';
import { frequencyNames, polarityNames, unitNames } from './view.ts';

export interface MeasureFormContext {
  priorities: { id: number; text: string }[];
  areas: { id: number; priorityId: number; text: string }[];
}

/** The link the form edits: one priority, and optionally one area of what needs to improve. */
export interface LinkChoice {
  priorityId: number | null;
  improvementAreaId: number | null;
}

export type MeasureData = MeasureInput & LinkChoice;
type Stored = MeasureRow & LinkChoice;

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const NUMBER = /^-?\d+(\.\d+)?$/;

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
        ...MONTHS.slice(0, 11).map((m, i) => ({ value: String(i + 1), text: m })),
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
    {
      kind: 'select',
      name: 'priorityId',
      label: 'Priority it evidences',
      items: [
        { value: '', text: 'None' },
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
    const form = new FormReader(values);
    const number = (name: string, label: string, required?: string): number | null => {
      const text = (values[name] ?? '').trim();
      if (text === '') {
        if (required) form.problem(name, required);
        return null;
      }
      if (!NUMBER.test(text)) form.problem(name, `${label} must be a number, like 90 or 12.5`);
      return Number(text);
    };
    const frequency = form.choice<Frequency>(
      'frequency',
      frequencies,
      'Select how often the measure is reported',
    );
    const yearEndingText = values.yearEnding ?? '';
    const yearEnding = /^(1[01]?|[2-9])$/.test(yearEndingText) ? Number(yearEndingText) : null;
    const targets = readTargets(
      values.targets ?? '',
      (frequencies as readonly string[]).includes(frequency) ? frequency : 'monthly',
    );
    if (!targets.ok) form.problem('targets', targets.message);
    const priorityText = values.priorityId ?? '';
    const area = ctx.areas.find((a) => String(a.id) === (values.improvementAreaId ?? ''));
    // An area belongs to one priority: choosing it settles which priority, whatever else was chosen.
    const priorityId =
      area?.priorityId ??
      (ctx.priorities.some((p) => String(p.id) === priorityText) ? Number(priorityText) : null);
    const toleranceAmber =
      number('toleranceAmber', 'Amber tolerance', 'Enter the amber tolerance, for example 10') ?? 10;
    if (toleranceAmber < 0) form.problem('toleranceAmber', 'Amber tolerance must be 0 or more');
    const data: MeasureData = {
      name: form.text('name', { label: 'Name', max: 200, required: 'Enter the name of the measure' }),
      definition: form.text('definition', { label: 'Definition', max: 2000 }),
      numeratorDescription: form.text('numeratorDescription', { label: 'Numerator', max: 300 }),
      denominatorDescription: form.text('denominatorDescription', { label: 'Denominator', max: 300 }),
      unit: form.choice<Unit>('unit', units, 'Select the unit'),
      polarity: form.choice<Polarity>('polarity', polarities, 'Select which way is better'),
      frequency,
      yearEnding: frequency === 'annual' ? yearEnding : null,
      rolling12Months: values.rolling12Months === 'yes',
      sourceSystem: form.text('sourceSystem', { label: 'Source system', max: 200 }),
      owner: form.text('owner', { label: 'Owner', max: 200 }),
      target: number('target', 'Target'),
      toleranceKind: form.choice(
        'toleranceKind',
        ['relative', 'absolute'] as const,
        'Select how amber is measured',
      ),
      toleranceAmber,
      targets: targets.ok ? targets.targets : [],
      priorityId,
      improvementAreaId: area?.id ?? null,
    };
    if (data.rolling12Months && data.unit !== 'count')
      form.problem('rolling12Months', 'Only counts can be read as rolling 12-month totals');
    return form.result(data);
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
    priorityId: m.priorityId === null ? '' : String(m.priorityId),
    improvementAreaId: m.improvementAreaId === null ? '' : String(m.improvementAreaId),
  }),
};
