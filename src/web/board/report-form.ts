import type { ReportData } from '../../db/board/commands.ts';
import type { CouncilRagStatus, DetailArea, HighlightReport } from '../../db/board/queries.ts';
import { itemsToText, textToItems } from './report-items.ts';
import { z } from 'zod';
import { parseForm, type FormResult } from '../forms/parse.ts';
import { choice, knownIds, text } from '../forms/validate.ts';
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
  // Each area's two lists, in the order the areas are shown.
  const areaLists: Record<string, ReturnType<typeof text>> = Object.fromEntries(
    ctx.areas.flatMap((area) => [
      [progressField(area.id), text('Summary of progress since last board', { max: listMax })],
      [nextField(area.id), text('Activity for the next period', { max: listMax })],
    ]),
  );
  // Written in parts only so the area lists, named by area, keep their type beside the fixed fields.
  const schema = z
    .object({
      // A report may be saved with no status chosen yet ('').
      currentRag: choice(
        ['', ...ctx.scale.map((s) => s.code)],
        'Select the current RAG status from the list',
      ),
      reason: text('Reason for RAG', { max: 5000 }),
      completedBy: text('Report completed by', { max: 200 }),
    })
    .and(z.object(areaLists))
    .and(
      z.object({
        commitmentIds: knownIds(
          ctx.commitments.map((c) => c.id),
          'Select commitments from the list',
        ),
        measureIds: knownIds(
          ctx.measures.map((m) => m.id),
          'Select measures from the list',
        ),
      }),
    );
  const result = parseForm(schema, {
    ...input.values,
    commitmentIds: input.commitmentIds,
    measureIds: input.measureIds,
  });
  if (!result.ok) return result;
  const { currentRag, reason, completedBy, commitmentIds, measureIds } = result.data;
  const status = ctx.scale.find((s) => s.code === currentRag);
  return {
    ok: true,
    data: {
      currentRag: status?.code ?? '',
      currentRagDefinition: status?.definition ?? '',
      reason,
      completedBy,
      areas: ctx.areas.map((area) => ({
        areaId: area.id,
        progress: textToItems(result.data[progressField(area.id)] ?? ''),
        nextPeriod: textToItems(result.data[nextField(area.id)] ?? ''),
      })),
      commitmentIds,
      measureIds,
    },
  };
}
