/**
 * "We said, We did" progress reports (seed 000): numbered priorities, each a run of "We said"
 * commitments answered by "We did" outcomes. Poster layouts break the one-after-the-other order, so
 * pairs are made by position and every pairing that is not plainly one-to-one is flagged for a
 * person to check, never guessed silently.
 *
 * The cover (before the first priority) is read as: the first paragraph is the title (and period);
 * a bare "We said:" / "We did:" there is the poster's key, not a commitment, so it is page
 * furniture; any other cover text (a strapline such as "Child Friendly Tameside") is kept as the
 * "cover" section, because the council wrote it and it may matter to the child-friendly page.
 * Later lines that repeat the title or cover text are page headers, so page furniture too.
 */
import { emptyDocument, LineLedger } from './ledger.ts';
import {
  isBlank,
  isPageNumberLine,
  parseBullet,
  parseNumberedHeading,
  readValue,
  splitLabel,
} from './text.ts';
import type {
  DocumentExtractor,
  ImportedCommitment,
  ImportedDocument,
  ImportedPriority,
  LineRefs,
  SourceLine,
} from './types.ts';

const saidLabels = ['We said', 'What we said'];
const didLabels = ['We did', 'What we did', 'What we have done'];
const bothLabels = [...saidLabels, ...didLabels];
const priorityWords = ['Priority', 'Ambition', 'Theme'];

type Side = 'said' | 'did';

interface Paragraph {
  text: string;
  lines: number[];
}

/** A "We said" or "We did" label and the paragraphs under it. */
interface Block {
  side: Side;
  label: number;
  paragraphs: Paragraph[];
}

interface Occurrence {
  number: number;
  heading: number;
  title?: Paragraph;
  blocks: Block[];
}

export const weSaidWeDidExtractor: DocumentExtractor = {
  kind: 'we-said-we-did',
  recognise,
  extract,
};

function recognise(lines: SourceLine[]): number {
  let said = 0;
  let did = 0;
  let headings = 0;
  for (const line of lines) {
    const side = sideOf(line.text);
    if (side === 'said') said += 1;
    else if (side === 'did') did += 1;
    else if (headingOf(line.text)) headings += 1;
    if (Math.min(said, did) >= 3 && headings > 0) break; // as sure as it gets
  }
  if (said === 0 || did === 0) return 0;
  return 0.6 + (Math.min(said, did) >= 3 ? 0.2 : 0.1) + (headings > 0 ? 0.2 : 0);
}

function extract(lines: SourceLine[]): ImportedDocument {
  const ledger = new LineLedger(lines);
  const doc = emptyDocument('we-said-we-did', '');
  const firstHeading = lines.findIndex((line) => headingOf(line.text));
  const coverEnd = firstHeading !== -1 ? firstHeading : firstLabelWithText(lines);
  const repeated = readCover(lines.slice(0, coverEnd), doc, ledger);
  const body = lines.slice(coverEnd);
  const occurrences =
    firstHeading !== -1
      ? readOccurrences(body, repeated, doc, ledger)
      : [implicitPriority(body, repeated, doc, ledger)];
  for (const [number, group] of groupByNumber(occurrences)) {
    doc.priorities.push(buildPriority(number, group, doc, ledger));
  }
  doc.unplaced = ledger.unplaced();
  return doc;
}

// ---------------------------------------------------------------------------------------------
// Cover

