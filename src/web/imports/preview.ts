import type { ImportedDocument, ListItem } from '../../import/types.ts';

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
    pageFurniture: document.pageFurniture,
  };
}
