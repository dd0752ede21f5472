/**
 * The text of an improvement plan that is not a record: foreword, vision, values, roles and any
 * other headed text. A capitals heading names the text after it; when nothing but another heading
 * or a record follows it ("FOREWORD" under the foreword), it names the text before it.
 */
import { youSaidSource } from './improvement-plan-feedback.ts';
import type { Reading } from './improvement-plan-reading.ts';
import { addPlanSection, role } from './improvement-plan-reading.ts';
import type { ProseBlock } from './prose.ts';
import { item, sentenceCase, slugify, wordCount } from './prose.ts';
import { lineNumbers } from './text.ts';
import type { ImportedFeedback, ListItem } from './types.ts';

function knownKey(heading: string): string | undefined {
  if (/\bforeword\b|\bintroduction\b|\bwelcome\b/i.test(heading)) return 'foreword';
  if (/\bvision\b/i.test(heading)) return 'vision';
  if (/\bvalues\b|\bprinciples\b/i.test(heading)) return 'values';
  if (/\broles?\b.*\bresponsibilit/i.test(heading)) return 'roles';
  if (/\bfeedback\b|\byou said\b/i.test(heading)) return 'feedback';
  return undefined;
}

/** Runs of blocks between headings and records. */
function spans(r: Reading): Array<{ start: number; end: number }> {
  const found: Array<{ start: number; end: number }> = [];
  let start = -1;
  r.blocks.forEach((b, i) => {
    const boundary = r.taken.has(i) || b.kind === 'heading';
    if (boundary && start !== -1) {
      found.push({ start, end: i - 1 });
      start = -1;
    } else if (!boundary && start === -1) start = i;
  });
  if (start !== -1) found.push({ start, end: r.blocks.length - 1 });
  return found;
}

/** Reads the text left once the records are read; `youSaid` learn who said them from it. */
export function readSections(r: Reading, youSaid: ImportedFeedback[]): void {
  const all = spans(r);
  const claimed = new Map<number, { heading: number }>();
  r.blocks.forEach((b, h) => {
    if (b.kind !== 'heading' || r.taken.has(h)) return;
    const following = all.find((s) => s.start === h + 1);
    const preceding = all.find((s) => s.end === h - 1 && !claimed.has(s.start));
    const span = following ?? preceding;
    if (span) claimed.set(span.start, { heading: h });
    else {
      addPlanSection(r, {
        key: slugify(b.text),
        heading: sentenceCase(b.text),
        text: '',
        items: [],
        lines: lineNumbers(b.lines),
      });
    }
  });
  let untitled = 0;
  for (const span of all) {
    const owner = claimed.get(span.start);
    const heading = owner ? r.blocks[owner.heading]! : undefined;
    const key = heading ? (knownKey(heading.text) ?? slugify(heading.text)) : `text.${++untitled}`;
    readSpan(r, span, key, heading, youSaid);
  }
}

/**
 * The text under one heading. A bullet followed straight away by a paragraph is a definition (a
 * role and what it does); a label ending in ":" introduces the list after it; a pull-out set in
 * short lines is the plan's slogan; a name and role with a date closing the text signs it.
 */
function readSpan(
  r: Reading,
  span: { start: number; end: number },
  key: string,
  heading: ProseBlock | undefined,
  youSaid: ImportedFeedback[],
): void {
  // The headed section goes before the sections read from inside it.
  const at = r.doc.sections.length;
  const text: string[] = [];
  const lines: number[] = heading ? lineNumbers(heading.lines) : [];
  const items: ListItem[] = [];
  const spanText: string[] = [];
  const part = (partKey: string, partHeading: string, partText: string, partLines: number[]): void =>
    addPlanSection(r, { key: partKey, heading: partHeading, text: partText, items: [], lines: partLines });
  for (let i = span.start; i <= span.end; i++) {
    const b = r.blocks[i]!;
    const next = i < span.end ? r.blocks[i + 1] : undefined;
    if (r.inFeedback.has(i)) continue;
    spanText.push(b.text);
    if (
      b.kind === 'bullet' &&
      next?.kind === 'paragraph' &&
      wordCount(b.text) <= 8 &&
      !/[.:]$/.test(b.text)
    ) {
      part(`${key}.${slugify(b.text)}`, b.text, next.text, [
        ...lineNumbers(b.lines),
        ...lineNumbers(next.lines),
      ]);
      spanText.push(next.text);
      i++;
    } else if (role(b) === 'list') {
      const list: ProseBlock[] = [];
      while (i < span.end && r.blocks[i + 1]!.kind === 'bullet') list.push(r.blocks[++i]!);
      const label = b.text.replace(/:$/, '');
      addPlanSection(r, {
        key: knownKey(label) ?? `${key}.${slugify(label)}`,
        heading: label,
        text: '',
        items: list.map((x) => item(x.text, lineNumbers(x.lines), x.children)),
        lines: lineNumbers(b.lines),
      });
    } else if (
      b.kind === 'paragraph' &&
      b.lines.length >= 3 &&
      b.lines.every((l) => wordCount(l.text) <= 4)
    ) {
      part('slogan', 'Slogan', b.text, lineNumbers(b.lines));
    } else if (b.kind === 'name' && i === span.end && b.parts.length >= 2 && heading) {
      const [name, roleText, date] = b.parts;
      part(`${key}.signatory.name`, 'Name', name!, [b.lines[0]!.number]);
      part(`${key}.signatory.role`, 'Role', roleText!, [b.lines[1]!.number]);
      if (date !== undefined) {
        part(`${key}.signatory.date`, 'Date', date, [b.lines[2]!.number]);
        r.doc.period ??= /\d{4}/.exec(date)?.[0];
      }
    } else if (b.kind === 'paragraph' || b.kind === 'quote') {
      text.push(b.text);
      lines.push(...lineNumbers(b.lines));
    } else if (b.kind === 'bullet') {
      items.push(item(b.text, lineNumbers(b.lines), b.children));
    } else {
      r.doc.needsReview.push({
        message: `"${b.text}" stands on its own, with nothing it plainly belongs to`,
        lines: lineNumbers(b.lines),
      });
    }
  }
  const source = youSaidSource(spanText.join(' '));
  for (let i = span.start; i <= span.end; i++) {
    const feedback = youSaid.find((f) => f.lines.includes(r.blocks[i]!.lines[0]!.number));
    if (feedback) feedback.source = source;
  }
  if (heading || text.length > 0 || items.length > 0) {
    addPlanSection(
      r,
      { key, heading: heading ? sentenceCase(heading.text) : '', text: text.join('\n\n'), items, lines },
      at,
    );
  }
}