/** Reads the cover and returns the texts that, repeated later, mark a page header. */
function readCover(cover: SourceLine[], doc: ImportedDocument, ledger: LineLedger): Set<string> {
  const repeated = new Set<string>();
  const coverText: SourceLine[] = [];
  let titleDone = false;
  for (const paragraph of paragraphsOf(cover)) {
    const first = paragraph[0]!;
    if (paragraph.length === 1 && sideOf(first.text) && splitLabel(first.text, bothLabels)?.value === '') {
      doc.pageFurniture.push(first);
      ledger.place(first.number, 'pageFurniture');
    } else if (!titleDone) {
      titleDone = true;
      doc.title = paragraph.map((line) => readValue(line.text)).join(' ');
      doc.period = periodOf(doc.title);
      ledger.place(numbers(paragraph), 'title');
      paragraph.forEach((line) => repeated.add(key(line.text)));
    } else coverText.push(...paragraph);
  }
  if (coverText.length > 0) {
    doc.sections.push({
      key: 'cover',
      heading: 'Cover',
      text: coverText.map((line) => readValue(line.text)).join(' '),
      items: [],
      lines: numbers(coverText),
    });
    ledger.place(numbers(coverText), 'sections.cover');
    coverText.forEach((line) => repeated.add(key(line.text)));
  }
  return repeated;
}

function periodOf(title: string): string | undefined {
  return /\b\d{4}\s*[/–-]\s*\d{2,4}\b/.exec(title)?.[0] ?? /\b(?:19|20)\d{2}\b/.exec(title)?.[0];
}

// ---------------------------------------------------------------------------------------------
// Priorities and blocks

function readOccurrences(
  lines: SourceLine[],
  repeated: Set<string>,
  doc: ImportedDocument,
  ledger: LineLedger,
  start?: Occurrence,
): Occurrence[] {
  const occurrences: Occurrence[] = start ? [start] : [];
  let current = start;
  let block: Block | undefined;
  let paragraph: Paragraph | undefined;
  let expectTitle = false;

  for (const line of lines) {
    if (isBlank(line)) {
      paragraph = undefined;
      // The title is one paragraph: a second one before the first label is not part of it.
      if (current?.title) expectTitle = false;
      continue;
    }
    const heading = headingOf(line.text);
    if (heading) {
      current = { number: heading.number, heading: line.number, blocks: [] };
      if (heading.rest !== '') current.title = { text: heading.rest, lines: [] };
      occurrences.push(current);
      block = paragraph = undefined;
      expectTitle = heading.rest === '';
      continue;
    }
    if (repeated.has(key(line.text)) || isPageNumberLine(line.text)) {
      doc.pageFurniture.push(line);
      ledger.place(line.number, 'pageFurniture');
      paragraph = undefined;
      continue;
    }
    const side = sideOf(line.text);
    if (side) {
      const inline = splitLabel(line.text, side === 'said' ? saidLabels : didLabels)!;
      block = { side, label: line.number, paragraphs: [] };
      current?.blocks.push(block);
      expectTitle = false;
      paragraph = undefined;
      const text = [inline.value, ...inline.rest].join(' ').trim();
      if (text !== '') block.paragraphs.push((paragraph = { text, lines: [line.number] }));
      continue;
    }
    const bullet = parseBullet(line.text);
    const text = readValue(bullet ? bullet.text : line.text);
    if (expectTitle && current) {
      // The title is the paragraph after the heading, wrapped over as many lines as it takes.
      current.title ??= { text: '', lines: [] };
      current.title.text = `${current.title.text} ${text}`.trim();
      current.title.lines.push(line.number);
      continue;
    }
    if (!block) continue; // text between a title and the first label stays unplaced
    if (paragraph && !bullet) {
      paragraph.text = `${paragraph.text} ${text}`;
      paragraph.lines.push(line.number);
    } else block.paragraphs.push((paragraph = { text, lines: [line.number] }));
  }
  return occurrences;
}

/** Without any "Priority" heading, everything after the cover is read as one priority, flagged. */
function implicitPriority(
  lines: SourceLine[],
  repeated: Set<string>,
  doc: ImportedDocument,
  ledger: LineLedger,
): Occurrence {
  doc.needsReview.push({
    message:
      'No priority headings were found, so every commitment is under one priority. Check the priorities.',
    lines: [],
  });
  const start: Occurrence = { number: 1, heading: 0, blocks: [] };
  readOccurrences(lines, repeated, doc, ledger, start);
  return start;
}

