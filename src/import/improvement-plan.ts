/**
 * An improvement plan (seed 003): foreword, vision and values, roles, numbered priorities each with
 * "What will be the impact for children?" and "What will we do?", practice standards, staff quotes
 * and "You said... / We did...". Exported from a designed PDF, so sentences wrap mid-line and the
 * text of a page can come before its heading.
 *
 * - A priority's impact and actions belong to the priority heading after them when the first such
 *   block comes before the first heading (this export), otherwise to the heading before them.
 * - A capitals heading names the text after it; when nothing but another heading or a record
 *   follows it ("FOREWORD" under the foreword), it names the text before it.
 * - Standards come under a capitals heading with "STANDARDS" and a count ("7 TAMESIDE STANDARDS FOR
 *   ALL"): the words before the count name the group, or the sub-headings under it do. A group whose
 *   size differs from the count is flagged.
 * - A quotation next to a name and role is a member of staff speaking; when a quotation has a name
 *   on each side, the earlier pairing wins, as the page is read top to bottom.
 */
import { emptyDocument, LineLedger, listLines } from './ledger.ts';
import { endsSentence, item, readProseBlocks, sentenceCase, slugify, unquote, wordCount } from './prose.ts';
import type { ProseBlock } from './prose.ts';
import { parseNumberedHeading } from './text.ts';
import type {
  DocumentExtractor,
  FeedbackSource,
  ImportedDocument,
  ImportedFeedback,
  ImportedPriority,
  ListItem,
  SourceLine,
} from './types.ts';

export const improvementPlanExtractor: DocumentExtractor = {
  kind: 'improvement-plan',
  recognise,
  extract,
};

type Role = 'heading' | 'priority' | 'impact' | 'do' | 'said' | 'did' | 'list';

const impactLabel =
  /^(?:what will be the )?impact (?:for|on) (?:children|young people|families)\b[^.]*[?:]?$/i;
const doLabel = /^(?:what (?:will|are) we (?:going to )?do(?:ing)?\??|what we will do:?|our actions:?)$/i;
const saidLabel = /^you said\b\s*(?:\.{2,}|…|:)?$/i;
const didLabel = /^we (?:did|have done|will do)\b\s*(?:\.{2,}|…|:)?$/i;
const priorityWords = ['Priority', 'Ambition', 'Theme', 'Objective'];

function priorityHeading(text: string): { number: number; title: string } | undefined {
  const found = parseNumberedHeading(text, priorityWords);
  if (!found || found.rest === '' || wordCount(found.rest) > 25) return undefined;
  return { number: found.number, title: found.rest };
}

// The usual section headings, which councils also write in ordinary case ("Foreword", "Our vision").
const sectionHeading =
  /^(?:foreword|introduction|welcome|(?:our )?vision(?: and values)?|our values|roles and responsibilities(?: for improvement)?|you said,? we did|acting on your feedback\b.*)$/i;

