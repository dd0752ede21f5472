/**
 * Lists: each item one record of the kind the rule for what the list sits under names (numbered
 * recommendations, priorities, "Decisions"), or what a "RESOLVED: That" before it was waiting for;
 * items no rule claims are kept as text.
 */
import type { ListBlock, StructureBlock } from '../../domain/document-structure.ts';
import { listLines } from '../ledger.ts';
import type { ListItem } from '../types.ts';
import { actionParts, lineText } from './match-lines.ts';
import { makeRecord, type Fields } from './records.ts';
import { gradeOf, listRule } from './rules.ts';
import { flatItems } from './text-of.ts';
import { mainField, type WalkState } from './walk-state.ts';

/** Maps a list; true when it also took the next block (a judgement's grade wrapped onto it). */
export function mapList(w: WalkState, block: ListBlock, next: StructureBlock | undefined): boolean {
  const b = w.b;
  const items = w.text.items(block.items);
  const consumed = wrappedGrade(w, items, next);
  const context = [w.lastHeading, w.leadIn, ...w.recent].filter(Boolean);
  w.pending = w.pending?.took ? undefined : w.pending;
  if (w.pending) {
    const { record, field } = w.pending;
    w.pending = undefined;
    const left = items.filter(
      (item) =>
        !makeRecord(b, {
          kind: record,
          fields: { [field]: item.text, reference: markerOf(block, item) },
          lines: item.lines,
          children: item.children,
        }),
    );
    keepItems(w, left);
    return consumed;
  }
  const rule = listRule(w.mapping, block.ordered, context);
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
      keepItems(w, item.children);
    }
    b.priorityJustStarted = false;
    return consumed;
  }
  const left: ListItem[] = [];
  for (const [k, item] of items.entries()) {
    if (lineText(w, item.text, item.lines)) {
      placeChildren(w, item);
      continue;
    }
    const judged = w.mapping.grades?.length ? gradeOf(item.text, w.mapping.grades) : undefined;
    if (judged) {
      makeRecord(b, { kind: 'judgement', fields: judged, lines: item.lines });
      keepItems(w, item.children);
      continue;
    }
    if (rule && rule.record !== 'section') {
      const number = block.ordered ? (markerOf(block, item) ?? String(k + 1)) : undefined;
      const fields: Fields = {
        [mainField[rule.record]]: item.text,
        ...(number ? { number, reference: number } : {}),
      };
      if (rule.record === 'action') Object.assign(fields, actionParts(item.text));
      const made = makeRecord(b, {
        kind: rule.record,
        fields,
        lines: item.lines,
        children: item.children,
        context: w.lastHeading || w.leadIn,
      });
      if (made) continue;
    }
    left.push(item);
  }
  keepItems(w, left);
  return consumed;
}

/** "2. Children looked after and achieving" / "permanence Requires improvement" (a wrapped cell). */
function wrappedGrade(w: WalkState, items: ListItem[], next: StructureBlock | undefined): boolean {
  const grades = w.mapping.grades ?? [];
  const last = items[items.length - 1];
  if (!grades.length || !last || next?.type !== 'paragraph' || gradeOf(last.text, grades)) return false;
  const nextText = w.blockText(next);
  const both = nextText.length <= 80 ? gradeOf(`${last.text} ${nextText}`, grades) : undefined;
  if (!both) return false;
  last.text = `${last.text} ${nextText}`;
  last.lines = [...last.lines, ...w.text.kept(next.lines)];
  return true;
}

function placeChildren(w: WalkState, item: ListItem): void {
  const children = listLines(item.children);
  if (children.length) w.b.place(children, w.b.ledger.fieldOf(item.lines[0] ?? -1) ?? 'list');
}

/** Items no rule claims, kept in the current section (or the minutes item or letter they sit in). */
export function keepItems(w: WalkState, items: ListItem[]): void {
  if (items.length === 0 || w.mapping.keepUnclaimedText === false) return;
  if (w.unclaimed?.items(items)) return;
  const b = w.b;
  const section = b.section ?? b.startSection('', []);
  section.items.push(...items);
  const lines = flatItems(items).flatMap((item) => item.lines);
  section.lines.push(...lines);
  b.place(lines, `section:${section.key}`);
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

function markerOf(block: ListBlock, item: ListItem): string | undefined {
  const found = block.items.find((i) => i.lines[0] === item.lines[0]);
  const marker = found?.marker?.replace(/[().\s]/g, '');
  return marker && block.ordered ? marker : undefined;
}
