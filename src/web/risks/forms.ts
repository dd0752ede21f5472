import { z } from 'zod';
import type { RiskInput } from '../../db/risks/commands.ts';
import type { Risk } from '../../db/risks/queries.ts';
import {
  maxScaleSize,
  minScaleSize,
  riskStatuses,
  settingsProblems,
  type RiskSettings,
} from '../../domain/risks/scoring.ts';
import { dateToFormValues, type FieldSpec, type RecordForm } from '../forms/fields.ts';
import { parseForm } from '../forms/parse.ts';
import { choice, date, optionalKnownId, problem, refuse, text, whole } from '../forms/validate.ts';
import { riskStatusNames } from './labels.ts';

/* The register's forms: a risk, and the council's scale. GOV.UK wording for every problem. */

const long = 20000;

export interface RiskFormContext {
  priorities: { id: number; number: number; title: string }[];
  owners: { id: number; name: string }[];
  settings: RiskSettings;
}

/** Ticked priorities arrive joined by commas (see formValuesFrom); each must be one of the plan's. */
function priorityIds(ids: readonly number[]) {
  return z.unknown().transform((raw, ctx): number[] => {
    const given = (typeof raw === 'string' ? raw : '').split(',').filter(Boolean);
    if (given.some((v) => !ids.some((id) => String(id) === v))) {
      refuse(ctx, 'Select priorities from the list');
      return [];
    }
    return [...new Set(given.map(Number))];
  });
}

const scoreField = (name: string, label: string, size: number): FieldSpec => ({
  kind: 'input',
  name,
  label,
  hint: `A whole number from 1 to ${size}`,
  classes: 'govuk-input--width-2',
  inputmode: 'numeric',
});

const score = (label: string, size: number) =>
  whole({
    min: 1,
    max: size,
    required: `Enter the ${label}`,
    invalid: `${label.charAt(0).toUpperCase()}${label.slice(1)} must be a whole number from 1 to ${size}`,
  });

