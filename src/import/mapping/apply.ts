/**
 * applyMapping: a document's structure and a mapping in, records out. Every non-blank line is
 * placed exactly once (LineLedger) or listed as unplaced; text no rule claims is kept as sections
 * (a heading that starts a section is placed with it), so nothing written is lost. Pure and
 * deterministic: the same structure and mapping give the same document.
 *
 * The walk here reads headings and paragraphs; each kind of rule has its matcher beside it
 * (match-tables, match-labels, match-lists, match-lines, match-pairs, match-grades), and minutes
 * and inspection letters theirs (minutes.ts, letters.ts).
 */
import type {
  DocumentStructure,
  HeadingBlock,
  ParagraphBlock,
  StructureBlock,
} from '../../domain/document-structure.ts';
import {
  noOverrides,
  normaliseForMatch,
  type HeadingRule,
  type ImportMapping,
  type MappingOverrides,
} from '../../domain/import-mapping.ts';
import type { ImportedDocument, LineRefs } from '../types.ts';
import { startLetter } from './letters.ts';
import { mapLabelValue } from './match-labels.ts';
import { gradedParagraph } from './match-grades.ts';
import { lineText, pendingParagraph } from './match-lines.ts';
import { mapList } from './match-lists.ts';
import { endPairs, pairRow, startPairs } from './match-pairs.ts';
import { mapTable } from './match-tables.ts';
import { startMinutes } from './minutes.ts';
import { makeRecord } from './records.ts';
import { gradeOf, headingNumber, headingRule, headingTitle, paragraphHeadingRule } from './rules.ts';
import { mainField, WalkState } from './walk-state.ts';

export { runTogether } from './match-lists.ts';

/** Lines a web page or a PDF puts before the title: kept with the title, never taken for it. */
const titleFurniture = new Set([
  'agenda item',
  'issue - meetings',
  'issue meetings',
  '[...]',
  'minutes',
  'item',
]);

class Walk extends WalkState {
  run(): void {
    const blocks = this.structure.blocks.filter((block) => this.text.alive(block));
    const titleAt = this.title(blocks);
    startMinutes(this, blocks);
    startLetter(this, blocks);
    for (let i = titleAt; i < blocks.length; i++) {
      const block = blocks[i]!;
      const consumed = this.block(block, blocks[i + 1]);
      if (consumed) i += 1;
      this.leadIn = block.type === 'paragraph' || block.type === 'label-value' ? this.blockText(block) : '';
      if (block.type === 'heading') this.recent = [];
      else if (block.type === 'paragraph') this.recent = [...this.recent.slice(-2), this.leadIn];
    }
    endPairs(this);
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
      this.b.titleTextLines = this.text.kept(block.lines);
      titleLines.push(...this.b.titleTextLines);
      i += 1;
      break;
    }
    if (titleLines.length) {
      this.b.doc.titleLines = titleLines;
      this.b.place(titleLines, 'title');
    }
    return i;
  }

  /** Maps one block; returns true when it also took the next one. */
  private block(block: StructureBlock, next: StructureBlock | undefined): boolean {
    if (this.pairs && pairRow(this, block)) return false;
    switch (block.type) {
      case 'heading':
        this.heading(block);
        return false;
      case 'paragraph':
        return this.paragraph(block, next);
      case 'label-value':
        mapLabelValue(this, block);
        return false;
      case 'list':
        return mapList(this, block, next);
      case 'table':
        mapTable(this, block);
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
    if (!rule && startPairs(this, text)) {
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
      if (this.unclaimed?.heading?.(text, lines, numbering)) return;
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
    if (pendingParagraph(this, text, lines)) return false;
    if (lineText(this, text, lines)) return false;
    if (this.mapping.grades?.length) {
      const judged = gradedParagraph(this, text, lines, next);
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
    if (startPairs(this, text)) {
      b.place(lines, `${this.pairs!.rule.record}.header`);
      return false;
    }
    this.keep(text, lines);
    return false;
  }
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
  // "[...]" and a bare page number are furniture, never a title.
  const line = structure.lines.find((l) => /[a-z]{2}/i.test(l.text));
  return line ? line.text.trim().slice(0, 120) : '';
}
