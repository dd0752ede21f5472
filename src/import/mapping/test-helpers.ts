/* Test helpers: a document's structure from text, as the text reader makes it, and counts of records. */
import type { DocumentStructure } from '../../domain/document-structure.ts';
import { textBlocks } from '../structure/text-blocks.ts';
import { toSourceLines } from '../text.ts';
import type { ImportedDocument } from '../types.ts';

export function structureOfText(text: string, format: 'text' | 'markdown' = 'text'): DocumentStructure {
  const lines = toSourceLines(text);
  return { format, lines, blocks: textBlocks(lines) };
}

export const nonBlankOf = (structure: DocumentStructure) =>
  structure.lines.filter((line) => line.text.trim() !== '').length;

export function commitmentsOf(doc: ImportedDocument) {
  return doc.priorities.flatMap((p) => p.commitments);
}

export function decisionsOf(doc: ImportedDocument) {
  return (doc.meetings ?? []).flatMap((m) => m.decisions);
}

export function actionsOf(doc: ImportedDocument) {
  return (doc.meetings ?? []).flatMap((m) => m.actions);
}

/** Lines every record (not a section, the title or page furniture) holds. */
export function linesInRecords(doc: ImportedDocument): Set<number> {
  const lines = new Set<number>();
  const add = (refs: readonly number[]) => refs.forEach((n) => lines.add(n));
  for (const p of doc.priorities) {
    add(p.lines);
    p.areas.forEach((a) => add(a.lines));
    p.commitments.forEach((c) => {
      add(c.lines);
      c.outcomes.forEach((o) => add(o.lines));
    });
  }
  for (const r of doc.highlightReports) {
    add(r.lines);
    r.areas.forEach((a) => add(a.lines));
  }
  doc.feedback.forEach((f) => add(f.lines));
  doc.measures.forEach((m) => add(m.lines));
  doc.standards.forEach((s) => add(s.lines));
  for (const m of doc.meetings ?? []) {
    add(m.lines);
    m.decisions.forEach((d) => add(d.lines));
    m.actions.forEach((a) => add(a.lines));
    (m.items ?? []).forEach((i) => add(i.lines));
    (m.attendees ?? []).forEach((a) => add(a.lines));
  }
  if (doc.inspection) {
    add(doc.inspection.lines);
    doc.inspection.findings.forEach((f) => add(f.lines));
  }
  (doc.recommendations ?? []).forEach((r) => add(r.lines));
  (doc.judgements ?? []).forEach((j) => add(j.lines));
  return lines;
}
