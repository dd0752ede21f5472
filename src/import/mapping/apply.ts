/**
 * applyMapping: a document's structure and a mapping in, records out. Every non-blank line is
 * placed exactly once (LineLedger) or listed as unplaced; text no rule claims is kept as sections
 * (a heading that starts a section is placed with it), so nothing written is lost. Pure and
 * deterministic: the same structure and mapping give the same document.
 */
import type {
  DocumentStructure,
  HeadingBlock,
  LabelValueBlock,
  ListBlock,
  ParagraphBlock,
  StructureBlock,
  TableBlock,
} from '../../domain/document-structure.ts';
import {
  noOverrides,
  normaliseForMatch,
  type HeadingRule,
  type ImportMapping,
  type MappedRecordKind,
  type MappingOverrides,
  type PairRule,
  matches,
} from '../../domain/import-mapping.ts';
import { listLines } from '../ledger.ts';
import type { ImportedDocument, LineRefs, ListItem } from '../types.ts';
import { DocumentBuilder } from './build.ts';
import { makeRecord, type Fields } from './records.ts';
import {
  gradeOf,
  headingNumber,
  headingRule,
  headingTitle,
  labelRule,
  lineRule,
  listRule,
  paragraphHeadingRule,
  tableRule,
} from './rules.ts';
import { BlockText, flatItems } from './text-of.ts';

/** Lines a web page or a PDF puts before the title: kept with the title, never taken for it. */
const titleFurniture = new Set([
  'agenda item',
  'issue - meetings',
  'issue meetings',
  '[...]',
  'minutes',
  'item',
]);

/** The field a bare line fills in each record kind. */
const mainField: Record<MappedRecordKind, string> = {
  priority: 'title',
  'improvement-area': 'text',
  commitment: 'text',
  outcome: 'text',
  'highlight-report': 'title',
  meeting: 'title',
  decision: 'text',
  action: 'text',
  recommendation: 'text',
  judgement: 'area',
  feedback: 'said',
  section: 'text',
  ignore: 'text',
};

interface Pending {
  record: MappedRecordKind;
  field: string;
  /** Numbered paragraphs it has taken already: after them, an unnumbered one is no longer its. */
  took: number;
}

class Walk {
  readonly b: DocumentBuilder;
  readonly text: BlockText;
  private lastHeading = '';
  private leadIn = '';
  /** Paragraphs since the last heading (the last three): a list is "under" them too. */
  private recent: string[] = [];
  private pending: Pending | undefined;
  /** A priority whose heading was only its number ("Number One"): its next line is its title. */
  private untitledPriority = false;
  /** Inside a flattened two-column table: the rule, and the first half of the row being read. */
  private pairs: { rule: PairRule; first?: { text: string; lines: LineRefs } } | undefined;

  constructor(
    readonly structure: DocumentStructure,
    readonly mapping: ImportMapping,
    taken: ReadonlySet<number>,
  ) {
    this.b = new DocumentBuilder(structure, mapping);
    this.text = new BlockText(structure, taken);
  }

  run(): void {
    const blocks = this.structure.blocks.filter((block) => this.text.alive(block));
    const titleAt = this.title(blocks);
    for (let i = titleAt; i < blocks.length; i++) {
      const block = blocks[i]!;
      const consumed = this.block(block, blocks[i + 1]);
      if (consumed) i += 1;
      this.leadIn = block.type === 'paragraph' || block.type === 'label-value' ? this.blockText(block) : '';
      if (block.type === 'heading') this.recent = [];
      else if (block.type === 'paragraph') this.recent = [...this.recent.slice(-2), this.leadIn];
    }
    this.finish();
  }

  private blockText(block: ParagraphBlock | HeadingBlock | LabelValueBlock): string {
    if (block.type === 'label-value') return this.text.of(`${block.label}: ${block.value}`, block.lines);
    return this.text.of(block.text, block.lines);
  }

