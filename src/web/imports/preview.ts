import type { ImportedDocument, ListItem } from '../../import/types.ts';
import { attendanceKindNames } from '../../domain/meetings/vocabulary.ts';
import { findingKindNames, isInspectionKind, inspectionKindNames } from '../../domain/inspections/index.ts';
import { recordRows } from './records-download.ts';

/** An Ofsted letter's inspection as the preview shows it: what, when, its focus and findings. */
function inspectionOf(document: ImportedDocument, lineRange: (lines: number[]) => string) {
  const read = document.inspection;
  if (!read) return undefined;
  return {
    kind: isInspectionKind(read.kind) ? inspectionKindNames[read.kind] : read.kind,
    startDate: read.startDate ?? '',
    endDate: read.endDate ?? '',
    publishedDate: read.publishedDate ?? '',
    focus: read.focus,
    summary: read.summary,
    findings: read.findings.map((f) => ({
      kind: findingKindNames[f.kind],
      under: f.under ?? '',
      text: f.text,
      where: lineRange(f.lines),
    })),
    where: lineRange(read.lines),
  };
}

/** The preview's view of an extracted document: what each record will be, with its source lines. */
export function previewOf(document: ImportedDocument) {
  const lineRange = (lines: number[]) => {
    if (lines.length === 0) return '';
    const min = Math.min(...lines);
    const max = Math.max(...lines);
    return min === max ? `line ${min}` : `lines ${min} to ${max}`;
  };
  const items = (list: ListItem[]): { text: string; children: unknown[] }[] =>
    list.map((i) => ({ text: i.text, children: items(i.children) }));
  return {
    title: document.title,
    period: document.period,
    priorities: document.priorities.map((p) => ({
      number: p.number,
      title: p.title,
      ambition: p.ambition,
      sponsor: p.sponsor,
      impactForChildren: p.impactForChildren,
      whatWeWillDo: items(p.whatWeWillDo),
      areas: p.areas.map((a) => ({ title: a.title, source: a.source, where: lineRange(a.lines) })),
      commitments: p.commitments.map((c) => ({
        text: c.text,
        needsReview: c.needsReview,
        where: lineRange(c.lines),
        outcomes: c.outcomes.map((o) => ({ text: o.text, where: lineRange(o.lines) })),
        // A tracker's columns, as written.
        details: [
          ['Reference', c.reference],
          ['Owner', c.owner],
          ['Due', c.due?.text],
          ['Status', c.status],
          ['RAG', c.rag],
          ['Update', c.progress],
        ]
          .filter(([, v]) => v)
          .map(([k, v]) => `${k}: ${v}`)
          .join('; '),
      })),
      where: lineRange(p.lines),
    })),
    standards: document.standards.map((s) => ({ group: s.group, name: s.name, where: lineRange(s.lines) })),
    highlightReports: document.highlightReports.map((r) => ({
      ...r,
      where: lineRange(r.lines),
      areas: r.areas.map((a) => ({
        title: a.title,
        progress: items(a.progress),
        nextPeriod: items(a.nextPeriod),
      })),
    })),
    measures: document.measures.map((m) => ({
      name: m.name,
      unit: m.unit,
      statement: m.statement,
      observations: m.observations,
      where: lineRange(m.lines),
    })),
    feedback: document.feedback.map((f) => ({ ...f, where: lineRange(f.lines) })),
    sections: document.sections.map((s) => ({
      heading: s.heading,
      key: s.key,
      text: s.text,
      items: items(s.items),
      where: lineRange(s.lines),
    })),
    meetings: (document.meetings ?? []).map((m) => ({
      title: m.title,
      date: m.date?.date ?? '',
      dateText: m.date?.text ?? '',
      decisions: m.decisions.map((d) => ({ text: d.reference ? `${d.reference} ${d.text}` : d.text })),
      actions: m.actions.map((a) => ({
        text: a.description,
        owner: a.owner ?? '',
        due: a.due?.text ?? '',
      })),
      items: (m.items ?? []).map((i) => ({
        title: i.reference ? `${i.reference}. ${i.title}` : i.title,
        discussion: i.discussion,
        where: lineRange(i.lines),
      })),
      attendees: (m.attendees ?? []).map((a) => ({
        name: a.name,
        role: a.role ?? '',
        attendance: attendanceKindNames[a.attendance],
        list: a.list,
      })),
      where: lineRange(m.lines),
    })),
    inspection: inspectionOf(document, lineRange),
    recommendations: (document.recommendations ?? []).map((r) => ({
      text: r.number ? `${r.number}. ${r.text}` : r.text,
      where: lineRange(r.lines),
    })),
    judgements: (document.judgements ?? []).map((j) => ({ ...j, where: lineRange(j.lines) })),
    undatedReports: document.highlightReports.filter((r) => !r.meetingDate).map((r) => r.priorityNumber),
    undatedMeetings: (document.meetings ?? [])
      .filter((m) => !m.date?.date && !m.date?.period)
      .map((m) => m.title),
    pageFurniture: document.pageFurniture,
  };
}

/** The main words of a record, for the side-by-side table: its text, title or said, whichever it has. */
const mainText = (row: Record<string, string | number | null>) =>
  [row.number, row.title ?? row.text ?? row.said, row.period, row.value]
    .filter((v) => v !== null && v !== undefined && v !== '')
    .join(' ');

/** Each record beside the lines of the document it was read from. */
export function sideBySide(document: ImportedDocument, sourceText: string) {
  return recordRows(document, sourceText).map((row) => ({
    type: String(row.type),
    text: mainText(row) || String(row.section ?? row.key ?? ''),
    lines: String(row.lines ?? ''),
    source: String(row.sourceText ?? '').split('\n'),
  }));
}
