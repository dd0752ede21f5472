/**
 * "Label: value" pairs: a label a rule names fills a field of the document, its meeting, its
 * highlight report or a judgement; a label that is a line rule's prefix ("Action: ...") is that
 * line; a value that is a grade is a judgement of the label; anything else is kept as text.
 */
import type { LabelValueBlock } from '../../domain/document-structure.ts';
import { normaliseForMatch } from '../../domain/import-mapping.ts';
import type { ImportedDate, LineRefs } from '../types.ts';
import { lineText } from './match-lines.ts';
import { makeRecord } from './records.ts';
import { headingNumber, labelRule } from './rules.ts';
import type { WalkState } from './walk-state.ts';

export function mapLabelValue(w: WalkState, block: LabelValueBlock): void {
  const lines = w.text.kept(block.lines);
  const whole = w.blockText(block);
  const touched = w.text.touched(block.lines);
  const label = block.label.trim();
  const value = touched ? whole.replace(/^[^:]*:\s*/, '') : block.value.trim();
  const rule = labelRule(w.mapping, label);
  if (rule) return labelField(w, rule.record, rule.field, label, value, lines);
  if (w.unclaimed?.label?.(label, value, lines)) return;
  if (lineText(w, whole, lines)) return;
  const grade = w.mapping.grades?.find((g) => normaliseForMatch(g) === normaliseForMatch(value));
  if (grade) {
    makeRecord(w.b, { kind: 'judgement', fields: { area: label, grade: value }, lines });
    return;
  }
  w.keep(value ? `${label}: ${value}` : label, lines);
}

function labelField(
  w: WalkState,
  record: string,
  field: string,
  label: string,
  value: string,
  lines: LineRefs,
): void {
  const b = w.b;
  if (record === 'document') {
    if (field === 'period') b.doc.period = value;
    else if (!b.doc.title) b.doc.title = value;
    else return w.keep(`${label}: ${value}`, lines);
    b.place(lines, `document.${field}`);
    return;
  }
  if (record === 'judgement') {
    makeRecord(b, { kind: 'judgement', fields: { area: label, grade: value }, lines });
    return;
  }
  if (record === 'meeting') {
    const meeting = b.ensureMeeting();
    meeting.lines.push(...lines);
    if (field === 'date') {
      const { date, rest } = leadingDate(value, (t) => b.date(t));
      meeting.dateLabel = label;
      meeting.date = date;
      if (rest && (meeting.title === b.doc.title || meeting.title === 'Meeting')) meeting.title = rest;
    } else meeting.title = value;
    b.place(lines, `meeting.${field}`);
    return;
  }
  reportField(w, field, label, value, lines);
}

function reportField(w: WalkState, field: string, label: string, value: string, lines: LineRefs): void {
  const b = w.b;
  const report = b.ensureReport();
  report.lines.push(...lines);
  b.place(lines, `highlight-report.${field}`);
  switch (field) {
    case 'priority': {
      const number = headingNumber(value);
      if (number !== undefined) report.priorityNumber = number;
      report.priorityTitle = value.replace(/^(priority\s*)?\d+\s*[:.\-–]?\s*/i, '').trim() || value;
      return;
    }
    case 'owner':
      report.sponsor = value;
      return;
    case 'rag':
      report.currentRag = { status: value, definition: '' };
      return;
    case 'previous-rag':
      report.previousRag = { status: value, definition: '' };
      return;
    case 'reason':
      report.reason = value;
      return;
    case 'completed-by':
      report.completedBy = value;
      return;
    case 'date': {
      const { date } = leadingDate(value, (t) => b.date(t));
      report.meetingLabel = label;
      report.meetingDate = date.date ?? '';
      return;
    }
    default:
      report.reason = report.reason ? `${report.reason}\n${label}: ${value}` : `${label}: ${value}`;
  }
}

/** "17/11/2022 - Children, Education and Families Committee": the date, and the words after it. */
export function leadingDate(
  value: string,
  read: (text: string) => ImportedDate,
): { date: ImportedDate; rest: string } {
  const whole = read(value);
  if (whole.date || whole.period || whole.open) return { date: whole, rest: '' };
  const split = /^(.{4,30}?)\s+[-–]\s+(.+)$/.exec(value);
  if (split) {
    const first = read(split[1]!);
    if (first.date || first.period) return { date: first, rest: split[2]!.trim() };
  }
  return { date: whole, rest: '' };
}
