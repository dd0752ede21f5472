/*
 * Writing an Ofsted letter or report: the inspection or visit it is of (kind, days, focus, its
 * opening as the summary), its judgements on the areas of the framework in force on its first day,
 * and its findings: the paragraphs as findings, strengths or areas for improvement, and its
 * recommendations, each linked to the improvement area the import made for it. Written through the
 * inspection commands. A letter whose days were not found is not written as an inspection (the
 * preview says so); its recommendations still become improvement areas. Internal to the imports
 * commands.
 */
import type { ImportedDocument } from '../../domain/imports.ts';
import {
  frameworkInForce,
  gradeOfWords,
  isInspectionKind,
  judgementAreaOf,
} from '../../domain/inspections/index.ts';
import { importInspection, type FindingInput } from '../inspections/commands.ts';
import type { ImportWriter } from './writer.ts';

export async function writeInspection(
  writer: ImportWriter,
  doc: ImportedDocument,
  areaIdOf: (title: string) => number | undefined,
): Promise<void> {
  const read = doc.inspection;
  if (!read?.startDate || !isInspectionKind(read.kind)) return;
  const framework = frameworkInForce(read.startDate)?.code ?? 'sif';
  const judgements = (doc.judgements ?? []).flatMap((j) => {
    const area = judgementAreaOf(framework, j.area);
    const grade = gradeOfWords(j.grade);
    return area && grade ? [{ value: { area, grade }, lines: j.lines }] : [];
  });
  const finding = (f: Omit<FindingInput, 'frameworkOutcome' | 'commitmentIds'>): FindingInput => ({
    ...f,
    frameworkOutcome: null,
    commitmentIds: [],
  });
  const findings = [
    ...read.findings.map((f) => ({
      value: finding({ kind: f.kind, number: null, text: f.text, improvementAreaIds: [] }),
      lines: f.lines,
    })),
    ...(doc.recommendations ?? []).map((r) => {
      const areaId = areaIdOf(r.text);
      const number = Number.parseInt(r.number ?? '', 10);
      return {
        value: finding({
          kind: 'recommendation',
          number: Number.isFinite(number) ? number : null,
          text: r.text,
          improvementAreaIds: areaId === undefined ? [] : [areaId],
        }),
        lines: r.lines,
      };
    }),
  ];
  const written = await importInspection(
    writer.tx,
    writer.organisationId,
    {
      inspection: {
        kind: read.kind,
        frameworkVersion: framework,
        startDate: read.startDate,
        endDate: read.endDate ?? null,
        publishedDate: read.publishedDate ?? null,
        focus: read.focus,
        summary: read.summary,
        link: '',
        priorityIds: [],
      },
      judgements: judgements.map((j) => j.value),
      findings: findings.map((f) => f.value),
    },
    writer.actor,
  );
  writer.track('inspection', [written.inspection], [read.lines]);
  // importInspection keeps the first judgement of an area: match the rows back by area.
  const byArea = new Map(judgements.map((j) => [j.value.area, j.lines]));
  writer.track(
    'inspection-judgement',
    written.judgements,
    written.judgements.map((j) => byArea.get(j.area) ?? []),
  );
  writer.track(
    'inspection-finding',
    written.findings,
    findings.map((f) => f.lines),
  );
}
