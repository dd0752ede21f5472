/**
 * Finding the rule of a mapping that claims a block: by heading level and text, by a table's column
 * headings, by a label, by the heading a list sits under, by the word a line starts with.
 */
import type { TableBlock } from '../../domain/document-structure.ts';
import {
  matchesNormalised,
  normaliseForMatch,
  pattern,
  numberWord,
  type HeadingRule,
  type ImportMapping,
  type LabelRule,
  type LineRule,
  type ListRule,
  type TableRule,
} from '../../domain/import-mapping.ts';

export function headingRule(mapping: ImportMapping, level: number, text: string): HeadingRule | undefined {
  if (!mapping.headings.some((rule) => rule.level === level)) return undefined;
  const norm = normaliseForMatch(text);
  return mapping.headings.find(
    (rule) => rule.level === level && (!rule.match || matchesNormalised(rule.match, norm)),
  );
}

/** A short paragraph standing for a heading ("Number One", "Priority 2: Early help"). */
export function paragraphHeadingRule(mapping: ImportMapping, text: string): HeadingRule | undefined {
  if (text.length > 120 || !mapping.headings.some((rule) => rule.alsoParagraphs)) return undefined;
  const norm = normaliseForMatch(text);
  return mapping.headings.find(
    (rule) => rule.alsoParagraphs && rule.match && matchesNormalised(rule.match, norm),
  );
}

export function tableRule(mapping: ImportMapping, block: TableBlock): TableRule | undefined {
  const header = new Set((block.header?.cells ?? []).map((cell) => normaliseForMatch(cell.text)));
  if (header.size === 0) return undefined;
  return mapping.tables.find(
    (rule) => rule.header.length > 0 && rule.header.every((h) => header.has(normaliseForMatch(h))),
  );
}

export function labelRule(mapping: ImportMapping, label: string): LabelRule | undefined {
  const norm = normaliseForMatch(label);
  return mapping.labels.find((rule) => rule.labels.some((l) => pattern(l) === norm));
}

export function listRule(
  mapping: ImportMapping,
  ordered: boolean,
  context: readonly string[],
): ListRule | undefined {
  const norms = context.map(normaliseForMatch);
  return mapping.lists.find(
    (rule) =>
      (rule.ordered === undefined || rule.ordered === ordered) &&
      (!rule.under || norms.some((norm) => matchesNormalised(rule.under!, norm))),
  );
}

/** The line rule a text starts with, and the text after its prefix and any ":" or "-". */
export function lineRule(mapping: ImportMapping, text: string): { rule: LineRule; rest: string } | undefined {
  const trimmed = text.trim();
  const lower = trimmed.toLowerCase();
  let best: { rule: LineRule; rest: string; length: number } | undefined;
  for (const rule of mapping.lines) {
    for (const prefix of rule.prefixes) {
      const p = prefix.trim().toLowerCase().replace(/:$/, '');
      if (!p || !lower.startsWith(p)) continue;
      const after = trimmed.slice(p.length);
      // "Action:", "Action -", "RESOLVED That" and "It was agreed that" are prefixes; "Actions were
      // taken" and "Agreement was reached" are not.
      const marked = after === '' || /^\s*[:\-–.(]/.test(after);
      const spaced = /^\s/.test(after) && (p.includes(' ') || isUpperPrefix(trimmed, p));
      if (!marked && !spaced) continue;
      if (!best || p.length > best.length) {
        best = { rule, rest: after.replace(/^\s*[:\-–.]?\s*/, '').trim(), length: p.length };
      }
    }
  }
  return best && { rule: best.rule, rest: best.rest };
}

/** "RESOLVED That ..." and "AGREED the ..." are prefixes without a colon: minutes write them in capitals. */
function isUpperPrefix(text: string, prefix: string): boolean {
  const head = text.slice(0, prefix.length);
  return head.length > 1 && head === head.toUpperCase() && /[A-Z]/.test(head);
}

/** A grade a text ends with ("... protection Requires improvement"), and what was judged before it. */
export function gradeOf(
  text: string,
  grades: readonly string[],
): { area: string; grade: string } | undefined {
  const trimmed = text.trim().replace(/[.;]+$/, '');
  const lower = trimmed.toLowerCase();
  const sorted = [...grades].sort((a, b) => b.length - a.length);
  for (const grade of sorted) {
    const g = grade.toLowerCase();
    if (!lower.endsWith(g)) continue;
    const before = trimmed.slice(0, trimmed.length - g.length);
    if (before !== '' && !/\s$/.test(before)) continue;
    const area = before
      .trim()
      .replace(/^\(?\d+(?:\.\d+)*[.)]?\s+/, '')
      .replace(/[:\-–]\s*$/, '')
      .trim();
    if (!area || area.split(/\s+/).length > 14) continue;
    return { area, grade: trimmed.slice(trimmed.length - g.length) };
  }
  return undefined;
}

/** The number a numbered heading carries ("Priority 3", "Number One", "2."), if any. */
export function headingNumber(text: string, numbering?: string): number | undefined {
  const fromNumbering = numbering ? Number(/\d+/.exec(numbering)?.[0]) : NaN;
  if (Number.isFinite(fromNumbering) && fromNumbering > 0) return fromNumbering;
  const words = normaliseForMatch(text).split(/[\s:.\-)]+/);
  const lead = /^(\d+)[.)]?\s/.exec(text.trim());
  if (lead) return Number(lead[1]);
  for (const word of words.slice(0, 3)) {
    const n = numberWord(word);
    if (n !== undefined) return n;
  }
  return undefined;
}

/** A heading's title without its "Priority 3:" or "Number One" prefix ('' when that is all it is). */
export function headingTitle(text: string, rule: HeadingRule): string {
  let title = text.trim();
  if (rule.match?.how === 'numbered') {
    for (const word of rule.match.anyOf) {
      const re = new RegExp(`^${escape(word)}\\s+(\\d+|[a-z]+)\\s*[:.\\-–)]?\\s*`, 'i');
      if (re.test(title)) {
        title = title.replace(re, '');
        break;
      }
    }
  }
  return title.replace(/^\(?\d+(?:\.\d+)*[.)]\s+/, '').trim();
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
