/**
 * Highlight report packs (seed 001): for each priority a header table (priority, sponsor, previous
 * and current RAG, reason, author and meeting date), then "What needs to improve" areas, each with
 * a progress list and a next-period list.
 *
 * Page headers repeat mid-list where a page broke, so they are found first (lines that repeat and
 * are not list items or labels) and read past: a list carries on across the break. A section label
 * that comes again in the same area is merged into the same list, in order, and flagged.
 */
import { emptyDocument, LineLedger } from './ledger.ts';
import {
  type Bullet,
  isBlank,
  isPageNumberLine,
  nestItems,
  parseBullet,
  parseMarkdownHeading,
  parseNumberedHeading,
  parseUkDate,
  readValue,
  splitCells,
  splitLabel,
  splitNumberPrefix,
} from './text.ts';
import type {
  DocumentExtractor,
  ImportedDocument,
  ImportedHighlightReport,
  ImportedPriority,
  ImportedRag,
  SourceLine,
} from './types.ts';

const headerLabels = {
  sponsor: ['Sponsor', 'Priority sponsor', 'Senior sponsor', 'Lead sponsor'],
  previousRag: ['Previous RAG Status', 'Previous RAG', 'Previous status', 'Last RAG status'],
  currentRag: ['Current RAG Status', 'Current RAG', 'Current status', 'RAG status'],
  reason: ['Reason for RAG', 'Reason for RAG status', 'Reason for status', 'Reason for rating'],
  completedBy: ['Report Completed By', 'Completed by', 'Report author', 'Author'],
} as const;
type HeaderField = keyof typeof headerLabels;

const areaLabels = ['What needs to improve', 'Area for improvement', 'Improvement area'];
const sectionLabels = {
  progress: [
    'Summary of progress since last board',
    'Summary of progress since the last board',
    'Summary of progress',
    'Progress since last board',
    'Progress since the last board',
    'Progress this period',
  ],
  nextPeriod: [
    'Activity for the next period',
    'Activity for next period',
    'Activities for the next period',
    'Planned activity for the next period',
    'Next steps',
  ],
} as const;
type Section = keyof typeof sectionLabels;

const ragLabels = [...headerLabels.currentRag, ...headerLabels.previousRag];
const allLabels = [
  ...areaLabels,
  ...Object.values(headerLabels).flat(),
  ...Object.values(sectionLabels).flat(),
];

interface Entry {
  bullet: Bullet;
  line: number;
  wrapped: number[];
}

interface AreaDraft {
  title: string;
  lines: number[];
  entries: Record<Section, Entry[]>;
  seen: Set<Section>;
}

interface ReportDraft {
  report: ImportedHighlightReport;
  ambition?: string;
  areas: AreaDraft[];
}

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
  let last: Entry | undefined; // the item the next plain line would continue
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
    if (!bullet && last) {
      // A plain line straight after an item is that item wrapping onto the next line.
      last.bullet = { ...last.bullet, text: `${last.bullet.text} ${line.text.trim()}` };
      last.wrapped.push(line.number);
    } else
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

// ---------------------------------------------------------------------------------------------
// Reports

function reportField(index: number): string {
  return `highlightReports.${index}`;
}

function priorityRow(text: string): { number?: number; text: string } | undefined {
  if (parseBullet(text)) return undefined;
  const labelled = splitLabel(text, ['Priority']);
  if (labelled && labelled.value !== '') {
    const numbered = splitNumberPrefix(labelled.value);
    return numbered ?? { text: labelled.value };
  }
  // "Priority 2: Working in Partnership" written as a heading rather than a table row.
  const heading = parseNumberedHeading(text, ['Priority']);
  if (heading && heading.separator !== '' && heading.rest !== '')
    return { number: heading.number, text: heading.rest };
  return undefined;
}

function startReport(
  row: { number?: number; text: string },
  line: SourceLine,
  index: number,
  doc: ImportedDocument,
): ReportDraft {
  const number = row.number ?? index + 1;
  if (row.number === undefined) {
    doc.needsReview.push({
      message: `The priority on line ${line.number} has no number, so it was numbered ${number} by its place in the pack.`,
      lines: [line.number],
    });
  }
  // "Quality of Practice: Children and young people receive ..." is a short title then the ambition.
  const colon = row.text.indexOf(': ');
  const title = colon === -1 ? row.text : row.text.slice(0, colon);
  const ambition = colon === -1 ? undefined : row.text.slice(colon + 2).trim();
  return {
    report: {
      priorityNumber: number,
      priorityTitle: title,
      sponsor: '',
      reason: '',
      completedBy: '',
      meetingLabel: '',
      meetingDate: '',
      areas: [],
      lines: [line.number],
    },
    ...(ambition ? { ambition } : {}),
    areas: [],
  };
}

