/**
 * Highlight report packs (seed 001): for each priority a header table (priority, sponsor, previous
 * and current RAG, reason, author and meeting date), then "What needs to improve" areas, each with
 * a progress list and a next-period list.
 *
 * Page headers repeat mid-list where a page broke, so they are found first (lines that repeat and
 * are not list items or labels) and read past: a list carries on across the break.
 */
import type { AreaDraft, ReportDraft, Section } from './highlight-report-pack-areas.ts';
import {
  addEntry,
  areaLabels,
  findOrAddArea,
  finishReport,
  openSection,
  plainEntry,
  sectionLabels,
  sectionOf,
} from './highlight-report-pack-areas.ts';
import { findPageFurniture, plainText, readPreamble } from './highlight-report-pack-furniture.ts';
import { priorityRow, ragLabels, readHeaderField, startReport } from './highlight-report-pack-header.ts';
import { emptyDocument, LineLedger } from './ledger.ts';
import type { BulletEntry } from './text.ts';
import { continueEntry, isBlank, isPageNumberLine, parseBullet, readValue, splitLabel } from './text.ts';
import type { DocumentExtractor, ImportedDocument, SourceLine } from './types.ts';

export { parseRag } from './highlight-report-pack-header.ts';

export const highlightReportPackExtractor: DocumentExtractor = {
  kind: 'highlight-report-pack',
  recognise,
  extract,
};

function recognise(lines: SourceLine[]): number {
  const found = new Set<string>();
  for (const line of lines) {
    if (priorityRow(line.text)) found.add('priority');
    else if (splitLabel(line.text, ragLabels)) found.add('rag');
    else if (splitLabel(line.text, areaLabels)) found.add('area');
    else if (splitLabel(line.text, sectionLabels.progress)) found.add('progress');
    else if (splitLabel(line.text, sectionLabels.nextPeriod)) found.add('next');
    if (found.size === 5) break;
  }
  // The section labels alone are common phrases; the header table is what makes a highlight report.
  return found.has('priority') || found.has('rag') ? found.size / 5 : found.size / 10;
}

function extract(lines: SourceLine[]): ImportedDocument {
  const ledger = new LineLedger(lines);
  const doc = emptyDocument('highlight-report-pack', '');
  const furniture = findPageFurniture(lines);
  const drafts: ReportDraft[] = [];
  const preamble: SourceLine[] = [];
  let draft: ReportDraft | undefined;
  let area: AreaDraft | undefined;
  let section: Section | undefined;
  let last: BulletEntry | undefined; // the item the next plain line would continue
  let untitled: AreaDraft | undefined; // an area whose title is on the lines after its label

  for (const line of lines) {
    if (isBlank(line)) {
      last = undefined;
      if (untitled?.title) untitled = undefined;
      continue;
    }
    if (furniture.has(line.number)) {
      doc.pageFurniture.push(line);
      ledger.place(line.number, 'pageFurniture');
      last = undefined;
      continue;
    }
    const row = priorityRow(line.text);
    if (row) {
      draft = startReport(row, line, drafts.length, doc);
      drafts.push(draft);
      ledger.place(line.number, `${reportField(drafts.length - 1)}.priority`);
      area = section = last = untitled = undefined;
      continue;
    }
    if (!draft) {
      preamble.push(line);
      continue;
    }
    const field = reportField(drafts.length - 1);
    // Header rows come before the first area; later, "Current status: ..." is part of a list.
    if (!area && readHeaderField(line, draft.report, doc)) {
      ledger.place(line.number, `${field}.header`);
      draft.report.lines.push(line.number);
      last = undefined;
      continue;
    }
    const areaLine = splitLabel(line.text, areaLabels);
    if (areaLine) {
      const next = findOrAddArea(draft, areaLine.value, line.number, doc);
      // The same heading again straight away is a page's running header: its list carries on.
      if (next !== area) section = undefined;
      area = next;
      untitled = areaLine.value === '' ? area : undefined;
      ledger.place(line.number, `${field}.areas.${draft.areas.indexOf(area)}`);
      last = undefined;
      continue;
    }
    const sectionLine = sectionOf(line.text);
    if (untitled && !sectionLine && !parseBullet(line.text)) {
      // "What needs to improve:" with the title on the next line or lines.
      untitled.title = `${untitled.title} ${readValue(line.text)}`.trim();
      untitled.lines.push(line.number);
      ledger.place(line.number, `${field}.areas.${draft.areas.indexOf(untitled)}`);
      continue;
    }
    untitled = undefined;
    if (sectionLine) {
      area ??= findOrAddArea(draft, '', undefined, doc);
      section = sectionLine.section;
      openSection(area, section, line.number, doc);
      ledger.place(line.number, `${field}.areas.${draft.areas.indexOf(area)}.${section}`);
      last =
        sectionLine.value === ''
          ? undefined
          : addEntry(area, section, plainEntry(sectionLine.value, line.number));
      continue;
    }
    if (!area || !section) continue; // left unplaced: not part of any list
    const bullet = parseBullet(line.text);
    // A plain line straight after an item is that item wrapping onto the next line.
    if (!bullet && last) continueEntry(last, line.text.trim(), line.number);
    else
      last = addEntry(
        area,
        section,
        bullet ? { bullet, line: line.number, wrapped: [] } : plainEntry(line.text, line.number),
      );
    ledger.place(line.number, `${field}.areas.${draft.areas.indexOf(area)}.${section}`);
  }

  readPreamble(preamble, doc, ledger);
  if (doc.title === '') {
    const headers = doc.pageFurniture.filter((l) => !isPageNumberLine(l.text)).map((l) => plainText(l.text));
    doc.title = [...new Set(headers)].join(' – ') || 'Highlight report pack';
  }
  for (const d of drafts) finishReport(d, doc);
  doc.unplaced = ledger.unplaced();
  return doc;
}

function reportField(index: number): string {
  return `highlightReports.${index}`;
}
