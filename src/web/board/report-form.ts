import type { ReportData } from '../../db/board/commands.ts';
import type { CouncilRagStatus, DetailArea, HighlightReport } from '../../db/board/queries.ts';
import { itemsToText, textToItems } from './report-items.ts';
import { FormReader } from '../forms/reader.ts';
import type { FormResult } from '../forms/parse.ts';
import type { FormValues } from '../forms/fields.ts';

/*
 * The highlight report form. Lists are typed one item per line ("- item", indented "- sub-item"),
 * so the form needs no JavaScript; each improvement area has its own two boxes, named by area id.
 */

export interface ReportFormContext {
  scale: readonly CouncilRagStatus[];
  areas: readonly Pick<DetailArea, 'id' | 'title'>[];
  commitments: { id: number; text: string }[];
  measures: { id: number; name: string }[];
}

const areaKey = (id: number | null) => (id === null ? 'other' : String(id));
export const progressField = (id: number | null) => `progress-${areaKey(id)}`;
export const nextField = (id: number | null) => `next-${areaKey(id)}`;

const listMax = 20000;

/** Form values plus the multi-value link fields, which FormValues (text only) cannot carry. */
export interface ReportFormValues {
  values: FormValues;
  commitmentIds: string[];
  measureIds: string[];
}

const asList = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string')
    : typeof value === 'string'
      ? [value]
      : [];

export function valuesFromBody(body: unknown, ctx: ReportFormContext): ReportFormValues {
  const source = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const names = [
    'currentRag',
    'reason',
    'completedBy',
    ...ctx.areas.flatMap((a) => [progressField(a.id), nextField(a.id)]),
  ];
  return {
    values: Object.fromEntries(names.map((n) => [n, typeof source[n] === 'string' ? source[n] : ''])),
    commitmentIds: asList(source.commitmentIds),
    measureIds: asList(source.measureIds),
  };
}

export function valuesFromReport(
  report: HighlightReport,
  areas: readonly DetailArea[],
  links: { commitments: { id: number }[]; measures: { id: number }[] },
  scale: readonly CouncilRagStatus[],
): ReportFormValues {
  const rag = report.currentRag ? scale.find((s) => s.code === report.currentRag!.toLowerCase()) : undefined;
  return {
    values: {
      currentRag: rag?.code ?? '',
      reason: report.reason,
      completedBy: report.completedBy,
      ...Object.fromEntries(
        areas.flatMap((a) => [
          [progressField(a.id), itemsToText(a.progress)],
          [nextField(a.id), itemsToText(a.nextPeriod)],
        ]),
      ),
    },
    commitmentIds: links.commitments.map((c) => String(c.id)),
    measureIds: links.measures.map((m) => String(m.id)),
  };
}

export function readReportForm(input: ReportFormValues, ctx: ReportFormContext): FormResult<ReportData> {
  const form = new FormReader(input.values);
  const code = input.values.currentRag ?? '';
  const status = ctx.scale.find((s) => s.code === code);
  if (code !== '' && !status) form.problem('currentRag', 'Select the current RAG status from the list');
  const reason = form.text('reason', { label: 'Reason for RAG', max: 5000 });
  const completedBy = form.text('completedBy', { label: 'Report completed by', max: 200 });
  const areas = ctx.areas.map((area) => ({
    areaId: area.id,
    progress: textToItems(
      form.text(progressField(area.id), { label: 'Summary of progress since last board', max: listMax }),
    ),
    nextPeriod: textToItems(
      form.text(nextField(area.id), { label: 'Activity for the next period', max: listMax }),
    ),
  }));
  const pick = (given: string[], known: { id: number }[], field: string, message: string) => {
    const ids = [...new Set(given.map(Number))];
    if (ids.some((id) => !known.some((k) => k.id === id))) form.problem(field, message);
    return ids.filter((id) => known.some((k) => k.id === id));
  };
  return form.result({
    currentRag: status?.code ?? '',
    currentRagDefinition: status?.definition ?? '',
    reason,
    completedBy,
    areas,
    commitmentIds: pick(
      input.commitmentIds,
      ctx.commitments,
      'commitmentIds',
      'Select commitments from the list',
    ),
    measureIds: pick(input.measureIds, ctx.measures, 'measureIds', 'Select measures from the list'),
  });
}
