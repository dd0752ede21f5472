/**
 * Ofsted letters and reports (a mapping with a `letter` rule): the inspection or visit the opening
 * names (its kind and days, from the title, the first paragraph or "Inspection dates:"), its focus
 * (what sits under "Areas covered by the visit"), and every other paragraph under the body as a
 * finding: a strength or an area for improvement where its heading says so. Numbered
 * recommendations and stated judgements are read by the list and grade rules as before.
 */
import type { StructureBlock } from '../../domain/document-structure.ts';
import { matches, type LetterRule } from '../../domain/import-mapping.ts';
import { inspectionDaysOf, inspectionKindOf } from '../../domain/inspections/letter-opening.ts';
import type { ImportedFinding, ImportedInspection, LineRefs, ListItem } from '../types.ts';
import { flatItems } from './text-of.ts';
import type { UnclaimedText, WalkState } from './walk-state.ts';

const dateLabels =
  /^(inspection dates?|dates? of (the )?(inspection|visit)|visit dates?|date of visit|dates)$/i;
const publishedLabels = /^(report published|published|date published|publication date)$/i;

export function startLetter(w: WalkState, blocks: readonly StructureBlock[]): void {
  const rule = w.mapping.letter;
  if (!rule) return;
  const b = w.b;
  const opening = blocks.slice(0, 8).map((block) => ('text' in block ? block.text : ''));
  const kind = inspectionKindOf(opening.join(' '));
  const inspection: ImportedInspection = {
    kind: kind?.kind ?? (/\bvisit\b/i.test(opening.join(' ')) ? 'monitoring-visit' : 'ilacs-standard'),
    kindText: kind?.text ?? '',
    focus: '',
    summary: '',
    findings: [],
    lines: [...b.titleTextLines],
  };
  b.doc.inspection = inspection;
  w.unclaimed = new LetterText(w, rule, inspection, titleRunOn(w, blocks));
}

/** A title wrapped onto the next line ("... help and" / "protection, children looked after ..."). */
function titleRunOn(w: WalkState, blocks: readonly StructureBlock[]): Set<number> {
  const at = blocks.findIndex((block) => block.lines[0] === w.b.titleTextLines[0]);
  const next = at >= 0 ? blocks[at + 1] : undefined;
  if (next?.type !== 'paragraph' || next.text.length > 120 || /[.]$/.test(next.text)) return new Set();
  return /^[a-z,]/.test(next.text) || /\b(and|of|for|in)$/i.test(w.b.doc.title)
    ? new Set(next.lines)
    : new Set();
}

type Part = ImportedFinding['kind'] | 'focus';

class LetterText implements UnclaimedText {
  private part: Part = 'finding';
  private under = '';

  constructor(
    private readonly w: WalkState,
    private readonly rule: LetterRule,
    private readonly inspection: ImportedInspection,
    private readonly runOn: Set<number>,
  ) {}

  private claim(lines: LineRefs, field: string): void {
    this.inspection.lines.push(...lines);
    this.w.b.place(lines, `inspection.${field}`);
  }

  label(label: string, value: string, lines: LineRefs): boolean {
    const days = inspectionDaysOf(value);
    if (dateLabels.test(label.trim()) && days) {
      this.inspection.startDate = days.start;
      if (days.end) this.inspection.endDate = days.end;
      this.inspection.datesText = value;
    } else if (publishedLabels.test(label.trim()) && days) this.inspection.publishedDate = days.start;
    else return false;
    this.claim(lines, 'dates');
    return true;
  }

  heading(text: string, lines: LineRefs): boolean {
    const { focus, strengths, improvements } = this.rule;
    this.part = matches(focus, text)
      ? 'focus'
      : matches(strengths, text)
        ? 'strength'
        : matches(improvements, text)
          ? 'area-for-improvement'
          : 'finding';
    this.under = text;
    this.claim(lines, 'heading');
    return true;
  }

  text(text: string, lines: LineRefs): boolean {
    if (lines.some((n) => this.runOn.has(n))) {
      this.claim(lines, 'title');
      return true;
    }
    // A heading a plain-text letter lost its style for: short, no full stop.
    if (text.length <= 60 && /^[A-Z]/.test(text) && !/[.;:,]$/.test(text)) return this.heading(text, lines);
    if (!this.inspection.summary && !this.under && this.opens(text)) {
      this.inspection.summary = text;
      this.claim(lines, 'summary');
      return true;
    }
    if (this.part === 'focus') {
      this.inspection.focus = this.inspection.focus ? `${this.inspection.focus}\n${text}` : text;
      this.claim(lines, 'focus');
      return true;
    }
    const finding: ImportedFinding = {
      kind: this.part,
      text,
      lines: [...lines],
      ...(this.under ? { under: this.under } : {}),
    };
    this.inspection.findings.push(finding);
    this.w.b.place(lines, 'inspection.finding', (more, n) => {
      finding.text = `${finding.text} ${more}`;
      finding.lines.push(n);
    });
    return true;
  }

  items(list: ListItem[]): boolean {
    for (const item of flatItems(list)) {
      if (this.part === 'focus') this.text(`• ${item.text}`, item.lines);
      else this.text(item.text || '…', item.lines);
    }
    return true;
  }

  /** The opening paragraph: it names the visit or its days ("the monitoring visit ... on 4 and 5 October"). */
  private opens(text: string): boolean {
    const days = inspectionDaysOf(text);
    if (!days && !inspectionKindOf(text)) return false;
    if (days && !this.inspection.startDate) {
      this.inspection.startDate = days.start;
      if (days.end) this.inspection.endDate = days.end;
      this.inspection.datesText = days.text;
    }
    return true;
  }
}
