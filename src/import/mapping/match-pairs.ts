/**
 * A two-column table flattened to text ("Action" / "Reason for Amber", "We said" / "We did"):
 * after the line that heads it, paragraphs alternate between the two fields of one record.
 */
import { matches } from '../../domain/import-mapping.ts';
import type { StructureBlock } from '../../domain/document-structure.ts';
import { makeRecord, type Fields } from './records.ts';
import { headingRule } from './rules.ts';
import type { WalkState } from './walk-state.ts';

/** A heading or line that starts a flattened two-column table: true when it does. */
export function startPairs(w: WalkState, text: string): boolean {
  // A flattened table's header is a short line ("Reason for Amber"): long paragraphs need no test.
  if (!w.mapping.pairs?.length || text.length > 80) return false;
  const rule = w.mapping.pairs.find((r) => matches(r.after, text));
  if (!rule) return false;
  w.pairs = { rule };
  return true;
}

/** One paragraph of a flattened two-column table; false when the table has ended. */
export function pairRow(w: WalkState, block: StructureBlock): boolean {
  const pairs = w.pairs!;
  const textBlock =
    block.type === 'paragraph' ||
    (block.type === 'heading' && !headingRule(w.mapping, block.level, block.text));
  if (!textBlock) {
    endPairs(w);
    return false;
  }
  const text = w.blockText(block);
  const lines = w.text.kept(block.lines);
  if (!pairs.first) {
    pairs.first = { text, lines };
    return true;
  }
  const { rule, first } = pairs;
  pairs.first = undefined;
  const fields: Fields = { ...rule.fixed, [rule.fields[0]]: first.text, [rule.fields[1]]: text };
  const fieldLines = { [rule.fields[0]]: first.lines, [rule.fields[1]]: lines };
  makeRecord(w.b, {
    kind: rule.record,
    fields,
    lines: [...first.lines, ...lines],
    fieldLines,
    context: w.b.doc.title,
  });
  return true;
}

/** The table has ended: a row left half read becomes a record of its first field. */
export function endPairs(w: WalkState): void {
  const pairs = w.pairs;
  w.pairs = undefined;
  if (!pairs?.first) return;
  const { rule, first } = pairs;
  makeRecord(w.b, {
    kind: rule.record,
    fields: { ...rule.fixed, [rule.fields[0]]: first.text },
    lines: first.lines,
    context: w.b.doc.title,
  });
}