function roleOf(text: string): Role | undefined {
  if (sectionHeading.test(text)) return 'heading';
  if (priorityHeading(text)) return 'priority';
  if (impactLabel.test(text)) return 'impact';
  if (doLabel.test(text)) return 'do';
  if (saidLabel.test(text)) return 'said';
  if (didLabel.test(text)) return 'did';
  if (text.endsWith(':') && wordCount(text) <= 8 && /^[A-Z]/.test(text)) return 'list';
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Extract

interface Reading {
  doc: ImportedDocument;
  ledger: LineLedger;
  blocks: ProseBlock[];
  /** Blocks read into a priority, standard or staff quote: they end the text around them. */
  taken: Set<number>;
  /** "You said / We did" blocks: records, but part of the text around them. */
  inFeedback: Set<number>;
}

const numbersOf = (block: ProseBlock): number[] => block.lines.map((l) => l.number);

function extract(lines: SourceLine[]): ImportedDocument {
  const blocks = readProseBlocks(lines, (text) => roleOf(text) !== undefined).map((block) =>
    block.kind === 'label' && roleOf(block.text) === 'heading'
      ? { ...block, kind: 'heading' as const }
      : block,
  );
  const r: Reading = {
    doc: emptyDocument('improvement-plan', ''),
    ledger: new LineLedger(lines),
    blocks,
    taken: new Set(),
    inFeedback: new Set(),
  };
  blocks.forEach((block, i) => {
    if (block.kind !== 'page-number') return;
    r.doc.pageFurniture.push(...block.lines);
    r.ledger.place(numbersOf(block), 'page furniture');
    r.taken.add(i);
  });
  readTitle(r);
  readPriorities(r);
  readStandards(r);
  const youSaid = readYouSaid(r);
  readStaffQuotes(r);
  readSections(r, youSaid);
  r.doc.feedback.sort((a, b) => a.lines[0]! - b.lines[0]!);
  r.doc.unplaced = r.ledger.unplaced();
  return r.doc;
}

const role = (block: ProseBlock | undefined): Role | undefined =>
  block?.kind === 'label' ? roleOf(block.text) : undefined;

function addSection(
  r: Reading,
  key: string,
  heading: string,
  text: string,
  items: ListItem[],
  lines: number[],
  at = r.doc.sections.length,
): void {
  // Keys stay unique when a heading or label comes twice ("slogan", then "slogan-2").
  let unique = key;
  for (let n = 2; r.doc.sections.some((s) => s.key === unique); n++) unique = `${key}-${n}`;
  r.ledger.place(lines, `section:${unique}`);
  r.ledger.place(listLines(items), `section:${unique}`);
  r.doc.sections.splice(at, 0, {
    key: unique,
    heading,
    text,
    items,
    lines: [...lines].sort((a, b) => a - b),
  });
}

/** The first block, when it is a heading or a short line that does not read as a sentence. */
function readTitle(r: Reading): void {
  const first = r.blocks[0];
  const short = first?.kind === 'paragraph' && first.lines.length <= 2 && wordCount(first.text) <= 12;
  if (!first || !(first.kind === 'heading' || (short && !endsSentence(first.text)))) return;
  r.doc.title = first.text;
  // "IMPROVEMENT PLAN 2024-25": the period as written; otherwise the foreword's date gives the year.
  const period = /\b(?:19|20)\d{2}(?:\s*[-/–]\s*\d{2,4})?\b/.exec(first.text)?.[0];
  if (period) r.doc.period = period;
  addSection(r, 'title', 'Title', first.text, [], numbersOf(first));
  r.taken.add(0);
}

/** The label's content: the bullets after it, or failing that one paragraph. */
function contentAfter(r: Reading, label: number): number[] {
  const taken: number[] = [];
  for (let i = label + 1; r.blocks[i]?.kind === 'bullet'; i++) taken.push(i);
  if (taken.length === 0 && r.blocks[label + 1]?.kind === 'paragraph') taken.push(label + 1);
  return taken;
}

function readPriorities(r: Reading): void {
  const headings = r.blocks.flatMap((b, i) => (role(b) === 'priority' ? [i] : []));
  const groups = r.blocks.flatMap((b, i) => (role(b) === 'impact' || role(b) === 'do' ? [i] : []));
  if (headings.length === 0) return;
  const after = groups.length > 0 && groups[0]! < headings[0]!;
  const priorities = new Map<number, ImportedPriority>();
  for (const h of headings) {
    const found = priorityHeading(r.blocks[h]!.text)!;
    const priority: ImportedPriority = {
      number: found.number,
      title: found.title,
      impactForChildren: [],
      whatWeWillDo: [],
      areas: [],
      commitments: [],
      lines: numbersOf(r.blocks[h]!),
    };
    priorities.set(h, priority);
    r.doc.priorities.push(priority);
    r.taken.add(h);
  }
  for (const g of groups) {
    const owner = after ? headings.find((h) => h > g) : [...headings].reverse().find((h) => h < g);
    const content = contentAfter(r, g);
    if (owner === undefined) {
      // Kept out of the text around it and left unplaced, so a person decides where it belongs.
      for (const i of [g, ...content]) r.taken.add(i);
      r.doc.needsReview.push({
        message: `"${r.blocks[g]!.text}" is not next to a priority heading, so it was not read into a priority`,
        lines: [g, ...content].flatMap((i) => numbersOf(r.blocks[i]!)),
      });
      continue;
    }
    const priority = priorities.get(owner)!;
    priority.lines.push(...numbersOf(r.blocks[g]!));
    r.taken.add(g);
    for (const c of content) {
      const block = r.blocks[c]!;
      r.taken.add(c);
      if (role(r.blocks[g]) === 'impact') {
        priority.impactForChildren.push(block.text);
        priority.lines.push(...numbersOf(block));
      } else {
        priority.whatWeWillDo.push(item(block.text, numbersOf(block), block.children));
      }
    }
  }
  for (const priority of r.doc.priorities) {
    priority.lines.sort((a, b) => a - b);
    r.ledger.place(priority.lines, `priority:${priority.number}`);
    r.ledger.place(listLines(priority.whatWeWillDo), `priority:${priority.number}`);
  }
}

function readStandards(r: Reading): void {
  r.blocks.forEach((block, h) => {
    if (block.kind !== 'heading' || r.taken.has(h) || !/\bSTANDARDS?\b/i.test(block.text)) return;
    const count = /(?:^|\s)(\d{1,2})\s/.exec(block.text);
    const lead = count ? block.text.slice(0, count.index).replace(/[\s:,;–—-]+$/, '') : '';
    const expected = count ? Number(count[1]) : undefined;
    let group = lead !== '' ? sentenceCase(lead) : sentenceCase(block.text);
    let pending = numbersOf(block);
    let size = 0;
    const groups: Array<{ name: string; size: number; lines: number[] }> = [];
    r.taken.add(h);
    for (let i = h + 1; i < r.blocks.length; i++) {
      const b = r.blocks[i]!;
      const subheading = b.kind === 'paragraph' && b.lines.length === 1 && r.blocks[i + 1]?.kind === 'bullet';
      if (subheading) {
        if (size > 0) groups.push({ name: group, size, lines: [] });
        group = b.text;
        size = 0;
        pending.push(...numbersOf(b));
      } else if (b.kind === 'bullet') {
        const split = /^(.+?)(?::\s+|\s+[–—-]\s+)(.+)$/.exec(b.text);
        const lines = [...pending, ...numbersOf(b)];
        r.doc.standards.push({
          group,
          name: split ? split[1]! : b.text,
          ...(split ? { description: split[2]! } : {}),
          lines,
        });
        r.ledger.place(lines, `standard:${group}`);
        pending = [];
        size += 1;
      } else break;
      r.taken.add(i);
    }
    if (size > 0) groups.push({ name: group, size, lines: numbersOf(block) });
    for (const g of groups) {
      if (expected !== undefined && g.size !== expected) {
        r.doc.needsReview.push({
          message: `The heading "${block.text}" promises ${expected} standards but "${g.name}" lists ${g.size}`,
          lines: numbersOf(block),
        });
      }
    }
  });
}

/** "You said..." with one or more quotations, answered by "We did..." and a paragraph. */
function readYouSaid(r: Reading): ImportedFeedback[] {
  const found: ImportedFeedback[] = [];
  for (let i = 0; i < r.blocks.length; i++) {
    if (role(r.blocks[i]) !== 'said' || r.taken.has(i)) continue;
    const said: string[] = [];
    const lines = numbersOf(r.blocks[i]!);
    r.inFeedback.add(i);
    // One or more quotations, or a single unquoted paragraph.
    let j = i + 1;
    const paragraph = r.blocks[j]?.kind === 'paragraph';
    for (; r.blocks[j]?.kind === (paragraph ? 'paragraph' : 'quote') && (!paragraph || j === i + 1); j++) {
      said.push(unquote(r.blocks[j]!.text));
      lines.push(...numbersOf(r.blocks[j]!));
      r.inFeedback.add(j);
    }
    let response: string | undefined;
    if (role(r.blocks[j]) === 'did') {
      lines.push(...numbersOf(r.blocks[j]!));
      r.inFeedback.add(j);
      const answer = r.blocks[j + 1];
      if (answer && answer.kind === 'paragraph') {
        response = answer.text;
        lines.push(...numbersOf(answer));
        r.inFeedback.add(j + 1);
      }
    }
    const feedback: ImportedFeedback = {
      source: 'unknown',
      said: said.join('\n'),
      ...(response !== undefined ? { response } : {}),
      lines,
    };
    r.ledger.place(lines, 'feedback');
    r.doc.feedback.push(feedback);
    found.push(feedback);
  }
  return found;
}

function readStaffQuotes(r: Reading): void {
  const free = (i: number, kind: ProseBlock['kind']): boolean =>
    r.blocks[i]?.kind === kind && !r.taken.has(i) && !r.inFeedback.has(i);
  for (let i = 0; i + 1 < r.blocks.length; i++) {
    const pair =
      free(i, 'quote') && free(i + 1, 'name')
        ? [i, i + 1]
        : free(i, 'name') && free(i + 1, 'quote')
          ? [i + 1, i]
          : undefined;
    if (!pair) continue;
    const [q, n] = pair as [number, number];
    const quote = r.blocks[q]!;
    const name = r.blocks[n]!;
    const lines = [...numbersOf(quote), ...numbersOf(name)].sort((a, b) => a - b);
    r.doc.feedback.push({
      source: 'staff',
      said: unquote(quote.text),
      attribution: name.parts.join(', '),
      lines,
    });
    r.ledger.place(lines, 'feedback');
    r.taken.add(q).add(n);
  }
}

// ---------------------------------------------------------------------------------------------
// Headed text

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

function readSections(r: Reading, youSaid: ImportedFeedback[]): void {
  const all = spans(r);
  const claimed = new Map<number, { heading: number }>();
  r.blocks.forEach((b, h) => {
    if (b.kind !== 'heading' || r.taken.has(h)) return;
    const following = all.find((s) => s.start === h + 1);
    const preceding = all.find((s) => s.end === h - 1 && !claimed.has(s.start));
    const span = following ?? preceding;
    if (span) claimed.set(span.start, { heading: h });
    else addSection(r, slugify(b.text), sentenceCase(b.text), '', [], numbersOf(b));
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
  const lines: number[] = heading ? numbersOf(heading) : [];
  const items: ListItem[] = [];
  const spanText: string[] = [];
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
      addSection(
        r,
        `${key}.${slugify(b.text)}`,
        b.text,
        next.text,
        [],
        [...numbersOf(b), ...numbersOf(next)],
      );
      spanText.push(next.text);
      i++;
    } else if (role(b) === 'list') {
      const list: ProseBlock[] = [];
      while (i < span.end && r.blocks[i + 1]!.kind === 'bullet') list.push(r.blocks[++i]!);
      const label = b.text.replace(/:$/, '');
      const listItems = list.map((x) => item(x.text, numbersOf(x), x.children));
      addSection(r, knownKey(label) ?? `${key}.${slugify(label)}`, label, '', listItems, numbersOf(b));
    } else if (
      b.kind === 'paragraph' &&
      b.lines.length >= 3 &&
      b.lines.every((l) => wordCount(l.text) <= 4)
    ) {
      addSection(r, 'slogan', 'Slogan', b.text, [], numbersOf(b));
    } else if (b.kind === 'name' && i === span.end && b.parts.length >= 2 && heading) {
      const [name, roleText, date] = b.parts;
      addSection(r, `${key}.signatory.name`, 'Name', name!, [], [b.lines[0]!.number]);
      addSection(r, `${key}.signatory.role`, 'Role', roleText!, [], [b.lines[1]!.number]);
      if (date !== undefined) {
        addSection(r, `${key}.signatory.date`, 'Date', date, [], [b.lines[2]!.number]);
        r.doc.period ??= /\d{4}/.exec(date)?.[0];
      }
    } else if (b.kind === 'paragraph' || b.kind === 'quote') {
      text.push(b.text);
      lines.push(...numbersOf(b));
    } else if (b.kind === 'bullet') {
      items.push(item(b.text, numbersOf(b), b.children));
    } else {
      r.doc.needsReview.push({
        message: `"${b.text}" stands on its own, with nothing it plainly belongs to`,
        lines: numbersOf(b),
      });
    }
  }
  const source = sourceOf(spanText.join(' '));
  for (let i = span.start; i <= span.end; i++) {
    const feedback = youSaid.find((f) => f.lines.includes(r.blocks[i]!.lines[0]!.number));
    if (feedback) feedback.source = source;
  }
  if (heading || text.length > 0 || items.length > 0) {
    addSection(r, key, heading ? sentenceCase(heading.text) : '', text.join('\n\n'), items, lines, at);
  }
}

/** Who gave "You said" feedback, from the text around it ("Our staff and partners are ..."). */
function sourceOf(text: string): FeedbackSource {
  if (/\b(?:staff|practitioners|workforce|colleagues|social workers)\b/i.test(text)) return 'staff';
  if (/\bpartners?\b/i.test(text)) return 'partner';
  if (/\b(?:children|young people)\b/i.test(text)) return 'child-or-young-person';
  if (/\b(?:parents|carers|families)\b/i.test(text)) return 'parent-or-carer';
  return 'unknown';
}

// ---------------------------------------------------------------------------------------------
// Recognise

/**
 * Impact and action labels under numbered priorities are what mark an improvement plan; a
 * foreword, vision or standards add confidence. "We said / We did" alone is another kind.
 */
function recognise(lines: SourceLine[]): number {
  let impact = 0;
  let actions = 0;
  let priorities = 0;
  let framing = 0;
  for (const line of lines) {
    const text = line.text.trim();
    if (impactLabel.test(text)) impact += 1;
    else if (doLabel.test(text)) actions += 1;
    else if (priorityHeading(text) && /[:.–-]/.test(text.slice(0, 14))) priorities += 1;
    else if (/^(?:foreword|vision(?: and values)?|our values|roles and responsibilities)\b/i.test(text))
      framing += 1;
    else if (/\bstandards\b/i.test(text) && text === text.toUpperCase()) framing += 1;
  }
  let score = 0;
  if (impact > 0) score += 0.35;
  if (actions > 0) score += 0.25;
  if (priorities >= 2) score += 0.2;
  if (framing > 0) score += 0.2;
  return Math.min(1, score);
}