/** Reads one header row into the report; false when the line is not a header row. */
function readHeaderField(line: SourceLine, report: ImportedHighlightReport, doc: ImportedDocument): boolean {
  for (const field of Object.keys(headerLabels) as HeaderField[]) {
    const found = splitLabel(line.text, headerLabels[field]);
    if (!found) continue;
    if (report[field]) {
      // A header row given twice: the first is kept, the second shown to a person.
      doc.needsReview.push({
        message: `"${found.written}" on line ${line.number} is given again for priority ${report.priorityNumber}. The first value was kept: check which is right.`,
        lines: [line.number],
      });
      return true;
    }
    if (field === 'previousRag' || field === 'currentRag') report[field] = parseRag(found.value);
    else if (field === 'completedBy') {
      report.completedBy = found.value;
      // "Report Completed By<TAB>Name<TAB>CIB Meeting Date<TAB>10/09/2024": the date shares the row.
      if (found.rest.length >= 2)
        setMeeting(report, found.rest[0]!, found.rest.slice(1).join(' '), line, doc);
    } else report[field] = found.value;
    return true;
  }
  const meeting = meetingDateRow(line.text);
  if (!meeting) return false;
  setMeeting(report, meeting.label, meeting.date, line, doc);
  return true;
}

/** A row like "CIB Meeting Date<TAB>10/09/2024" or "Board date: 10 September 2024". */
function meetingDateRow(text: string): { label: string; date: string } | undefined {
  const cells = splitCells(text);
  if (cells.length === 2 && /\bdate:?$/i.test(cells[0]!))
    return { label: cells[0]!.replace(/:$/, ''), date: cells[1]! };
  const m = /^([^:\t]{0,40}\bdate)\s*(?::|\s[-–]\s)\s*(.+)$/i.exec(readValue(text));
  return m ? { label: m[1]!, date: m[2]! } : undefined;
}

function setMeeting(
  report: ImportedHighlightReport,
  label: string,
  date: string,
  line: SourceLine,
  doc: ImportedDocument,
) {
  report.meetingLabel = label;
  const iso = parseUkDate(date);
  report.meetingDate = iso ?? '';
  if (!iso) {
    doc.needsReview.push({
      message: `The meeting date "${date}" on line ${line.number} is not a date we can read. Enter it by hand.`,
      lines: [line.number],
    });
  }
}

/**
 * "Amber (At Risk) - One or more aspect ..." or "Green - (On Plan) The programme ..." as status,
 * label and definition. A bare "Red" is a status with no definition.
 */
export function parseRag(text: string): ImportedRag {
  // The bracketed label is short ("At Risk"); bounding it keeps a stray "(" from going quadratic.
  const m =
    /^([A-Za-z][\w/ -]*?)\s*(?:\(([^)]{0,80})\))?\s*(?:[-–—:]\s*(?:\(([^)]{0,80})\)\s*)?([\s\S]*))?$/.exec(
      text.trim(),
    );
  if (!m) return { status: text.trim(), definition: '' };
  const label = (m[2] ?? m[3])?.trim();
  return { status: m[1]!.trim(), ...(label ? { label } : {}), definition: (m[4] ?? '').trim() };
}

/** The area with this title in the report, or a new one; `line` is its label's, if it has one. */
function findOrAddArea(
  draft: ReportDraft,
  title: string,
  line: number | undefined,
  doc: ImportedDocument,
): AreaDraft {
  const refs = line === undefined ? [] : [line];
  const existing =
    title === '' ? undefined : draft.areas.find((a) => a.title.toLowerCase() === title.toLowerCase());
  if (existing) {
    doc.needsReview.push({
      message: `"${title}" appears twice in priority ${draft.report.priorityNumber} (lines ${existing.lines[0]} and ${line}). Its lists were joined: check them.`,
      lines: [existing.lines[0]!, ...refs],
    });
    existing.lines.push(...refs);
    return existing;
  }
  const area: AreaDraft = { title, lines: refs, entries: { progress: [], nextPeriod: [] }, seen: new Set() };
  draft.areas.push(area);
  return area;
}