  /** Takes the title from the first heading or short paragraph no rule claims; returns where to go on. */
  private title(blocks: StructureBlock[]): number {
    const titleLines: number[] = [];
    let i = 0;
    for (; i < blocks.length && i < 6; i++) {
      const block = blocks[i]!;
      if (block.type !== 'heading' && block.type !== 'paragraph') break;
      const text = this.blockText(block);
      if (titleFurniture.has(normaliseForMatch(text)) || /^\d{1,3}$/.test(text)) {
        titleLines.push(...this.text.kept(block.lines));
        continue;
      }
      const rule =
        block.type === 'heading'
          ? headingRule(this.mapping, block.level, text)
          : paragraphHeadingRule(this.mapping, text);
      if ((rule && rule.record !== 'section') || text.length > 200 || this.lineRuleOf(text)) break;
      this.b.doc.title = text;
      titleLines.push(...this.text.kept(block.lines));
      i += 1;
      break;
    }
    if (titleLines.length) {
      this.b.doc.titleLines = titleLines;
      this.b.place(titleLines, 'title');
    }
    return i;
  }

  private lineRuleOf(text: string) {
    return lineRule(this.mapping, text);
  }

  /** Maps one block; returns true when it also took the next one. */
  private block(block: StructureBlock, next: StructureBlock | undefined): boolean {
    if (this.pairs && this.pairRow(block)) return false;
    switch (block.type) {
      case 'heading':
        this.heading(block);
        return false;
      case 'paragraph':
        return this.paragraph(block, next);
      case 'label-value':
        this.labelValue(block);
        return false;
      case 'list':
        return this.list(block, next);
      case 'table':
        this.table(block);
        return false;
    }
  }

  private heading(block: HeadingBlock): void {
    const text = this.blockText(block);
    const lines = this.text.kept(block.lines);
    const rule = headingRule(this.mapping, block.level, text);
    if (!rule && this.untitledPriority && this.b.priority) {
      // "Number 2" then "Improve our practice" styled as a heading: the second is the title.
      this.titlePriority(text, lines);
      return;
    }
    const judged = !rule && this.mapping.grades?.length ? gradeOf(text, this.mapping.grades) : undefined;
    if (judged) {
      makeRecord(this.b, { kind: 'judgement', fields: judged, lines });
      return;
    }
    if (!rule && this.startPairs(text)) {
      this.lastHeading = text;
      this.b.section = undefined;
      this.b.place(lines, `${this.pairs!.rule.record}.header`);
      return;
    }
    this.startHeading(rule, text, lines, block.numbering);
  }

  private titlePriority(text: string, lines: LineRefs): void {
    const priority = this.b.priority!;
    priority.title = text;
    priority.lines.push(...lines);
    this.b.place(lines, 'priority.title');
    this.untitledPriority = false;
  }

  /** A heading or line that starts a flattened two-column table: placed as that table's header. */
  private startPairs(text: string): boolean {
    // A flattened table's header is a short line ("Reason for Amber"): long paragraphs need no test.
    if (!this.mapping.pairs?.length || text.length > 80) return false;
    const rule = this.mapping.pairs.find((r) => matches(r.after, text));
    if (!rule) return false;
    this.pairs = { rule };
    return true;
  }

  /** One paragraph of a flattened two-column table; false when the table has ended. */
  private pairRow(block: StructureBlock): boolean {
    const pairs = this.pairs!;
    const textBlock =
      block.type === 'paragraph' ||
      (block.type === 'heading' && !headingRule(this.mapping, block.level, block.text));
    if (!textBlock) {
      this.endPairs();
      return false;
    }
    const text = this.blockText(block);
    const lines = this.text.kept(block.lines);
    if (!pairs.first) {
      pairs.first = { text, lines };
      return true;
    }
    const { rule, first } = pairs;
    pairs.first = undefined;
    const fields: Fields = { ...rule.fixed, [rule.fields[0]]: first.text, [rule.fields[1]]: text };
    const fieldLines = { [rule.fields[0]]: first.lines, [rule.fields[1]]: lines };
    makeRecord(this.b, {
      kind: rule.record,
      fields,
      lines: [...first.lines, ...lines],
      fieldLines,
      context: this.b.doc.title,
    });
    return true;
  }

  private endPairs(): void {
    const pairs = this.pairs;
    this.pairs = undefined;
    if (!pairs?.first) return;
    const { rule, first } = pairs;
    makeRecord(this.b, {
      kind: rule.record,
      fields: { ...rule.fixed, [rule.fields[0]]: first.text },
      lines: first.lines,
      context: this.b.doc.title,
    });
  }

  finish(): void {
    this.endPairs();
  }