export const riskForm: RecordForm<RiskFormContext, RiskInput, Risk> = {
  fields: (ctx) => {
    const size = ctx.settings.scaleSize;
    return [
      {
        kind: 'textarea',
        name: 'title',
        label: 'Risk',
        hint: 'What might happen, in a sentence',
        rows: 2,
      },
      ...(ctx.priorities.length > 0
        ? ([
            {
              kind: 'checkboxes',
              name: 'priorityIds',
              label: 'Priorities at risk (optional)',
              hint: 'Sponsors of these priorities may update the risk',
              items: ctx.priorities.map((p) => ({ value: String(p.id), text: `${p.number}. ${p.title}` })),
            },
          ] satisfies FieldSpec[])
        : []),
      { kind: 'textarea', name: 'cause', label: 'Cause (optional)', rows: 3 },
      { kind: 'textarea', name: 'effect', label: 'Effect (optional)', rows: 3 },
      {
        kind: 'textarea',
        name: 'controls',
        label: 'Controls (optional)',
        hint: 'What is in place to make it less likely or less harmful',
        rows: 4,
      },
      {
        kind: 'select',
        name: 'ownerUserId',
        label: 'Owner',
        items: [
          { value: '', text: 'Owner without an account' },
          ...ctx.owners.map((o) => ({ value: String(o.id), text: o.name })),
        ],
      },
      {
        kind: 'input',
        name: 'ownerName',
        label: 'Owner’s name, if they have no account',
        hint: 'For example, a partner agency or a named officer',
        classes: 'govuk-input--width-20',
      },
      scoreField('inherentLikelihood', 'Likelihood before controls', size),
      scoreField('inherentImpact', 'Impact before controls', size),
      scoreField('residualLikelihood', 'Likelihood after controls', size),
      scoreField('residualImpact', 'Impact after controls', size),
      { kind: 'date', name: 'reviewedOn', label: 'Date reviewed', hint: 'For example, 10 9 2024' },
      {
        kind: 'date',
        name: 'nextReviewOn',
        label: 'Next review (optional)',
        hint: 'For example, 12 11 2024',
      },
      {
        kind: 'radios',
        name: 'status',
        label: 'Status',
        items: riskStatuses.map((s) => ({ value: s, text: riskStatusNames[s] })),
      },
    ];
  },
  read(values, ctx) {
    const size = ctx.settings.scaleSize;
    const schema = z
      .object({
        title: text('Risk', { max: 2000, required: 'Enter the risk' }),
        priorityIds: priorityIds(ctx.priorities.map((p) => p.id)),
        cause: text('Cause', { max: long }),
        effect: text('Effect', { max: long }),
        controls: text('Controls', { max: long }),
        ownerUserId: optionalKnownId(
          ctx.owners.map((o) => o.id),
          'Select an owner from the list',
        ),
        ownerName: text('Owner’s name', { max: 200 }),
        inherentLikelihood: score('likelihood before controls', size),
        inherentImpact: score('impact before controls', size),
        residualLikelihood: score('likelihood after controls', size),
        residualImpact: score('impact after controls', size),
        reviewedOn: date('Date reviewed', { required: 'Enter the date the risk was reviewed' }),
        nextReviewOn: date('Next review'),
        status: choice(riskStatuses, 'Select the status of the risk'),
      })
      .superRefine((data, rctx) => {
        if (data.ownerUserId === null && data.ownerName === '')
          problem(rctx, 'ownerUserId', 'Select an owner, or enter the name of an owner without an account');
      });
    return parseForm(schema, values);
  },
  toValues: (r) => ({
    title: r.title,
    priorityIds: r.priorityIds.join(','),
    cause: r.cause,
    effect: r.effect,
    controls: r.controls,
    ownerUserId: r.ownerUserId ? String(r.ownerUserId) : '',
    ownerName: r.ownerName,
    inherentLikelihood: String(r.inherentLikelihood),
    inherentImpact: String(r.inherentImpact),
    residualLikelihood: String(r.residualLikelihood),
    residualImpact: String(r.residualImpact),
    ...dateToFormValues('reviewedOn', r.reviewedOn),
    ...dateToFormValues('nextReviewOn', r.nextReviewOn),
    status: r.status,
  }),
};

const settingField = (name: keyof RiskSettings, label: string, hint: string): FieldSpec => ({
  kind: 'input',
  name,
  label,
  hint,
  classes: 'govuk-input--width-3',
  inputmode: 'numeric',
});

export const riskSettingsForm: RecordForm<unknown, RiskSettings, RiskSettings> = {
  fields: () => [
    settingField(
      'scaleSize',
      'Scale',
      `Likelihood and impact are each scored from 1 to this number (${minScaleSize} to ${maxScaleSize}); 5 is usual`,
    ),
    settingField('mediumFrom', 'Medium starts at', 'The lowest score rated medium; scores below it are low'),
    settingField('highFrom', 'High starts at', 'The lowest score rated high'),
    settingField('veryHighFrom', 'Very high starts at', 'The lowest score rated very high'),
    settingField(
      'threshold',
      'Threshold for the board',
      'Open risks whose score after controls is this or more go in the board pack and on the plan',
    ),
  ],
  read(values) {
    const number = (label: string) =>
      whole({
        min: 0,
        max: 10000,
        required: `Enter the ${label.toLowerCase()}`,
        invalid: `${label} must be a whole number`,
      });
    const schema = z
      .object({
        scaleSize: number('Scale'),
        mediumFrom: number('Medium starts at'),
        highFrom: number('High starts at'),
        veryHighFrom: number('Very high starts at'),
        threshold: number('Threshold'),
      })
      .superRefine((data, ctx) => {
        for (const p of settingsProblems(data)) problem(ctx, p.field, p.message);
      });
    return parseForm(schema, values);
  },
  toValues: (s) => ({
    scaleSize: String(s.scaleSize),
    mediumFrom: String(s.mediumFrom),
    highFrom: String(s.highFrom),
    veryHighFrom: String(s.veryHighFrom),
    threshold: String(s.threshold),
  }),
};
