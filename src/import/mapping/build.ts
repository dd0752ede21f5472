/**
 * The document being built by applyMapping: the records made so far, where new ones go (the current
 * priority, meeting, report, section) and the ledger that proves each line was placed once. Every
 * record registers its lines, so a person's "move this line to that record" can find it.
 */
import type { DocumentStructure } from '../../domain/document-structure.ts';
import type { ImportMapping } from '../../domain/import-mapping.ts';
import { dateContextOf, parseDocumentDate, type DateContext } from '../../domain/document-dates.ts';
import { emptyDocument, emptyPriority, listLines, LineLedger } from '../ledger.ts';
import type {
  ImportedDate,
  ImportedDocument,
  ImportedHighlightReport,
  ImportedMeeting,
  ImportedPriority,
  ImportedSection,
  LineRefs,
} from '../types.ts';

/** Adds a line's text to the record it was moved to. */
type Appender = (text: string, line: number) => void;

export class DocumentBuilder {
  readonly doc: ImportedDocument;
  readonly ledger: LineLedger;
  readonly dates: DateContext;
  priority?: ImportedPriority;
  /** The priority came from the last heading or heading-like line, so its next paragraph may describe it. */
  priorityJustStarted = false;
  report?: ImportedHighlightReport;
  meeting?: ImportedMeeting;
  section?: ImportedSection;
  /** Minutes: the agenda item of the current meeting that decisions and actions are made under. */
  currentItem?: number;
  /** The lines of the title itself (not the page furniture read with it). */
  titleTextLines: number[] = [];
  private readonly appenders = new Map<number, Appender>();
  /** Section keys taken, so a repeated heading gets "-2" without a search of every section (a long document has thousands). */
  private readonly sectionKeys = new Set<string>();
  private readonly nextKeyNumber = new Map<string, number>();
  private sectionCount = 0;

  constructor(
    readonly structure: DocumentStructure,
    readonly mapping: ImportMapping,
  ) {
    this.doc = emptyDocument(mapping.kind, '');
    this.ledger = new LineLedger(structure.lines);
    this.dates = dateContextOf(
      structure.blocks
        .slice(0, 40)
        .flatMap((b) => ('text' in b ? [b.text] : b.type === 'label-value' ? [b.value] : [])),
    );
  }

  date(text: string): ImportedDate {
    return parseDocumentDate(text, this.dates);
  }

  place(lines: LineRefs, field: string, append?: Appender): void {
    this.ledger.place(lines, field);
    if (append) for (const line of lines) if (!this.appenders.has(line)) this.appenders.set(line, append);
  }

  appenderOf(line: number): Appender | undefined {
    return this.appenders.get(line);
  }

  /** The priority new commitments and areas go under; one named `title` is made when there is none. */
  ensurePriority(title: string): ImportedPriority {
    if (this.priority) return this.priority;
    const priority = emptyPriority(this.nextPriorityNumber(), title || this.doc.title || 'Imported plan');
    this.addPriority(priority);
    return priority;
  }

  /** Numbers of the priorities made so far, kept as they are added (a tracker can have thousands). */
  private readonly priorityNumbers = new Set<number>();
  private highestPriority = 0;

  nextPriorityNumber(wanted?: number): number {
    if (wanted !== undefined && wanted > 0 && !this.priorityNumbers.has(wanted)) return wanted;
    return this.highestPriority + 1;
  }

  addPriority(priority: ImportedPriority): void {
    this.doc.priorities.push(priority);
    this.priorityNumbers.add(priority.number);
    this.highestPriority = Math.max(this.highestPriority, priority.number);
    this.priority = priority;
  }

  ensureMeeting(): ImportedMeeting {
    if (this.meeting) return this.meeting;
    const meetings = (this.doc.meetings ??= []);
    const meeting: ImportedMeeting = {
      title: this.doc.title || 'Meeting',
      decisions: [],
      actions: [],
      lines: [],
    };
    meetings.push(meeting);
    this.meeting = meeting;
    return meeting;
  }

  ensureReport(): ImportedHighlightReport {
    if (this.report) return this.report;
    const report: ImportedHighlightReport = {
      priorityNumber: this.priority?.number ?? 1,
      priorityTitle: this.priority?.title ?? '',
      sponsor: '',
      reason: '',
      completedBy: '',
      meetingLabel: '',
      meetingDate: '',
      areas: [],
      lines: [],
    };
    this.doc.highlightReports.push(report);
    this.report = report;
    return report;
  }

  /** Starts a section of kept text at a heading (or without one). */
  startSection(heading: string, lines: LineRefs): ImportedSection {
    this.sectionCount += 1;
    const section: ImportedSection = {
      key: sectionKey(heading, this.sectionCount),
      heading,
      text: '',
      items: [],
      lines: [...lines],
    };
    // As addSection in ../ledger.ts does, a key already taken gets a number.
    let key = section.key;
    let n = this.nextKeyNumber.get(section.key) ?? 2;
    for (; this.sectionKeys.has(key); n++) key = `${section.key}-${n}`;
    this.nextKeyNumber.set(section.key, n);
    section.key = key;
    this.sectionKeys.add(key);
    this.ledger.place(section.lines, `section:${key}`);
    this.ledger.place(listLines(section.items), `section:${key}`);
    this.doc.sections.push(section);
    for (const line of lines) this.appenders.set(line, (text, n) => this.addToSection(section, text, [n]));
    this.section = section;
    return section;
  }

  /** Adds text to the current section (a section without a heading is started when there is none). */
  addText(text: string, lines: LineRefs): void {
    const section = this.section ?? this.startSection('', []);
    this.addToSection(section, text, lines);
  }

  addToSection(section: ImportedSection, text: string, lines: LineRefs): void {
    section.text = section.text ? `${section.text}\n\n${text}` : text;
    section.lines.push(...lines);
    this.place(lines, `section:${section.key}`, (more, n) => this.addToSection(section, more, [n]));
  }
}

function sectionKey(heading: string, n: number): string {
  const slug = heading
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
  return slug ? `section.${slug}` : `text.${n}`;
}
