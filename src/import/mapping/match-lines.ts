/**
 * Lines that start with a rule's prefix ("Action:", "RESOLVED: That", "Q:"), and the numbered
 * paragraphs that go on after a prefix standing alone ("(1) the plan be endorsed; and").
 */
import type { LineRefs } from '../types.ts';
import { makeRecord, type Fields } from './records.ts';
import type { WalkState } from './walk-state.ts';

const numberedParagraph = /^\(?[0-9a-z]{1,3}[.)]\s/i;

/** A line that starts with a rule's prefix; true when it was mapped. */
export function lineText(w: WalkState, text: string, lines: LineRefs): boolean {
  const found = w.lineRuleOf(text);
  if (!found) return false;
  const { rule, rest } = found;
  const b = w.b;
  if (rest === '' || /^that$/i.test(rest)) {
    // "RESOLVED: That" alone: what was resolved follows.
    w.pending = { record: rule.record, field: rule.field, took: 0 };
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
  return makeRecord(b, { kind: rule.record, fields, lines, context: w.lastHeading });
}

/**
 * A paragraph after a prefix that stood alone: taken while it is numbered ("(1) ...", "(2) ..."),
 * or once when it is not. True when it was made a record.
 */
export function pendingParagraph(w: WalkState, text: string, lines: LineRefs): boolean {
  if (w.pending?.took && !numberedParagraph.test(text)) w.pending = undefined;
  if (!w.pending) return false;
  const { record, field } = w.pending;
  const numbered = numberedParagraph.exec(text);
  if (numbered) w.pending.took += 1;
  else w.pending = undefined;
  const fields: Fields = { [field]: numbered ? text.slice(numbered[0].length).trim() : text };
  if (numbered) fields.reference = numbered[0].replace(/[().\s]/g, '');
  if (record === 'action') Object.assign(fields, actionParts(fields[field]!));
  return makeRecord(w.b, { kind: record, fields, lines, context: w.lastHeading });
}

/** "Jo Bloggs to circulate the notes by 6 Jan": the due date where the line ends with one. */
export function actionParts(text: string): Fields {
  const fields: Fields = {};
  const due = /\b(?:by|due|deadline:?)\s+([^,;()]{3,30})[.)]?$/i.exec(text);
  if (due) fields.due = due[1]!.trim().replace(/\.$/, '');
  const owner =
    /\((?:lead|owner|responsible)\s*:?\s*([^)]+)\)/i.exec(text) ??
    /\b(?:lead|owner)\s*:\s*([^,;]+)$/i.exec(text) ??
    // "R Jones to bring ...", "Performance team to add ...": who is named before "to".
    /^((?:[A-Z][\w.'’-]*\s?){1,4}(?:team|service)?)\s+to\s+[a-z]/.exec(text);
  if (owner) fields.owner = owner[1]!.trim();
  return fields;
}
