/**
 * Decides what kind of document some source lines are, runs that kind's extractor and sums up the
 * result in the shape the CLI prints and the preview shows. The extractors are listed here
 * explicitly (no discovery by file name) so the set of importable documents reads on one screen.
 */
import type { DocumentStructure } from '../domain/document-structure.ts';
import type { ImportMapping, MappingOverrides } from '../domain/import-mapping.ts';
import { defaultVocabulary, type ImportVocabulary } from '../domain/import-vocabulary.ts';
import { cabinetReportExtractor } from './cabinet-report.ts';
import { highlightReportPackExtractor } from './highlight-report-pack.ts';
import { improvementPlanExtractor } from './improvement-plan.ts';
import { applyMapping } from './mapping/apply.ts';
import { suggestAndApply } from './mapping/suggest.ts';
import { scrutinyPresentationExtractor } from './scrutiny-presentation.ts';
import { textBlocks } from './structure/text-blocks.ts';
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
    /** Only for documents the general mapper read (the dedicated extractors make none of these). */
    meetings?: number;
    decisions?: number;
    actions?: number;
    recommendations?: number;
    judgements?: number;
  };
  needsReview: ReviewNote[];
  unplaced: SourceLine[];
}

export type Analysis =
  | {
      ok: true;
      document: ImportedDocument;
      summary: ImportSummary;
      /** The mapping the general mapper used, for the CLI and the preview to show; absent for an extractor. */
      mapping?: ImportMapping;
    }
  | { ok: false; message: string; error?: unknown };

export interface AnalyseOptions {
  /**
   * When no extractor recognises the document, map its structure instead of refusing it (a kind
   * "general" where nothing fits better). Off by default: callers turn it on once they can show a
   * mapped document (issue 11).
   */
  general?: boolean;
  /** The kind the person asked for: its extractor runs whatever its score, or the mapper for that kind. */
  kind?: DocumentKind;
  /** A mapping to apply (a saved template, or the person's corrections), instead of any extractor. */
  mapping?: ImportMapping;
  /** One document's own corrections to the mapping. */
  overrides?: MappingOverrides;
  /** The structure a reader made of the document; read from the lines as plain text otherwise. */
  structure?: DocumentStructure;
  vocabulary?: ImportVocabulary;
}

/**
 * Runs the extractor that scores highest (the first listed wins a tie) if it reaches the threshold.
 * Never throws: an extractor that fails is reported as a document that could not be read.
 */
export function analyseDocument(
  lines: SourceLine[],
  registry: readonly DocumentExtractor[] = extractors,
  options: AnalyseOptions = {},
): Analysis {
  const nonBlank = countNonBlank(lines);
  if (nonBlank === 0) return { ok: false, message: 'The document has no text in it' };
  if (options.mapping) return mapDocument(lines, nonBlank, options.mapping, options);

  const asked = options.kind && registry.find((extractor) => extractor.kind === options.kind);
  let best: { extractor: DocumentExtractor; score: number } | undefined = asked
    ? { extractor: asked, score: 1 }
    : undefined;
  if (!asked && options.kind) return suggestDocument(lines, nonBlank, options, options.kind);
  if (!best) {
    for (const extractor of registry) {
      const score = safeScore(extractor, lines);
      if (score >= recognitionThreshold && (!best || score > best.score)) best = { extractor, score };
    }
  }
  if (!best && options.general) return suggestDocument(lines, nonBlank, options);
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

function structureOf(lines: SourceLine[], options: AnalyseOptions): DocumentStructure {
  return options.structure ?? { format: 'text', lines, blocks: textBlocks(lines) };
}

/** A suggested mapping and its document, read once (with the person's overrides, read again). */
function suggestDocument(
  lines: SourceLine[],
  nonBlank: number,
  options: AnalyseOptions,
  kind?: DocumentKind,
): Analysis {
  try {
    const structure = structureOf(lines, options);
    const { mapping, document } = suggestAndApply(structure, options.vocabulary ?? defaultVocabulary, kind);
    if (options.overrides) return mapDocument(lines, nonBlank, mapping, { ...options, structure });
    return { ok: true, document, summary: summarise(document, nonBlank), mapping };
  } catch (error) {
    return { ok: false, message: couldNotMap, error };
  }
}

const couldNotMap = 'Wesaid could not map this document. Check the file, or enter the plan by hand';

/** The general mapper: never throws, like the extractors' path. */
function mapDocument(
  lines: SourceLine[],
  nonBlank: number,
  mapping: ImportMapping,
  options: AnalyseOptions,
): Analysis {
  try {
    const document = applyMapping(structureOf(lines, options), mapping, options.overrides);
    return { ok: true, document, summary: summarise(document, nonBlank), mapping };
  } catch (error) {
    return { ok: false, message: couldNotMap, error };
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
      ...mappedCounts(doc),
    },
    needsReview: doc.needsReview,
    unplaced: doc.unplaced,
  };
}

function mappedCounts(doc: ImportedDocument): Partial<ImportSummary['counts']> {
  const meetings = doc.meetings ?? [];
  return {
    ...(doc.meetings
      ? {
          meetings: meetings.length,
          decisions: meetings.reduce((sum, m) => sum + m.decisions.length, 0),
          actions: meetings.reduce((sum, m) => sum + m.actions.length, 0),
        }
      : {}),
    ...(doc.recommendations ? { recommendations: doc.recommendations.length } : {}),
    ...(doc.judgements ? { judgements: doc.judgements.length } : {}),
  };
}

function areaKey(priority: number, title: string): string {
  return `${priority}\u0000${title.trim()}`;
}