function openSection(area: AreaDraft, section: Section, line: number, doc: ImportedDocument): void {
  if (area.seen.has(section)) {
    doc.needsReview.push({
      message: `"${sectionLabels[section][0]}" appears again on line ${line} under "${area.title}". Its items were added to the same list: check they belong there.`,
      lines: [line],
    });
  }
  area.seen.add(section);
  area.lines.push(line);
}

function sectionOf(text: string): { section: Section; value: string } | undefined {
  if (parseBullet(text)) return undefined;
  for (const section of Object.keys(sectionLabels) as Section[]) {
    const found = splitLabel(text, sectionLabels[section]);
    if (found) return { section, value: [found.value, ...found.rest].join(' ').trim() };
  }
  return undefined;
}

function addEntry(area: AreaDraft, section: Section, entry: Entry): Entry {
  area.entries[section].push(entry);
  return entry;
}

function plainEntry(text: string, line: number): Entry {
  return { bullet: { indent: 0, marker: '', text: text.trim() }, line, wrapped: [] };
}

function finishReport(draft: ReportDraft, doc: ImportedDocument): void {
  const { report } = draft;
  for (const area of draft.areas.filter((a) => a.title === '')) {
    doc.needsReview.push({
      message: `An area of priority ${report.priorityNumber} (line ${area.lines[0]}) has no "What needs to improve" title. Add one.`,
      lines: [area.lines[0]!],
    });
  }
  report.areas = draft.areas.map((area) => ({
    title: area.title,
    progress: nestItems(area.entries.progress),
    nextPeriod: nestItems(area.entries.nextPeriod),
    lines: area.lines,
  }));
  doc.highlightReports.push(report);

  const existing = doc.priorities.find((p) => p.number === report.priorityNumber);
  const priority: ImportedPriority = existing ?? {
    number: report.priorityNumber,
    title: report.priorityTitle,
    ...(draft.ambition ? { ambition: draft.ambition } : {}),
    ...(report.sponsor ? { sponsor: report.sponsor } : {}),
    impactForChildren: [],
    whatWeWillDo: [],
    areas: [],
    commitments: [],
    lines: [],
  };
  if (existing) {
    doc.needsReview.push({
      message: `Priority ${report.priorityNumber} has more than one highlight report in the pack (line ${report.lines[0]}). Check they are not the same report.`,
      lines: [...existing.lines, report.lines[0]!],
    });
  } else doc.priorities.push(priority);
  priority.lines.push(report.lines[0]!);
  for (const area of report.areas) {
    if (!priority.areas.some((a) => a.title === area.title))
      priority.areas.push({ title: area.title, lines: [area.lines[0]!] });
  }
}

// ---------------------------------------------------------------------------------------------
// Page furniture and preamble

/**
 * Page headers and footers: page numbers, and lines that come back word for word and are not list
 * items, labels, table rows or sentences. A report pack repeats its header on every page; its
 * content does not repeat, and a repeated sentence ("No update this period.") is content.
 */
function findPageFurniture(lines: SourceLine[]): Set<number> {
  const byText = new Map<string, number[]>();
  const pageNumbers: number[] = [];
  for (const line of lines) {
    if (isBlank(line)) continue;
    // Checked first: a footer "- 2 -" would otherwise read as a bullet.
    if (isPageNumberLine(line.text)) pageNumbers.push(line.number);
    else if (parseBullet(line.text) || priorityRow(line.text)) continue;
    else if (splitLabel(line.text, allLabels) || meetingDateRow(line.text)) continue;
    else if (!/[.!?;]$/.test(readValue(line.text))) {
      const key = plainText(line.text).toLowerCase();
      const seen = byText.get(key);
      if (seen) seen.push(line.number);
      else byText.set(key, [line.number]);
    }
  }
  const repeated = [...byText.values()].filter((numbers) => numbers.length >= 2).flat();
  return new Set([...pageNumbers, ...repeated]);
}

/** Before the first priority: the first paragraph is the pack's title; anything else is left for a person. */
function readPreamble(preamble: SourceLine[], doc: ImportedDocument, ledger: LineLedger): void {
  const title: SourceLine[] = [];
  for (const line of preamble) {
    if (title.length > 0 && line.number !== title[title.length - 1]!.number + 1) break;
    title.push(line);
  }
  if (title.length === 0) return;
  doc.title = title.map((line) => plainText(line.text)).join(' ');
  ledger.place(
    title.map((line) => line.number),
    'title',
  );
}

/** A line's text without Markdown heading marks or emphasis. */
function plainText(text: string): string {
  return parseMarkdownHeading(text)?.text ?? readValue(text);
}