  private startHeading(
    rule: HeadingRule | undefined,
    text: string,
    lines: LineRefs,
    numbering?: string,
  ): void {
    const b = this.b;
    this.pending = undefined;
    this.untitledPriority = false;
    b.priorityJustStarted = false;
    b.section = undefined;
    this.lastHeading = text;
    const record = rule?.record ?? 'section';
    if (record === 'section') {
      if (this.mapping.keepUnclaimedText !== false) b.startSection(text, lines);
      return;
    }
    if (record === 'ignore') return b.place(lines, 'ignored');
    const title = rule ? headingTitle(text, rule) : text;
    if (record === 'priority') {
      b.report = undefined;
      const number = headingNumber(text, numbering);
      makeRecord(b, {
        kind: 'priority',
        fields: { title: title || text, number: String(number ?? '') },
        lines,
      });
      if (!title && b.priority) {
        b.priority.title = '';
        this.untitledPriority = true;
      }
      b.priorityJustStarted = true;
      return;
    }
    if (record === 'meeting') b.report = undefined;
    if (record === 'highlight-report') b.meeting = undefined;
    makeRecord(b, {
      kind: record,
      fields: { [mainField[record]]: title || text },
      lines,
      context: this.lastHeading,
    });
  }

  private paragraph(block: ParagraphBlock, next: StructureBlock | undefined): boolean {
    const b = this.b;
    const text = this.blockText(block);
    const lines = this.text.kept(block.lines);
    if (/^\d{1,3}$/.test(text) || /^(page \d+( of \d+)?)$/i.test(text)) {
      b.doc.pageFurniture.push(...lines.map((n) => ({ number: n, text })));
      b.place(lines, 'page-furniture');
      return false;
    }
    const asHeading = paragraphHeadingRule(this.mapping, text);
    if (asHeading) {
      this.startHeading(asHeading, text, lines);
      return false;
    }
    if (this.untitledPriority && b.priority) {
      this.titlePriority(text, lines);
      return false;
    }
    if (this.pending?.took && !/^\(?[0-9a-z]{1,3}[.)]\s/i.test(text)) this.pending = undefined;
    if (this.pending) {
      const { record, field } = this.pending;
      // "(1) the plan be endorsed; and" / "(2) ...": numbered paragraphs go on taking what was resolved.
      const numbered = /^\(?[0-9a-z]{1,3}[.)]\s/i.exec(text);
      if (numbered) this.pending.took += 1;
      else this.pending = undefined;
      const fields: Fields = { [field]: numbered ? text.slice(numbered[0].length).trim() : text };
      if (numbered) fields.reference = numbered[0].replace(/[().\s]/g, '');
      if (makeRecord(b, { kind: record, fields, lines, context: this.lastHeading })) return false;
    }
    if (this.lineText(text, lines)) return false;
    if (this.mapping.grades?.length) {
      const judged = this.judgement(text, lines, next);
      if (judged !== undefined) return judged;
    }
    if (b.priorityJustStarted && b.priority && !b.priority.ambition) {
      b.priority.ambition = text;
      b.priority.lines.push(...lines);
      b.place(lines, 'priority.ambition');
      b.priorityJustStarted = false;
      return false;
    }
    b.priorityJustStarted = false;
    if (this.startPairs(text)) {
      b.place(lines, `${this.pairs!.rule.record}.header`);
      return false;
    }
    this.keep(text, lines);
    return false;
  }

  private keep(text: string, lines: LineRefs): void {
    if (this.mapping.keepUnclaimedText === false) return;
    this.b.addText(text, lines);
  }

  /** A line that starts with a rule's prefix ("Action:", "RESOLVED"); true when it was mapped. */
  private lineText(text: string, lines: LineRefs): boolean {
    const found = this.lineRuleOf(text);
    if (!found) return false;
    const { rule, rest } = found;
    const b = this.b;
    if (rest === '' || /^that$/i.test(rest)) {
      // "RESOLVED: That" alone: what was resolved follows.
      this.pending = { record: rule.record, field: rule.field, took: 0 };
      const where = rule.record === 'decision' || rule.record === 'action' ? b.ensureMeeting() : undefined;
      where?.lines.push(...lines);
      b.place(lines, `${rule.record}.lead-in`);
      return true;
    }
    const fields: Fields = { [rule.field]: rest };
    if (rule.record === 'action') Object.assign(fields, actionParts(rest));
    if (rule.record === 'feedback' && rule.field === 'response') {
      return makeRecord(b, { kind: 'feedback', fields: { response: rest }, lines });
    }
    return makeRecord(b, { kind: rule.record, fields, lines, context: this.lastHeading });
  }

