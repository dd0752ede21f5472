/**
 * A highlight report's header table: the priority row that starts a report, then sponsor, previous
 * and current RAG, reason, author and meeting date.
 */
import type { ReportDraft } from './highlight-report-pack-areas.ts';
import {
  parseBullet,
  parseNumberedHeading,
  parseUkDate,
  readValue,
  splitCells,
  splitLabel,
  splitNumberPrefix,
} from './text.ts';
import type { ImportedDocument, ImportedHighlightReport, ImportedRag, SourceLine } from './types.ts';

export const headerLabels = {
  sponsor: ['Sponsor', 'Priority sponsor', 'Senior sponsor', 'Lead sponsor'],
  previousRag: ['Previous RAG Status', 'Previous RAG', 'Previous status', 'Last RAG status'],
  currentRag: ['Current RAG Status', 'Current RAG', 'Current status', 'RAG status'],
  reason: ['Reason for RAG', 'Reason for RAG status', 'Reason for status', 'Reason for rating'],
  completedBy: ['Report Completed By', 'Completed by', 'Report author', 'Author'],
} as const;
type HeaderField = keyof typeof headerLabels;

export const ragLabels = [...headerLabels.currentRag, ...headerLabels.previousRag];

/** The row that starts a report: "Priority<TAB>1. Quality of Practice" or "Priority 2: Title". */
export function priorityRow(text: string): { number?: number; text: string } | undefined {
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

export function startReport(
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
export function readHeaderField(
  line: SourceLine,
  report: ImportedHighlightReport,
  doc: ImportedDocument,
): boolean {
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
export function meetingDateRow(text: string): { label: string; date: string } | undefined {
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