/** Where the body starts when there are no headings: the first label with text under it. */
function firstLabelWithText(lines: SourceLine[]): number {
  for (let i = 0; i < lines.length; i++) {
    if (!sideOf(lines[i]!.text)) continue;
    const next = lines.slice(i + 1).find((line) => !isBlank(line));
    if (splitLabel(lines[i]!.text, bothLabels)!.value !== '' || (next && !sideOf(next.text))) return i;
  }
  return lines.length;
}

function groupByNumber(occurrences: Occurrence[]): Map<number, Occurrence[]> {
  const groups = new Map<number, Occurrence[]>();
  for (const occurrence of occurrences) {
    const group = groups.get(occurrence.number);
    if (group) group.push(occurrence);
    else groups.set(occurrence.number, [occurrence]);
  }
  return groups;
}

function buildPriority(
  number: number,
  group: Occurrence[],
  doc: ImportedDocument,
  ledger: LineLedger,
): ImportedPriority {
  const field = `priorities.${number}`;
  const titled = group.filter((o) => o.title);
  const title = titled[0]?.title?.text ?? '';
  const priority: ImportedPriority = {
    number,
    title,
    impactForChildren: [],
    whatWeWillDo: [],
    areas: [],
    commitments: [],
    lines: [],
  };
  for (const occurrence of group) {
    const own = [occurrence.heading, ...(occurrence.title?.lines ?? [])].filter((n) => n > 0);
    priority.lines.push(...own);
    if (occurrence.heading > 0) ledger.place(occurrence.heading, field);
    ledger.place(occurrence.title?.lines ?? [], `${field}.title`);
  }
  if (title === '') {
    doc.needsReview.push({
      message: `Priority ${number} has no title. Add one.`,
      lines: group.map((o) => o.heading).filter((n) => n > 0),
    });
  }
  const differing = titled.filter((o) => key(o.title!.text) !== key(title));
  if (differing.length > 0) {
    doc.needsReview.push({
      message: `Priority ${number} has a different title on line ${differing.map((o) => o.heading).join(', ')}. The first title was kept: check the others.`,
      lines: titled.flatMap((o) => o.title!.lines),
    });
  }
  const blocks = group.flatMap((o) => o.blocks).filter((block) => keepBlock(block, number, doc));
  for (let i = 0; i < blocks.length;) {
    const said: Block[] = [];
    const did: Block[] = [];
    while (blocks[i]?.side === 'said') said.push(blocks[i++]!);
    while (blocks[i]?.side === 'did') did.push(blocks[i++]!);
    priority.commitments.push(...pairRun(number, said, did, doc));
  }
  priority.commitments.forEach((commitment, c) => {
    ledger.place(commitment.lines, `${field}.commitments.${c}`);
    commitment.outcomes.forEach((outcome, o) =>
      ledger.place(outcome.lines, `${field}.commitments.${c}.outcomes.${o}`),
    );
  });
  return priority;
}

/** A label with no text under it says nothing: leave it unplaced and say so. */
function keepBlock(block: Block, number: number, doc: ImportedDocument): boolean {
  if (block.paragraphs.length > 0) return true;
  doc.needsReview.push({
    message: `Priority ${number}: "${sideName(block.side)}" on line ${block.label} has no text after it.`,
    lines: [block.label],
  });
  return false;
}

/**
 * Pairs a run of "We said" blocks with the run of "We did" blocks after it, in order. Extra "We did"
 * blocks go to the last commitment; every commitment of a run of unequal length, and any with other
 * than one outcome, is flagged.
 */