  /** "2. Children looked after and achieving" / "permanence Requires improvement": a judgement over two lines. */
  private judgement(text: string, lines: LineRefs, next: StructureBlock | undefined): boolean | undefined {
    const grades = this.mapping.grades ?? [];
    const here = gradeOf(text, grades);
    if (here) {
      makeRecord(this.b, { kind: 'judgement', fields: here, lines });
      return false;
    }
    if (next?.type !== 'paragraph' || /[.;:]$/.test(text) || text.length > 160) return undefined;
    const nextText = this.blockText(next);
    if (/^\(?\d+(\.\d+)*[.)]?\s/.test(nextText) || nextText.length > 80) return undefined;
    const both = gradeOf(`${text} ${nextText}`, grades);
    if (!both) return undefined;
    makeRecord(this.b, { kind: 'judgement', fields: both, lines: [...lines, ...this.text.kept(next.lines)] });
    return true;
  }

  private labelValue(block: LabelValueBlock): void {
    const b = this.b;
    const lines = this.text.kept(block.lines);
    const whole = this.blockText(block);
    const touched = this.text.touched(block.lines);
    const label = block.label.trim();
    const value = touched ? whole.replace(/^[^:]*:\s*/, '') : block.value.trim();
    const rule = labelRule(this.mapping, label);
    if (rule) {
      this.labelField(rule.record, rule.field, label, value, lines);
      return;
    }
    if (this.lineText(whole, lines)) return;
    const grade = this.mapping.grades?.find((g) => normaliseForMatch(g) === normaliseForMatch(value));
    if (grade) {
      makeRecord(b, { kind: 'judgement', fields: { area: label, grade: value }, lines });
      return;
    }
    this.keep(value ? `${label}: ${value}` : label, lines);
  }

