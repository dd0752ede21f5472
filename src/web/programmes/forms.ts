import { z } from 'zod';
import {
  expectationStatuses,
  expectationStatusNames,
  expectationStrengths,
  expectationStrengthNames,
} from '../../domain/programmes/expectations.ts';
import type { ExpectationInput } from '../../db/programmes/commands.ts';
import type { Expectation } from '../../db/programmes/queries.ts';
import { parseForm } from '../forms/parse.ts';
import { choice, optionalKnownId, text } from '../forms/validate.ts';
import type { RecordForm } from '../forms/fields.ts';

/* The expectation form: what the programme expects, how strongly, where it stands and the evidence. */

export interface ExpectationFormContext {
  commitments: { id: number; text: string }[];
  measures: { id: number; text: string }[];
}

const shorten = (words: string) => (words.length > 90 ? `${words.slice(0, 89)}…` : words);

export const expectationForm: RecordForm<ExpectationFormContext, ExpectationInput, Expectation> = {
  fields: (ctx) => [
    { kind: 'textarea', name: 'text', label: 'What the programme expects', rows: 3 },
    {
      kind: 'radios',
      name: 'strength',
      label: 'Required or recommended',
      items: expectationStrengths.map((s) => ({ value: s, text: expectationStrengthNames[s] })),
    },
    {
      kind: 'input',
      name: 'reference',
      label: 'Grant line or reference (optional)',
      hint: 'As the programme’s guidance names it',
      classes: 'govuk-input--width-20',
    },
    {
      kind: 'radios',
      name: 'status',
      label: 'Status',
      items: expectationStatuses.map((s) => ({ value: s, text: expectationStatusNames[s] })),
    },
    {
      kind: 'textarea',
      name: 'evidence',
      label: 'Evidence (optional)',
      hint: 'What shows the expectation is being met',
      rows: 4,
    },
    {
      kind: 'select',
      name: 'commitmentId',
      label: 'Commitment that evidences it (optional)',
      items: [
        { value: '', text: 'None' },
        ...ctx.commitments.map((c) => ({ value: String(c.id), text: shorten(c.text) })),
      ],
    },
    {
      kind: 'select',
      name: 'measureId',
      label: 'Measure that evidences it (optional)',
      items: [
        { value: '', text: 'None' },
        ...ctx.measures.map((m) => ({ value: String(m.id), text: m.text })),
      ],
    },
  ],
  read(values, ctx) {
    const schema = z.object({
      text: text('What the programme expects', { max: 2000, required: 'Enter what the programme expects' }),
      strength: choice(expectationStrengths, 'Select whether the expectation is required or recommended'),
      reference: text('Grant line or reference', { max: 200 }),
      status: choice(expectationStatuses, 'Select the status of the expectation'),
      evidence: text('Evidence', { max: 20000 }),
      commitmentId: optionalKnownId(
        ctx.commitments.map((c) => c.id),
        'Select a commitment from the list',
      ).default(null),
      measureId: optionalKnownId(
        ctx.measures.map((m) => m.id),
        'Select a measure from the list',
      ).default(null),
    });
    return parseForm(schema, values);
  },
  toValues: (e) => ({
    text: e.text,
    strength: e.strength,
    reference: e.reference,
    status: e.status,
    evidence: e.evidence,
    commitmentId: e.commitmentId === null ? '' : String(e.commitmentId),
    measureId: e.measureId === null ? '' : String(e.measureId),
  }),
};
