/**
 * Decides what kind of document some source lines are, runs that kind's extractor and sums up the
 * result in the shape the CLI prints and the preview shows. The extractors are listed here
 * explicitly (no discovery by file name) so the set of importable documents reads on one screen.
 */
import { cabinetReportExtractor } from './cabinet-report.ts';
import { highlightReportPackExtractor } from './highlight-report-pack.ts';
import { improvementPlanExtractor } from './improvement-plan.ts';
import { scrutinyPresentationExtractor } from './scrutiny-presentation.ts';
import { countNonBlank, flattenItems } from './text.ts';
import { documentKindNames, documentKinds } from './types.ts';
import type { DocumentExtractor, DocumentKind, ImportedDocument, ReviewNote, SourceLine } from './types.ts';
import { weSaidWeDidExtractor } from './we-said-we-did.ts';

export const extractors: readonly DocumentExtractor[] = [
  weSaidWeDidExtractor,
  highlightReportPackExtractor,
  improvementPlanExtractor,
  cabinetReportExtractor,
  scrutinyPresentationExtractor,
];

/** Below this score no extractor is trusted: better to say "not recognised" than to import badly. */
export const recognitionThreshold = 0.5;

export interface ImportSummary {
  kind: DocumentKind;
  lines: { nonBlank: number; placed: number; unplaced: number };
  counts: {
    priorities: number;
    areas: number;
    commitments: number;
    outcomes: number;
    highlightReports: number;
    progressItems: number;
    nextPeriodItems: number;
    measures: number;
    observations: number;
    feedback: number;
    standards: number;
    sections: number;
  };
  needsReview: ReviewNote[];
  unplaced: SourceLine[];
}

export type Analysis =
  | { ok: true; document: ImportedDocument; summary: ImportSummary }
  | { ok: false; message: string; error?: unknown };

/**
 * Runs the extractor that scores highest (the first listed wins a tie) if it reaches the threshold.
 * Never throws: an extractor that fails is reported as a document that could not be read.
 */
export function analyseDocument(
  lines: SourceLine[],
  registry: readonly DocumentExtractor[] = extractors,
): Analysis {
  const nonBlank = countNonBlank(lines);
  if (nonBlank === 0) return { ok: false, message: 'The document has no text in it' };

  let best: { extractor: DocumentExtractor; score: number } | undefined;
  for (const extractor of registry) {
    const score = safeScore(extractor, lines);
    if (score >= recognitionThreshold && (!best || score > best.score)) best = { extractor, score };
  }
  if (!best) return { ok: false, message: notRecognisedMessage() };

  try {
    const document = best.extractor.extract(lines);
    return { ok: true, document, summary: summarise(document, nonBlank) };
  } catch (error) {
    return {
      ok: false,
      message: `This looks like a ${documentKindNames[best.extractor.kind]}, but Wesaid could not read it. Check the file, or enter the plan by hand`,
      error,
    };
  }
}

function safeScore(extractor: DocumentExtractor, lines: SourceLine[]): number {
  try {
    const score = extractor.recognise(lines);
    return Number.isFinite(score) ? score : 0;
  } catch {
    return 0;
  }
}

export function notRecognisedMessage(): string {
  const names = documentKinds.map((kind) => {
    const name = documentKindNames[kind];
    return `${/^[aeiou]/i.test(name) ? 'an' : 'a'} ${name}`;
  });
  return `This document was not recognised. Wesaid can import ${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

/** Counts for the CLI and the preview. Lists count every item, nested ones included. */
export function summarise(doc: ImportedDocument, nonBlankCount: number): ImportSummary {
  const areaKeys = new Set([
    ...doc.priorities.flatMap((p) => p.areas.map((a) => areaKey(p.number, a.title))),
    ...doc.highlightReports.flatMap((r) => r.areas.map((a) => areaKey(r.priorityNumber, a.title))),
  ]);
  const commitments = doc.priorities.flatMap((p) => p.commitments);
  const reportAreas = doc.highlightReports.flatMap((r) => r.areas);
  return {
    kind: doc.kind,
    lines: {
      nonBlank: nonBlankCount,
      placed: nonBlankCount - doc.unplaced.length,
      unplaced: doc.unplaced.length,
    },
    counts: {
      priorities: doc.priorities.length,
      areas: areaKeys.size,
      commitments: commitments.length,
      outcomes: commitments.reduce((sum, c) => sum + c.outcomes.length, 0),
      highlightReports: doc.highlightReports.length,
      progressItems: reportAreas.reduce((sum, a) => sum + flattenItems(a.progress).length, 0),
      nextPeriodItems: reportAreas.reduce((sum, a) => sum + flattenItems(a.nextPeriod).length, 0),
      measures: doc.measures.length,
      observations: doc.measures.reduce((sum, m) => sum + m.observations.length, 0),
      feedback: doc.feedback.length,
      standards: doc.standards.length,
      sections: doc.sections.length,
    },
    needsReview: doc.needsReview,
    unplaced: doc.unplaced,
  };
}

function areaKey(priority: number, title: string): string {
  return `${priority}\u0000${title.trim()}`;
}