  private labelField(record: string, field: string, label: string, value: string, lines: LineRefs): void {
    const b = this.b;
    if (record === 'document') {
      if (field === 'period') b.doc.period = value;
      else if (!b.doc.title) b.doc.title = value;
      else return this.keep(`${label}: ${value}`, lines);
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

  private list(block: ListBlock, next: StructureBlock | undefined): boolean {
    const b = this.b;
    const items = this.text.items(block.items);
    let consumed = false;
    const grades = this.mapping.grades ?? [];
    const last = items[items.length - 1];
    if (grades.length && last && next?.type === 'paragraph' && !gradeOf(last.text, grades)) {
      // "2. Children looked after and achieving" / "permanence Requires improvement" (a wrapped cell).
      const nextText = this.blockText(next);
      const both = nextText.length <= 80 ? gradeOf(`${last.text} ${nextText}`, grades) : undefined;
      if (both) {
        last.text = `${last.text} ${nextText}`;
        last.lines = [...last.lines, ...this.text.kept(next.lines)];
        consumed = true;
      }
    }
    const context = [this.lastHeading, this.leadIn, ...this.recent].filter(Boolean);
    this.pending = this.pending?.took ? undefined : this.pending;
    if (this.pending) {
      const { record, field } = this.pending;
      this.pending = undefined;
      const left = items.filter(
        (item) =>
          !makeRecord(b, {
            kind: record,
            fields: { [field]: item.text, reference: markerOf(block, item) },
            lines: item.lines,
            children: item.children,
          }),
      );
      this.keepItems(left);
      return consumed;
    }
    const rule = listRule(this.mapping, block.ordered, context);
    const left: ListItem[] = [];
    if (rule?.record === 'priority') {
      for (const [k, item] of items.entries()) {
        // "1. Children Looked After 2. Care Leavers 3. ...": a flattened PDF runs the list into one line.
        const parts = runTogether(item.text, markerOf(block, item) ?? String(k + 1));
        for (const part of parts) {
          makeRecord(b, {
            kind: 'priority',
            fields: { title: part.text, number: part.number },
            lines: item.lines,
          });
        }
        this.keepItems(item.children);
      }
      b.priorityJustStarted = false;
      return consumed;
    }
    for (const [k, item] of items.entries()) {
      if (this.lineText(item.text, item.lines)) {
        this.placeChildren(item);
        continue;
      }
      if (this.mapping.grades?.length) {
        const judged = gradeOf(item.text, this.mapping.grades);
        if (judged) {
          makeRecord(b, { kind: 'judgement', fields: judged, lines: item.lines });
          this.keepItems(item.children);
          continue;
        }
      }
      if (rule && rule.record !== 'section') {
        const number = block.ordered ? (markerOf(block, item) ?? String(k + 1)) : undefined;
        const fields: Fields = {
          [mainField[rule.record]]: item.text,
          ...(number ? { number, reference: number } : {}),
        };
        if (rule.record === 'action') Object.assign(fields, actionParts(item.text));
        if (
          makeRecord(b, {
            kind: rule.record,
            fields,
            lines: item.lines,
            children: item.children,
            context: this.lastHeading || this.leadIn,
          })
        )
          continue;
      }
      left.push(item);
    }
    this.keepItems(left);
    return consumed;
  }

  private placeChildren(item: ListItem): void {
    const children = listLines(item.children);
    if (children.length) this.b.place(children, this.b.ledger.fieldOf(item.lines[0] ?? -1) ?? 'list');
  }

  private keepItems(items: ListItem[]): void {
    if (items.length === 0 || this.mapping.keepUnclaimedText === false) return;
    const b = this.b;
    const section = b.section ?? b.startSection('', []);
    section.items.push(...items);
    const lines = flatItems(items).flatMap((item) => item.lines);
    section.lines.push(...lines);
    b.place(lines, `section:${section.key}`);
  }

  private table(block: TableBlock): void {
    const b = this.b;
    const rule = tableRule(this.mapping, block);
    const header = (block.header?.cells ?? []).map((cell) => normaliseForMatch(cell.text));
    const headerLines = block.header ? this.text.kept(block.header.lines) : [];
    if (!rule || rule.record === 'section') {
      const rows = [...(block.header ? [block.header] : []), ...block.rows];
      const inRows = new Set(
        rows.flatMap((row) => [...row.lines, ...row.cells.flatMap((cell) => cell.lines)]),
      );
      const others = this.text.kept(block.lines).filter((n) => !inRows.has(n));
      if (others.length) b.place(others, b.section ? `section:${b.section.key}` : 'table');
      for (const row of rows) {
        const text = row.cells
          .filter((cell) => !cell.merged)
          .map((cell) => this.text.cell(cell))
          .filter(Boolean)
          .join(' | ');
        const lines = this.text.kept([...row.lines, ...row.cells.flatMap((cell) => cell.lines)]);
        if (text) this.keep(text, unique(lines));
      }
      return;
    }
    // The header row, and lines of the table in no row (a Markdown table's "| --- |"), are its header.
    const inRows = new Set(
      block.rows.flatMap((row) => [...row.lines, ...row.cells.flatMap((cell) => cell.lines)]),
    );
    b.place(
      [...headerLines, ...this.text.kept(block.lines).filter((n) => !inRows.has(n))],
      `${rule.record}.header`,
    );
    for (const row of block.rows) {
      const fields: Fields = {};
      const fieldLines: Record<string, number[]> = {};
      const extras: string[] = [];
      for (const [k, cell] of row.cells.entries()) {
        if (cell.merged) continue;
        const value = this.text.cell(cell);
        if (!value) continue;
        const field = rule.columns.find((c) => normaliseForMatch(c.heading) === header[k])?.field;
        if (field === 'ignore') continue;
        if (!field) {
          extras.push(header[k] ? `${block.header!.cells[k]!.text.trim()}: ${value}` : value);
          continue;
        }
        fields[field] = fields[field] ? `${fields[field]} ${value}` : value;
        (fieldLines[field] ??= []).push(...this.text.kept(cell.lines));
      }
      if (extras.length) {
        const into = rule.record === 'commitment' ? 'progress' : mainField[rule.record];
        fields[into] = [fields[into], ...extras].filter(Boolean).join('\n');
      }
      const lines = unique(this.text.kept([...row.lines, ...row.cells.flatMap((cell) => cell.lines)]));
      if (lines.length === 0) continue;
      const made = makeRecord(b, {
        kind: rule.record,
        fields,
        lines,
        fieldLines,
        context: this.lastHeading || b.doc.title,
      });
      if (!made) {
        const text = Object.values(fields).filter(Boolean).join(' | ');
        if (text) this.keep(text, lines);
      }
    }
  }
}

/** Splits "Children Looked After 2. Care Leavers 3. Early Help" when the numbers run on from `first`. */
export function runTogether(text: string, first: string): { number: string; text: string }[] {
  const start = Number(/\d+/.exec(first)?.[0] ?? 1);
  const parts: { number: string; text: string }[] = [];
  let rest = text;
  let n = start;
  for (;;) {
    const at = rest.search(new RegExp(`\\s${n + 1}[.)]\\s`));
    if (at < 0) break;
    parts.push({ number: String(n), text: rest.slice(0, at).trim() });
    rest = rest
      .slice(at)
      .trim()
      .replace(/^\d+[.)]\s*/, '');
    n += 1;
  }
  parts.push({ number: String(n), text: rest.trim() });
  return parts.filter((p) => p.text);
}

function unique(lines: number[]): number[] {
  return [...new Set(lines)].sort((a, b) => a - b);
}

function markerOf(block: ListBlock, item: ListItem): string | undefined {
  const found = block.items.find((i) => i.lines[0] === item.lines[0]);
  const marker = found?.marker?.replace(/[().\s]/g, '');
  return marker && block.ordered ? marker : undefined;
}

/** "Jo Bloggs to circulate the notes by 6 Jan": the due date where the line ends with one. */
function actionParts(text: string): Fields {
  const fields: Fields = {};
  const due = /\b(?:by|due|deadline:?)\s+([^,;()]{3,30})[.)]?$/i.exec(text);
  if (due) fields.due = due[1]!.trim();
  const owner =
    /\((?:lead|owner|responsible)\s*:?\s*([^)]+)\)/i.exec(text) ??
    /\b(?:lead|owner)\s*:\s*([^,;]+)$/i.exec(text) ??
    // "R Jones to bring ...", "Performance team to add ...": who is named before "to".
    /^((?:[A-Z][\w.'’-]*\s?){1,4}(?:team|service)?)\s+to\s+[a-z]/.exec(text);
  if (owner) fields.owner = owner[1]!.trim();
  return fields;
}

/** "17/11/2022 - Children, Education and Families Committee": the date, and the words after it. */
function leadingDate(
  value: string,
  read: (text: string) => import('../types.ts').ImportedDate,
): { date: import('../types.ts').ImportedDate; rest: string } {
  const whole = read(value);
  if (whole.date || whole.period || whole.open) return { date: whole, rest: '' };
  const split = /^(.{4,30}?)\s+[-–]\s+(.+)$/.exec(value);
  if (split) {
    const first = read(split[1]!);
    if (first.date || first.period) return { date: first, rest: split[2]!.trim() };
  }
  return { date: whole, rest: '' };
}

/**
 * Applies a mapping (and one document's overrides) to a structure. Dismissed lines are placed as
 * "dismissed"; moved lines go to the record of the line named, or start a record of their own.
 */
export function applyMapping(
  structure: DocumentStructure,
  mapping: ImportMapping,
  overrides: MappingOverrides = noOverrides,
): ImportedDocument {
  const known = new Set(structure.lines.map((line) => line.number));
  const dismiss = overrides.dismiss.filter((n) => known.has(n));
  const moves = overrides.move.filter((m) => known.has(m.line) && !dismiss.includes(m.line));
  const walk = new Walk(structure, mapping, new Set([...dismiss, ...moves.map((m) => m.line)]));
  const b = walk.b;
  b.place(dismiss, 'dismissed');
  walk.run();
  const lineText = new Map(structure.lines.map((line) => [line.number, line.text.trim()]));
  for (const { line, to } of moves) {
    const text = lineText.get(line) ?? '';
    if (!text) continue;
    const append = to.withLine !== undefined ? b.appenderOf(to.withLine) : undefined;
    if (append) {
      append(text, line);
      b.place([line], `moved:${to.record}`);
      continue;
    }
    const field = to.field ?? mainField[to.record];
    makeRecord(b, { kind: to.record, fields: { [field]: text }, lines: [line] });
  }
  if (!b.doc.title) b.doc.title = firstText(structure) || 'Imported document';
  b.doc.unplaced = b.ledger.unplaced();
  return b.doc;
}

function firstText(structure: DocumentStructure): string {
  const line = structure.lines.find((l) => l.text.trim() !== '');
  return line ? line.text.trim().slice(0, 120) : '';
}
