/*
 * The committee report and recipient forms (committee-pages.ts), as field lists for the shared form
 * template (src/web/forms/record-form.njk). The cover's fields come from the one list in
 * src/domain/publishing/committee-cover.ts.
 */
import { z } from 'zod';
import type { CommitteeReportData } from '../../db/publishing/commands.ts';
import {
  coverFieldNames,
  coverFields,
  type CommitteeCover,
  type CoverFieldName,
} from '../../domain/publishing/committee-cover.ts';
import { quarterByKey, quarterOf, recentQuarters } from '../../domain/publishing/quarters.ts';
import { parseForm } from '../forms/parse.ts';
import { date, knownId, optionalKnownId, text } from '../forms/validate.ts';
import { dateToFormValues, type FieldSpec, type RecordForm } from '../forms/fields.ts';
import { long, selected } from './form-parts.ts';

/** A quarter chosen by its key ('2024-25-q1'). A wrong key never reaches the caller: the form is refused. */
function quarterField(message: string) {
  return z.unknown().transform((raw, ctx) => {
    const quarter = quarterByKey(selected(raw));
    if (!quarter) ctx.addIssue({ code: 'custom', message, continue: true });
    return quarter!;
  });
}

export interface CommitteeReportContext {
  plans: { id: number; title: string }[];
  consultations: { id: number; title: string }[];
  /** Today, for the quarters offered. */
  today: string;
}

type StoredReport = Omit<CommitteeReportData, 'quarter'> & { quarterStart: string };

export const committeeReportForm: RecordForm<CommitteeReportContext, CommitteeReportData, StoredReport> = {
  fields: (ctx) => [
    {
      kind: 'select',
      name: 'planId',
      label: 'Plan',
      items: ctx.plans.map((p) => ({ value: String(p.id), text: p.title })),
    },
    {
      kind: 'select',
      name: 'quarter',
      label: 'Quarter it reports on',
      items: recentQuarters(ctx.today, 24).map((q) => ({ value: q.key, text: q.label })),
    },
    ...coverFields.map((f): FieldSpec => {
      const common = { name: f.name, label: f.formLabel, ...(f.hint ? { hint: f.hint } : {}) };
      return f.kind === 'textarea'
        ? { kind: 'textarea', ...common, rows: f.rows ?? 5 }
        : { kind: f.kind, ...common };
    }),
    {
      kind: 'select',
      name: 'consultationId',
      label: 'Consultation to summarise (optional)',
      items: [
        { value: '', text: 'None' },
        ...ctx.consultations.map((c) => ({ value: String(c.id), text: c.title })),
      ],
    },
  ],
  read(values, ctx) {
    // The summary lists the plan, quarter and consultation first, then the cover in its order.
    const result = parseForm(
      z.object({
        planId: knownId(
          ctx.plans.map((p) => p.id),
          'Select a plan',
        ),
        quarter: quarterField('Select the quarter it reports on'),
        consultationId: optionalKnownId(
          ctx.consultations.map((c) => c.id),
          'Select a consultation from the list',
        ),
        ...coverShape,
      }),
      values,
    );
    if (!result.ok) return result;
    const { planId, quarter, consultationId, ...cover } = result.data;
    return { ok: true, data: { planId, quarter, consultationId, ...coverOf(cover) } };
  },
  toValues: (r) => ({
    planId: String(r.planId),
    quarter: quarterOf(r.quarterStart).key,
    consultationId: r.consultationId ? String(r.consultationId) : '',
    ...Object.fromEntries(
      coverFields.flatMap((f) =>
        f.kind === 'date' ? Object.entries(dateToFormValues(f.name, r[f.name])) : [[f.name, r[f.name]]],
      ),
    ),
  }),
};

/** The cover fields' checks, by the one list of cover fields. */
const coverShape = Object.fromEntries(
  coverFields.map((f) => {
    const label = f.shortLabel ?? f.formLabel;
    const field: z.ZodType<string | null> =
      f.kind === 'date'
        ? f.required
          ? date(label, { required: f.required })
          : date(label)
        : text(label, { max: f.max ?? long, ...(f.required ? { required: f.required } : {}) });
    return [f.name, field];
  }),
) as Record<CoverFieldName, z.ZodType<string | null>>;

/** The cover as stored: an optional date left blank is ''. */
const coverOf = (cover: Record<CoverFieldName, string | null>): CommitteeCover =>
  Object.fromEntries(coverFieldNames.map((name) => [name, cover[name] ?? ''])) as CommitteeCover;

export const recipientForm: RecordForm<unknown, { meeting: string }, { meeting: string }> = {
  fields: () => [
    {
      kind: 'input',
      name: 'meeting',
      label: 'Meeting',
      hint: 'For example, Tameside Health and Wellbeing Board',
    },
  ],
  read: (values) =>
    parseForm(z.object({ meeting: text('Meeting', { max: 300, required: 'Enter the meeting' }) }), values),
  toValues: (r) => ({ meeting: r.meeting }),
};