function pairRun(number: number, said: Block[], did: Block[], doc: ImportedDocument): ImportedCommitment[] {
  if (said.length === 0) {
    const refs = did.flatMap(blockLines);
    doc.needsReview.push({
      message: `Priority ${number}: "We did" on ${linesText(did.map((b) => b.label))} has no "We said" before it, so it was not imported.`,
      lines: refs,
    });
    return [];
  }
  const commitments: ImportedCommitment[] = said.map((block) => ({
    text: block.paragraphs.map((p) => p.text).join('\n\n'),
    outcomes: [],
    lines: blockLines(block),
  }));
  did.forEach((block, i) => {
    const commitment = commitments[Math.min(i, commitments.length - 1)]!;
    if (!isInline(block)) commitment.lines.push(block.label);
    commitment.outcomes.push(...block.paragraphs.map((p) => ({ text: p.text, lines: p.lines })));
  });

  const runLines = [...said, ...did].map((b) => b.label);
  if (said.length !== did.length) {
    const message = `Priority ${number}: ${said.length} "We said" (${linesText(said.map((b) => b.label))}) ${said.length === 1 ? 'is' : 'are'} followed by ${did.length} "We did" (${linesText(did.map((b) => b.label))}). They were paired in order: check which "We did" answers which "We said".`;
    commitments.forEach((c) => (c.needsReview = message));
    doc.needsReview.push({ message, lines: runLines });
    return commitments;
  }
  if (said.length > 1) {
    doc.needsReview.push({
      message: `Priority ${number}: ${said.length} "We said" (${linesText(said.map((b) => b.label))}) come before their ${said.length} "We did" (${linesText(did.map((b) => b.label))}). They were paired in order: check the pairs.`,
      lines: runLines,
    });
  }
  commitments.forEach((commitment, i) => {
    if (commitment.outcomes.length === 1) return;
    const outcomeLines = commitment.outcomes.map((o) => o.lines[0]!);
    commitment.needsReview = `"We said" on line ${said[i]!.label} has ${commitment.outcomes.length} "We did" paragraphs (${linesText(outcomeLines)}). Check they all answer it.`;
    doc.needsReview.push({
      message: `Priority ${number}: ${commitment.needsReview}`,
      lines: [said[i]!.label, ...outcomeLines],
    });
  });
  return commitments;
}

// ---------------------------------------------------------------------------------------------
// Small readers

function headingOf(text: string): { number: number; rest: string } | undefined {
  const heading = parseNumberedHeading(text, priorityWords);
  // "Priority 1 was met" is a sentence; a heading is the number alone or a separator then a title.
  if (!heading || (heading.rest !== '' && heading.separator === '')) return undefined;
  return heading;
}

function sideOf(text: string): Side | undefined {
  if (parseBullet(text)) return undefined;
  if (splitLabel(text, saidLabels)) return 'said';
  if (splitLabel(text, didLabels)) return 'did';
  return undefined;
}

function paragraphsOf(lines: SourceLine[]): SourceLine[][] {
  const paragraphs: SourceLine[][] = [];
  let current: SourceLine[] = [];
  for (const line of lines) {
    if (isBlank(line) || sideOf(line.text)) {
      if (current.length > 0) paragraphs.push(current);
      current = [];
      if (!isBlank(line)) paragraphs.push([line]);
    } else current.push(line);
  }
  if (current.length > 0) paragraphs.push(current);
  return paragraphs;
}

function blockLines(block: Block): LineRefs {
  return [...(isInline(block) ? [] : [block.label]), ...block.paragraphs.flatMap((p) => p.lines)];
}

/** "We did: We published ..." has its first paragraph on the label's own line. */
function isInline(block: Block): boolean {
  return block.paragraphs[0]?.lines[0] === block.label;
}

function key(text: string): string {
  return readValue(text).toLowerCase().replace(/[.:]$/, '');
}

function numbers(lines: SourceLine[]): number[] {
  return lines.map((line) => line.number);
}

function sideName(side: Side): string {
  return side === 'said' ? 'We said' : 'We did';
}

function linesText(refs: number[]): string {
  return refs.length === 1
    ? `line ${refs[0]}`
    : `lines ${refs.slice(0, -1).join(', ')} and ${refs[refs.length - 1]}`;
}
